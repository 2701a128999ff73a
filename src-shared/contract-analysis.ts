import { z } from 'zod';
import { def } from './contract-def';
import { clvFit, clvFitInput } from './schemas/clv';
import { empty, idField, idInput } from './schemas/common';
import { dashboardInput, dashboardOutput } from './schemas/dashboard';
import { adjustInput, loyaltyCustomerInput, loyaltyCustomerOutput, loyaltyReportInput, loyaltyReportOutput, redeemInput } from './schemas/loyalty';
import { rfmCustomerOutput, rfmMembersInput, rfmMembersOutput, rfmRunInput, rfmRunsInput, rfmRunsOutput, rfmSummary } from './schemas/rfm';

/**
 * What the shop's sales say: RFM segments, lifetime value, the dashboard, and loyalty points.
 * Part of the one contract (contract.ts), kept apart by domain so that each list stays short.
 */
export const analysisChannels = {
  /** A job (progress, cancel); answers with the new run's summary. */
  'rfm.run': def(rfmRunInput, rfmSummary),
  'rfm.runs': def(rfmRunsInput, rfmRunsOutput),
  /** A run's segment table, R×F grid and movement since the run before it; the latest run by default. */
  'rfm.summary': def(z.strictObject({ runId: idField.optional() }), rfmSummary),
  'rfm.members': def(rfmMembersInput, rfmMembersOutput),
  'rfm.customer': def(idInput, rfmCustomerOutput),
  /** A job: BG/NBD and Gamma-Gamma fitted on the shop's sales, checked on a holdout; answers with the fit. */
  'clv.fit': def(clvFitInput, clvFit),
  /** The latest fit, refused or not; null before the first. */
  'clv.latest': def(empty, clvFit.nullable()),
  'dashboard.get': def(dashboardInput, dashboardOutput),

  /** Loyalty points (issue 24): a customer's balance, tier, next expiry and ledger. */
  'loyalty.customer': def(loyaltyCustomerInput, loyaltyCustomerOutput),
  /** Staff up to the shop's limit per redemption; owners and managers without one. */
  'loyalty.redeem': def(redeemInput, z.object({ balance: z.number().int(), value: z.number() })),
  'loyalty.adjust': def(adjustInput, z.object({ balance: z.number().int() })),
  /** Per month: issued, redeemed, expired, and the points still owed with their worth in rupiah. */
  'loyalty.report': def(loyaltyReportInput, loyaltyReportOutput),
} as const;
