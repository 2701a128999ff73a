import type { z } from 'zod';
import { AppError } from '../../src-shared/errors';
import type { ClvFit, clvFitInput, ClvHoldout } from '../../src-shared/schemas/clv';
import type { AppServices, Ctx } from '../core/context';
import { JobFailed } from '../jobs/runner';
import { shopToday } from '../business/today';
import { getSettings } from '../settings/service';
import type { ClvFitParams, ClvTrigger } from './fit-job';

async function resolveParams(services: Pick<AppServices, 'db' | 'clock'>, input: z.output<typeof clvFitInput>, trigger: ClvTrigger): Promise<ClvFitParams> {
  const settings = await getSettings(services);
  const asOf = input.asOf ?? (await shopToday(services));
  const calibrationEnd = input.calibrationEnd ?? asOf;
  return {
    asOf,
    calibrationEnd: calibrationEnd < asOf ? calibrationEnd : asOf,
    unitDays: input.unit === 'day' ? 1 : 7,
    monthlyDiscount: settings.clvMonthlyDiscount,
    // The horizon is the one Settings gives the RFM proxy: the years a customer is expected to stay.
    horizonMonths: Math.round(settings.clvExpectedYears * 12),
    trigger,
  };
}

/** Fit on demand: a job with progress and cancel; answers with the new fit. */
export async function fitClvNow(ctx: Ctx, input: z.output<typeof clvFitInput>, trigger: ClvTrigger = 'manual'): Promise<ClvFit> {
  if (ctx.jobs.isRunning('clv.fit')) throw new AppError('CONFLICT', ctx.t('err.jobRunning'));
  const params = await resolveParams(ctx, input, trigger);
  const { fitId } = await ctx.jobs.run('clv.fit', params, ctx.userId, ctx.clientId).done;
  return (await latestFit(ctx, fitId)) as ClvFit;
}

/**
 * After an RFM run, for its analysis date (the bands and lists read the fit made for their run's
 * date), nobody waiting: a failure keeps the previous fit, and the next run tries again.
 */
export function fitClvInBackground(services: AppServices, userId: string | null, asOf: string): Promise<void> {
  if (services.jobs.isRunning('clv.fit')) return Promise.resolve();
  return resolveParams(services, { asOf }, 'rfm')
    .then((params) => services.jobs.run('clv.fit', params, userId).done)
    .then(
      () => undefined,
      (error: unknown) => {
        if ((error instanceof JobFailed && error.cancelled) || services.jobs.stopped) return;
        console.error(`CLV fit failed: ${error instanceof Error ? error.message : String(error)}`);
      },
    );
}

/** The latest fit (or the one asked for), or null when the shop was never fitted. */
export async function latestFit(ctx: Pick<Ctx, 'db'>, id?: string): Promise<ClvFit | null> {
  let q = ctx.db.selectFrom('clv_fits').selectAll();
  q = id ? q.where('id', '=', id) : q.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(1);
  const row = await q.executeTakeFirst();
  if (!row) return null;
  const fitted = row.status === 'fitted' && row.r !== null && row.alpha !== null && row.a !== null && row.b !== null && row.log_likelihood !== null;
  const gg = row.status === 'fitted' && row.p !== null && row.q !== null && row.gamma !== null;
  return {
    id: row.id,
    asOf: row.as_of,
    calibrationEnd: row.calibration_end,
    unit: row.unit_days === 1 ? 'day' : 'week',
    status: row.status,
    customers: row.customers,
    repeatBuyers: row.repeat_buyers,
    bgnbd: fitted ? { r: row.r!, alpha: row.alpha!, a: row.a!, b: row.b!, logLikelihood: row.log_likelihood!, customers: row.customers } : null,
    gammaGamma: gg ? { p: row.p!, q: row.q!, gamma: row.gamma!, customers: row.repeat_buyers } : null,
    monthlyDiscount: row.monthly_discount,
    horizonMonths: row.horizon_months,
    holdout: row.holdout ? (JSON.parse(row.holdout) as ClvHoldout) : null,
    durationMs: row.duration_ms,
    createdAt: row.created_at,
  };
}
