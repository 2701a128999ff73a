import { z } from 'zod';
import { isoDate } from './common';

/** Below these the data cannot support a fit: the app keeps its rule-of-thumb band and says why. */
export const CLV_MIN_CUSTOMERS = 100;
export const CLV_MIN_REPEAT_BUYERS = 30;

/** Why a shop's data could not support a fit; the app then keeps its rule-of-thumb churn band. */
export const CLV_REFUSALS = ['too_few_customers', 'too_few_repeat_buyers', 'no_convergence', 'degenerate'] as const;
export const clvStatus = z.enum(['fitted', ...CLV_REFUSALS]);
export type ClvStatus = z.infer<typeof clvStatus>;

export const clvFitInput = z
  .strictObject({
    /** Defaults to today in the business time zone. */
    asOf: isoDate.optional(),
    /** Fit on sales up to this day; the days after it up to asOf are the holdout. Defaults to asOf. */
    calibrationEnd: isoDate.optional(),
    unit: z.enum(['week', 'day']).optional(),
  })
  .refine((i) => !(i.asOf && i.calibrationEnd && i.calibrationEnd > i.asOf), { path: ['calibrationEnd'], message: 'v.range' });

/** Predicted and actual repeat purchases after the calibration period, among its customers. */
export const clvHoldout = z.object({
  status: clvStatus,
  calibrationEnd: z.string(),
  end: z.string(),
  customers: z.number(),
  predicted: z.number(),
  actual: z.number(),
  /** Per calibration frequency (repeat purchase days; the last group is "this many or more"): mean per customer. */
  byFrequency: z.array(z.object({ x: z.number(), orMore: z.boolean(), customers: z.number(), predicted: z.number(), actual: z.number() })),
});
export type ClvHoldout = z.infer<typeof clvHoldout>;

export const clvFit = z.object({
  id: z.string(),
  asOf: z.string(),
  calibrationEnd: z.string(),
  unit: z.enum(['week', 'day']),
  status: clvStatus,
  customers: z.number(),
  repeatBuyers: z.number(),
  bgnbd: z.object({ r: z.number(), alpha: z.number(), a: z.number(), b: z.number(), logLikelihood: z.number(), customers: z.number() }).nullable(),
  gammaGamma: z.object({ p: z.number(), q: z.number(), gamma: z.number(), customers: z.number() }).nullable(),
  monthlyDiscount: z.number(),
  horizonMonths: z.number(),
  holdout: clvHoldout.nullable(),
  durationMs: z.number(),
  createdAt: z.string(),
});
export type ClvFit = z.infer<typeof clvFit>;
