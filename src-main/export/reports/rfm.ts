/** Reports of an RFM analysis: its customers, one segment's members, the segment table, win-back. */
import { sql } from 'kysely';
import { z } from 'zod';
import { AppError } from '../../../src-shared/errors';
import { formatDate } from '../../../src-shared/format/date';
import { segmentName } from '../../../src-shared/i18n/segments';
import type { SegmentId } from '../../../src-shared/rfm/rules';
import { idField } from '../../../src-shared/schemas/common';
import { rfmMembersInput, type RfmRunRow } from '../../../src-shared/schemas/rfm';
import { winBackQuery } from '../../dashboard/queries';
import { derivedFigures } from '../../rfm/derived';
import { filterMembers, findRun, memberListQuery } from '../../rfm/queries';
import type { Language } from '../../../src-shared/schemas/auth';
import { defineReport, EVERYONE, MANAGERS, prepared, words, type Report, type ReportEnv, type Words } from '../report';
import { COLUMN, RFM_FIGURES } from '../columns';
import { churnText, fraction, segmentAction } from '../show';

/** The run asked for, or the latest; a shop that never ran one is told to run one. */
async function runOf(env: ReportEnv, runId: string | undefined): Promise<RfmRunRow> {
  const run = await findRun(env, runId);
  if (!run) throw new AppError('NOT_FOUND', env.t('rfm.noRun'));
  return run;
}

/** The analysis's date and method, in the file's language. */
function runNote(run: RfmRunRow, language: Language): [Words, string][] {
  const method = words(run.method === 'fixed' ? 'fixedThresholds' : 'quintiles', language);
  return [['rfmAnalysis', `${formatDate(run.analysisDate)} (${method})`]];
}

const memberFilters = rfmMembersInput.omit({ page: true, pageSize: true });

/** A run's scored customers, as the RFM page lists them (filters, search, sort). */
export const rfmReport = defineReport({
  id: 'rfm',
  name: 'report.rfmResults',
  file: 'file.rfmResults',
  group: 'analysis',
  roles: MANAGERS,
  filters: memberFilters,
  columns: [
    // listKey: the segment page's member columns (its name column shows the code too).
    { ...COLUMN.code, listKey: 'name' },
    COLUMN.name,
    COLUMN.phone,
    COLUMN.city,
    COLUMN.segment,
    { key: 'r_score', type: 'integer', label: 'rScore', listKey: 'r' },
    { key: 'f_score', type: 'integer', label: 'fScore', listKey: 'f' },
    { key: 'm_score', type: 'integer', label: 'mScore', listKey: 'm' },
    { ...COLUMN.recencyDays, listKey: 'recency' },
    { ...COLUMN.frequency, total: true },
    COLUMN.monetary,
    { key: 'avg_order_value', type: 'money', label: 'averageOrder', listKey: 'aov' },
    { key: 'first_purchase', type: 'date', label: 'firstPurchase', listKey: 'first' },
    { ...COLUMN.lastPurchase, listKey: 'recency' },
    { key: 'clv', type: 'money', label: 'customerValueEstimateClv', total: true },
    { key: 'median_gap_days', type: 'decimal', label: 'usualGapDays', listKey: 'churn' },
    { key: 'churn_ratio', type: 'decimal', label: 'gapRatio', listKey: 'churn' },
    { key: 'churn_band', type: 'text', label: 'churnRisk', show: churnText, listKey: 'churn' },
    COLUMN.pAlive,
    COLUMN.expected90,
    COLUMN.clvFitted,
  ],
  async prepare(filters, env) {
    const run = await runOf(env, filters.runId);
    const derived = derivedFigures(run);
    const columns = (page?: { limit: number; offset: number }) =>
      memberListQuery(env.db, run, filters, page).select([
        'customers.code',
        'customers.name',
        'customers.phone',
        'customers.city',
        ...RFM_FIGURES,
        'a.avg_order_value',
        'a.first_purchase',
        'a.last_purchase',
        derived.clv.as('clv'),
        'a.median_gap_days',
        derived.churnRatio.as('churn_ratio'),
        derived.churnBand.as('churn_band'),
        derived.pAlive.as('p_alive'),
        derived.expected90.as('expected_90'),
        derived.clvFitted.as('clv_fitted'),
      ]);
    const query = columns();
    return prepared(query, {
      notes: runNote(run, env.language),
      // The members' keys are sorted and cut before the join, as the segment page reads a page.
      first: (limit) => columns({ limit, offset: 0 }),
      // Counted and summed over the run's rows alone: no join, no sort.
      totals: filterMembers(env.db, run, filters).select((eb) => [
        eb.fn.countAll<number>().as('rows'),
        eb.fn.sum<number>('a.frequency').as('frequency'),
        eb.fn.sum<number>('a.monetary').as('monetary'),
        eb.fn.sum<number>(derived.clv).as('clv'),
        eb.fn.sum<number>(derived.clvFitted).as('clv_fitted'),
      ]),
    });
  },
});

/** One segment's members: the RFM report with the segment fixed. */
export function segmentReport(segment: SegmentId): Report {
  const slug = segment.replace(/_/g, '-');
  return defineReport({
    ...rfmReport,
    id: `segment:${segment}`,
    name: (language) => words('report.segment', language, { name: segmentName(segment, language) }),
    file: (language) => words('file.segment', language, { slug }),
    filters: memberFilters.omit({ segment: true }),
    prepare: (filters, env) => rfmReport.prepare({ ...filters, segment }, env),
  });
}

const runFilter = z.strictObject({ runId: idField.optional() });

/** The RFM page's segment table, as stored with the run. */
export const segmentSummaryReport = defineReport({
  id: 'segment-summary',
  name: 'report.segmentSummary',
  file: 'file.segmentSummary',
  group: 'analysis',
  roles: EVERYONE,
  filters: runFilter,
  columns: [
    COLUMN.segment,
    { key: 'customers', type: 'integer', label: 'customers', total: true },
    { key: 'customersPct', type: 'percent', label: 'shareOfCustomers', show: fraction },
    { key: 'revenue', type: 'money', label: 'revenue', total: true },
    { key: 'revenuePct', type: 'percent', label: 'shareOfRevenue', show: fraction },
    { key: 'aov', type: 'money', label: 'averageOrder' },
    { key: 'meanRecencyDays', type: 'decimal', label: 'meanDaysSincePurchase' },
    { key: 'meanFrequency', type: 'decimal', label: 'meanPurchases' },
    { key: 'meanMonetary', type: 'money', label: 'meanTotalSpent', show: (v) => (typeof v === 'number' ? Math.round(v) : null) },
    { key: 'action', type: 'text', label: 'recommendedAction', show: segmentAction },
  ],
  async prepare(filters, env) {
    const run = await runOf(env, filters.runId);
    const stored = await env.db.selectFrom('rfm_runs').select('summary').where('id', '=', run.id).executeTakeFirstOrThrow();
    // The table was computed with the run and kept as JSON; json_each reads its rows as a table.
    const field = (path: string, alias: string) => sql`json_extract(${sql.ref('s.value')}, ${`$.${path}`})`.as(alias);
    const query = env.db
      .selectFrom(sql`json_each(${stored.summary}, '$.segments')`.as('s'))
      .select([
        field('segment', 'segment'),
        field('customers', 'customers'),
        field('customersPct', 'customersPct'),
        field('revenue', 'revenue'),
        field('revenuePct', 'revenuePct'),
        field('aov', 'aov'),
        field('meanRecencyDays', 'meanRecencyDays'),
        field('meanFrequency', 'meanFrequency'),
        field('meanMonetary', 'meanMonetary'),
        field('segment', 'action'),
      ])
      .orderBy(sql`${sql.ref('s.key')}`);
    return prepared(query, { notes: runNote(run, env.language) });
  },
});

/** Customers worth winning back: At Risk, Can't Lose Them and Hibernating, most valuable first. */
export const winBackReport = defineReport({
  id: 'win-back',
  name: 'report.customersToWinBack',
  file: 'file.winBack',
  group: 'analysis',
  roles: MANAGERS,
  filters: runFilter,
  columns: [
    COLUMN.code,
    COLUMN.name,
    COLUMN.phone,
    COLUMN.email,
    COLUMN.city,
    COLUMN.segment,
    COLUMN.lastPurchase,
    COLUMN.recencyDays,
    COLUMN.frequency,
    COLUMN.monetary,
  ],
  async prepare(filters, env) {
    const run = await runOf(env, filters.runId);
    const query = winBackQuery(env.db, run.id, ['at_risk', 'cant_lose_them', 'hibernating']).select([
      'c.code',
      'c.name',
      'c.phone',
      'c.email',
      'c.city',
      'a.segment',
      'a.last_purchase',
      'a.recency_days',
      'a.frequency',
      'a.monetary',
    ]);
    return prepared(query, { notes: runNote(run, env.language) });
  },
});
