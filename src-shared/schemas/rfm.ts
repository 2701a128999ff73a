import { z } from 'zod';
import { CHURN_BANDS, gridFromCells, RFM_METHODS, SEGMENT_IDS } from '../rfm/rules';
import { idField, isoDate, pageInput, pageOutput } from './common';

export const segmentId = z.enum(SEGMENT_IDS);
export const rfmMethod = z.enum(RFM_METHODS);
export const churnBandField = z.enum(CHURN_BANDS);

/** Four ascending edges, each a whole number ≥ 0 (the UI and the CLI both validate with this). */
export const edgeList = z
  .array(z.number('v.number').int('v.integer').min(0, 'v.range').max(1e13, 'v.range'))
  .length(4, 'v.rfmEdges')
  .refine((edges) => edges.every((e, i) => i === 0 || e > edges[i - 1]), 'v.rfmEdges');

export const rfmEdges = z.strictObject({ recencyDays: edgeList, frequency: edgeList, monetary: edgeList });

/** Segment → its `"r-f"` cells; refused unless every one of the 25 cells has exactly one segment. */
export const segmentCells = z
  .strictObject(
    Object.fromEntries(SEGMENT_IDS.map((s) => [s, z.array(z.string().max(3)).max(25)])) as Record<(typeof SEGMENT_IDS)[number], z.ZodArray<z.ZodString>>,
  )
  .superRefine((cells, ctx) => {
    for (const p of gridFromCells(cells).problems) {
      ctx.addIssue({
        code: 'custom',
        path: [p.cell],
        message: p.problem === 'empty' ? 'v.rfmCellEmpty' : p.problem === 'double' ? 'v.rfmCellDouble' : 'v.invalid',
      });
    }
  });

export const windowMonths = z.number().int().min(1, 'v.range').max(240, 'v.range').nullable();

export const rfmRunInput = z.strictObject({
  /** Defaults to today in the business time zone. */
  asOf: isoDate.optional(),
  method: rfmMethod.optional(),
  /** Omitted: the window from Settings; null: all time. */
  windowMonths: windowMonths.optional(),
  /** Omitted: the edges from Settings (the CLI can try others without changing Settings). */
  edges: rfmEdges.optional(),
});

const cutPoints = z.array(z.number()).length(4);

export const rfmParameters = z.object({
  /** The edges from Settings (what a fixed run scores with). */
  edges: rfmEdges,
  /** A quintile run's cut points, read off its own customers: its scores are the fixed rule with
   * these edges. Unlike Settings' edges they may repeat, fall below zero or (recency) descend.
   * Absent on runs saved before they were kept. */
  quintileEdges: z.object({ recencyDays: cutPoints, frequency: cutPoints, monetary: cutPoints }).optional(),
  segments: z.record(z.string(), z.array(z.string())),
  clvExpectedYears: z.number(),
  shopMedianGapDays: z.number().nullable(),
});
export type RfmParameters = z.infer<typeof rfmParameters>;

export const RFM_TRIGGERS = ['manual', 'import', 'startup'] as const;

export const rfmRunRow = z.object({
  id: z.string(),
  analysisDate: z.string(),
  method: rfmMethod,
  windowMonths: z.number().nullable(),
  customers: z.number(),
  durationMs: z.number(),
  trigger: z.enum(RFM_TRIGGERS),
  userName: z.string().nullable(),
  createdAt: z.string(),
  parameters: rfmParameters,
});
export type RfmRunRow = z.infer<typeof rfmRunRow>;

export const segmentSummaryRow = z.object({
  segment: segmentId,
  customers: z.number(),
  customersPct: z.number(),
  revenue: z.number(),
  revenuePct: z.number(),
  aov: z.number(),
  meanRecencyDays: z.number(),
  meanFrequency: z.number(),
  meanMonetary: z.number(),
});
export type SegmentSummaryRow = z.infer<typeof segmentSummaryRow>;

const movementRow = z.object({ from: segmentId.nullable(), to: segmentId, customers: z.number() });
const gridCell = z.object({ r: z.number(), f: z.number(), customers: z.number() });

/** Stored with each run (rfm_runs.summary): computed while the run had every figure at hand. */
export const rfmRunSummary = z.object({
  segments: z.array(segmentSummaryRow),
  grid: z.array(gridCell),
  movement: z.object({ previousRunId: z.string(), rows: z.array(movementRow) }).nullable(),
});
export type RfmRunSummary = z.infer<typeof rfmRunSummary>;

export const rfmSummary = z.object({
  run: rfmRunRow.nullable(),
  segments: z.array(segmentSummaryRow),
  /** Customers per R×F cell (every cell, zeros too), R from 5 down to 1. */
  grid: z.array(gridCell),
  /** Movement since the run before this one: customers per from → to (from null: not in that run). */
  movement: z.object({ previousRun: rfmRunRow, rows: z.array(movementRow) }).nullable(),
});
export type RfmSummary = z.infer<typeof rfmSummary>;

export const memberSortFields = [
  'name',
  'recency_days',
  'frequency',
  'monetary',
  'r_score',
  'f_score',
  'm_score',
  'last_purchase',
  'avg_order_value',
  'clv',
  'churn_ratio',
  'p_alive',
  'clv_fitted',
] as const;

export const rfmMembersInput = z.strictObject({
  runId: idField.optional(),
  segment: segmentId.optional(),
  r: z.number().int().min(1).max(5).optional(),
  f: z.number().int().min(1).max(5).optional(),
  m: z.number().int().min(1).max(5).optional(),
  churnBand: churnBandField.optional(),
  search: z.string().trim().max(100).optional(),
  sort: z.enum(memberSortFields).default('monetary'),
  desc: z.boolean().default(true),
  ...pageInput,
});
export type RfmMembersInput = z.input<typeof rfmMembersInput>;

export const rfmMemberRow = z.object({
  customerId: z.string(),
  code: z.string(),
  name: z.string(),
  phone: z.string().nullable(),
  city: z.string().nullable(),
  recencyDays: z.number(),
  frequency: z.number(),
  monetary: z.number(),
  r: z.number(),
  f: z.number(),
  m: z.number(),
  segment: segmentId,
  firstPurchase: z.string(),
  lastPurchase: z.string(),
  aov: z.number(),
  clv: z.number(),
  medianGapDays: z.number().nullable(),
  churnRatio: z.number().nullable(),
  /** The band comes from P(alive) when this is set (a fitted model scored a returning customer), else from the rule of thumb. */
  churnBand: churnBandField.nullable(),
  pAlive: z.number().nullable(),
  /** From the fitted model, for the run's date: purchases expected in the next 90 days, and the lifetime value in rupiah. */
  expected90: z.number().nullable(),
  clvFitted: z.number().nullable(),
});
export type RfmMemberRow = z.infer<typeof rfmMemberRow>;

export const rfmMembersOutput = pageOutput(rfmMemberRow).extend({ runId: z.string().nullable() });

export const rfmCustomerOutput = z.object({
  current: rfmMemberRow.extend({ runId: z.string(), analysisDate: z.string(), method: rfmMethod }).nullable(),
  history: z.array(
    z.object({ runId: z.string(), analysisDate: z.string(), method: rfmMethod, segment: segmentId, r: z.number(), f: z.number(), m: z.number() }),
  ),
  clvExpectedYears: z.number(),
  shopMedianGapDays: z.number().nullable(),
});
export type RfmCustomerOutput = z.infer<typeof rfmCustomerOutput>;

export const rfmRunsInput = z.strictObject({ ...pageInput });
export const rfmRunsOutput = pageOutput(rfmRunRow);
