/** Reports of an RFM analysis: its customers, one segment's members, the segment table, win-back. */
import { sql } from 'kysely';
import { z } from 'zod';
import { AppError } from '../../../src-shared/errors';
import { formatDate } from '../../../src-shared/format/date';
import { SEGMENT_TEXT } from '../../../src-shared/i18n/segments';
import type { SegmentId } from '../../../src-shared/rfm/rules';
import { idField } from '../../../src-shared/schemas/common';
import { rfmMembersInput, type RfmRunRow } from '../../../src-shared/schemas/rfm';
import { winBackQuery } from '../../dashboard/queries';
import { derivedFigures } from '../../rfm/derived';
import { filterMembers, findRun, memberListQuery } from '../../rfm/queries';
import { defineReport, EVERYONE, MANAGERS, prepared, type Report, type ReportEnv, type Words } from '../report';
import { COLUMN } from '../columns';
import { churnText, fraction, segmentAction } from '../show';

/** The run asked for, or the latest; a shop that never ran one is told to run one. */
async function runOf(env: ReportEnv, runId: string | undefined): Promise<RfmRunRow> {
  const run = await findRun(env, runId);
  if (!run) throw new AppError('NOT_FOUND', env.t('rfm.noRun'));
  return run;
}

function runNote(run: RfmRunRow): [Words, string][] {
  const method = run.method === 'fixed' ? ['batas tetap', 'fixed thresholds'] : ['kuintil', 'quintiles'];
  return [[['Analisis RFM', 'RFM analysis'], `${formatDate(run.analysisDate)} (${method[0]} / ${method[1]})`]];
}

const memberFilters = rfmMembersInput.omit({ page: true, pageSize: true });

/** A run's scored customers, as the RFM page lists them (filters, search, sort). */
export const rfmReport = defineReport({
  id: 'rfm',
  name: ['Hasil analisis RFM', 'RFM results'],
  file: ['hasil-rfm', 'rfm-results'],
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
    { key: 'r_score', type: 'integer', label: ['Skor R', 'R score'], listKey: 'r' },
    { key: 'f_score', type: 'integer', label: ['Skor F', 'F score'], listKey: 'f' },
    { key: 'm_score', type: 'integer', label: ['Skor M', 'M score'], listKey: 'm' },
    { ...COLUMN.recencyDays, listKey: 'recency' },
    { ...COLUMN.frequency, total: true },
    COLUMN.monetary,
    { key: 'avg_order_value', type: 'money', label: ['Rata-rata belanja', 'Average order'], listKey: 'aov' },
    { key: 'first_purchase', type: 'date', label: ['Pertama beli', 'First purchase'], listKey: 'first' },
    { ...COLUMN.lastPurchase, listKey: 'recency' },
    { key: 'clv', type: 'money', label: ['Perkiraan nilai pelanggan (CLV)', 'Customer value estimate (CLV)'], total: true },
    { key: 'median_gap_days', type: 'decimal', label: ['Jeda beli biasa (hari)', 'Usual gap (days)'], listKey: 'churn' },
    { key: 'churn_ratio', type: 'decimal', label: ['Rasio jeda', 'Gap ratio'], listKey: 'churn' },
    { key: 'churn_band', type: 'text', label: ['Risiko berhenti', 'Churn risk'], show: churnText, listKey: 'churn' },
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
        'a.segment',
        'a.r_score',
        'a.f_score',
        'a.m_score',
        'a.recency_days',
        'a.frequency',
        'a.monetary',
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
      notes: runNote(run),
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
    name: [`Segmen ${SEGMENT_TEXT.id[segment].name}`, `Segment ${SEGMENT_TEXT.en[segment].name}`],
    file: [`segmen-${slug}`, `segment-${slug}`],
    filters: memberFilters.omit({ segment: true }),
    prepare: (filters, env) => rfmReport.prepare({ ...filters, segment }, env),
  });
}

const runFilter = z.strictObject({ runId: idField.optional() });

/** The RFM page's segment table, as stored with the run. */
export const segmentSummaryReport = defineReport({
  id: 'segment-summary',
  name: ['Ringkasan segmen', 'Segment summary'],
  file: ['ringkasan-segmen', 'segment-summary'],
  group: 'analysis',
  roles: EVERYONE,
  filters: runFilter,
  columns: [
    COLUMN.segment,
    { key: 'customers', type: 'integer', label: ['Pelanggan', 'Customers'], total: true },
    { key: 'customersPct', type: 'percent', label: ['Porsi pelanggan', 'Share of customers'], show: fraction },
    { key: 'revenue', type: 'money', label: ['Pendapatan', 'Revenue'], total: true },
    { key: 'revenuePct', type: 'percent', label: ['Porsi pendapatan', 'Share of revenue'], show: fraction },
    { key: 'aov', type: 'money', label: ['Rata-rata belanja', 'Average order'] },
    { key: 'meanRecencyDays', type: 'decimal', label: ['Rata-rata hari sejak beli', 'Mean days since purchase'] },
    { key: 'meanFrequency', type: 'decimal', label: ['Rata-rata jumlah pembelian', 'Mean purchases'] },
    { key: 'meanMonetary', type: 'money', label: ['Rata-rata total belanja', 'Mean total spent'], show: (v) => (typeof v === 'number' ? Math.round(v) : null) },
    { key: 'action', type: 'text', label: ['Saran tindakan', 'Recommended action'], show: segmentAction },
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
    return prepared(query, { notes: runNote(run) });
  },
});

/** Customers worth winning back: At Risk, Can't Lose Them and Hibernating, most valuable first. */
export const winBackReport = defineReport({
  id: 'win-back',
  name: ['Pelanggan untuk diajak kembali', 'Customers to win back'],
  file: ['ajak-kembali', 'win-back'],
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
    return prepared(query, { notes: runNote(run) });
  },
});
