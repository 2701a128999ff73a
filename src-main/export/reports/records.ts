/**
 * The three record lists as files: each reads the list's own query (same filters, search and sort),
 * and its headers are words the importer recognises, so an exported file imports back as it was.
 */
import { sql } from 'kysely';
import { formatDate } from '../../../src-shared/format/date';
import { channelLabel } from '../../../src-shared/i18n/channels';
import { customerListInput } from '../../../src-shared/schemas/customer';
import { productListInput } from '../../../src-shared/schemas/product';
import { transactionListInput } from '../../../src-shared/schemas/transaction';
import { customerListQuery } from '../../customers/queries';
import { productFields, productListQuery } from '../../products/service';
import { findRun } from '../../rfm/queries';
import { POINTS, TIER_NAME } from '../../loyalty/list-sql';
import { sortedTransactions, transactionListQuery, transactionTotalsQuery } from '../../transactions/queries';
import { defineReport, EVERYONE, MANAGERS, periodOf, prepared, type ReportColumn } from '../report';
import { COLUMN, RFM_FIGURES } from '../columns';
import { activeText, itemsText, linesText, quotaText, tagsText, yesNoText } from '../show';

const customerColumns: ReportColumn[] = [
  COLUMN.code,
  COLUMN.name,
  COLUMN.phone,
  COLUMN.email,
  { key: 'address', type: 'text', label: 'address' },
  COLUMN.city,
  { key: 'tags', type: 'text', label: 'tags', show: tagsText },
  COLUMN.notes,
  { key: 'source', type: 'text', label: 'source' },
  COLUMN.created,
  { key: 'updated_at', type: 'datetime', label: 'updated' },
  COLUMN.deleted,
  { ...COLUMN.segment, label: 'rfmSegment' },
  { key: 'r_score', type: 'integer', label: 'rScore' },
  { key: 'f_score', type: 'integer', label: 'fScore' },
  { key: 'm_score', type: 'integer', label: 'mScore' },
  COLUMN.recencyDays,
  COLUMN.frequency,
  COLUMN.monetary,
  COLUMN.lastPurchase,
  COLUMN.pAlive,
  COLUMN.expected90,
  COLUMN.clvFitted,
  { key: 'loyalty_points', type: 'integer', label: 'points' },
  { key: 'loyalty_tier', type: 'text', label: 'tier' },
];

/** The customers list with each customer's figures from the latest RFM analysis. */
export const customersReport = defineReport({
  id: 'customers',
  name: 'report.customerList',
  file: 'file.customers',
  group: 'data',
  roles: MANAGERS,
  filters: customerListInput.omit({ page: true, pageSize: true }),
  columns: customerColumns,
  async prepare(filters, env) {
    const run = await findRun(env);
    const query = customerListQuery(env.db, filters)
      // A customer the run did not score (no purchase yet) keeps empty RFM cells.
      .leftJoin('rfm_analysis as a', (join) => join.onRef('a.customer_id', '=', 'customers.id').on('a.run_id', '=', run?.id ?? ''))
      // The fitted model's figures of the run's analysis date only (as rfm/derived.ts reads them): a
      // fit as of another day, or one refused, says nothing about this run's customers.
      .leftJoin('clv_scores as s', (join) =>
        join.onRef('s.customer_id', '=', 'customers.id').on('s.fit_id', 'in', (eb) =>
          eb
            .selectFrom('clv_fits as f')
            .select('f.id')
            .where('f.status', '=', 'fitted')
            .where('f.as_of', '=', run?.analysisDate ?? ''),
        ),
      )
      .select([
        'customers.code',
        'customers.name',
        'customers.phone',
        'customers.email',
        'customers.address',
        'customers.city',
        'customers.tags',
        'customers.notes',
        'customers.source',
        'customers.created_at',
        'customers.updated_at',
        'customers.deleted_at',
        ...RFM_FIGURES,
        'a.last_purchase',
        // The latest fit's scores (a refused fit has none); P(alive) only for customers who came back.
        sql<number | null>`CASE WHEN s.x > 0 THEN s.p_alive END`.as('p_alive'),
        's.expected_90',
        sql<number | null>`round(s.clv)`.as('clv_fitted'),
        POINTS.as('loyalty_points'),
        TIER_NAME.as('loyalty_tier'),
      ]);
    return prepared(query, { notes: run ? [['rfmAnalysis', formatDate(run.analysisDate)]] : [] });
  },
});

export const transactionsReport = defineReport({
  id: 'transactions',
  name: 'report.transactions',
  file: 'file.transactions',
  group: 'data',
  roles: EVERYONE,
  filters: transactionListInput.omit({ page: true, pageSize: true }),
  columns: [
    { key: 'transaction_date', type: 'date', label: 'date' },
    { key: 'invoice_no', type: 'text', label: 'invoice' },
    { key: 'customer_code', type: 'text', label: 'customerCodeOfSale', listKey: 'customer' },
    { key: 'customer_name', type: 'text', label: 'customerName', listKey: 'customer' },
    { key: 'amount', type: 'money', label: 'amount', total: true },
    { key: 'items', type: 'text', label: 'items', show: itemsText },
    // As the app names it ("Toko (offline)"), in the export's language: the same map the transaction pages use.
    { key: 'channel', type: 'text', label: 'channel', show: (value, language) => channelLabel(value as string | null, language) },
    COLUMN.campaignCode,
    COLUMN.notes,
    { key: 'created_at', type: 'datetime', label: 'recorded' },
    COLUMN.deleted,
  ],
  prepare(filters, env) {
    const fields = [
      't.transaction_date',
      't.invoice_no',
      't.amount',
      't.items',
      't.channel',
      't.campaign_code',
      't.notes',
      't.created_at',
      't.deleted_at',
    ] as const;
    return prepared(transactionListQuery(env.db, filters).select([...fields, 'c.code as customer_code', 'c.name as customer_name']), {
      // Most of a big table: one pass and a sort, customers from memory (the foreign key guarantees
      // every transaction its customer, as the list's join does).
      bulk: {
        query: sortedTransactions(env.db, filters, { scan: true }).select([...fields, 't.customer_id']),
        lookup: { key: 'customer_id', table: env.db.selectFrom('customers').select(['id', 'code', 'name']), fills: ['customer_code', 'customer_name'] },
      },
      totals: transactionTotalsQuery(env.db, filters),
      period: periodOf(filters),
    });
  },
});

export const productsReport = defineReport({
  id: 'products',
  name: 'report.products',
  file: 'file.products',
  group: 'data',
  roles: EVERYONE,
  filters: productListInput.omit({ page: true, pageSize: true }),
  columns: [
    { key: 'code', type: 'text', label: 'productCode' },
    COLUMN.name,
    { key: 'category', type: 'text', label: 'category' },
    { key: 'price', type: 'money', label: 'price' },
    { key: 'active', type: 'text', label: 'status', show: activeText },
    // The WhatsApp assistant's catalogue (migration 0020), written as the product form takes it back.
    COLUMN.campaignCode,
    { key: 'start_date', type: 'date', label: 'starts' },
    { key: 'end_date', type: 'date', label: 'ends' },
    { key: 'quota_status', type: 'text', label: 'quota', show: quotaText },
    { key: 'features', type: 'text', label: 'keyFeatures', show: linesText },
    { key: 'image_url', type: 'text', label: 'imageLink' },
    { key: 'brochure_url', type: 'text', label: 'brochureLink' },
    { key: 'assistant_offered', type: 'text', label: 'offeredByTheAssistant', show: yesNoText },
    COLUMN.created,
    COLUMN.deleted,
  ],
  prepare(filters, env) {
    return prepared(productListQuery(env.db, filters).select([...productFields, 'created_at', 'deleted_at']));
  },
});
