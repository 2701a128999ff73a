import type { App } from '../src-main/app';
import { medianMs, row, type BenchRow } from './measure';
import { comparison, periodRange } from '../src-shared/dashboard/compare';

async function viaDispatch(app: App, channel: string, input: unknown): Promise<void> {
  const result = await app.call(channel, input, { clientId: 'bench' });
  if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
}

/**
 * The lists' bar: the customers list (search + sort + page) and a customer's detail answer in under
 * 100 ms through dispatch on 100k customers / 1M transactions; the sales sorted by amount, the
 * invoice search and the customers by their RFM figures or segment in 200 ms. Baseline: the same rows read by a
 * bare prepared statement (no schema parsing, no session check, no kysely).
 */
export async function listsSuite(app: App, customerIds: string[]): Promise<BenchRow[]> {
  const sqlite = app.services.sqlite;
  const rows: BenchRow[] = [];
  const goal = '< 100 ms';

  const pageSql = sqlite.prepare('SELECT * FROM customers WHERE deleted_at IS NULL ORDER BY name COLLATE NOCASE, id LIMIT 25 OFFSET 50');
  const countSql = sqlite.prepare('SELECT COUNT(*) FROM customers WHERE deleted_at IS NULL');
  rows.push(
    row(
      'customers',
      'list page 3, sort name',
      await medianMs(() => viaDispatch(app, 'customers.list', { page: 3, sort: 'name' })),
      'bare SELECT + COUNT',
      await medianMs(() => (pageSql.all(), countSql.get())),
      goal,
    ),
  );

  const searchSql = sqlite.prepare(
    "SELECT * FROM customers WHERE deleted_at IS NULL AND (name LIKE '%sari%' OR code LIKE '%sari%' OR email LIKE '%sari%') ORDER BY (+name) COLLATE NOCASE, id LIMIT 25 OFFSET 25",
  );
  const searchCount = sqlite.prepare(
    "SELECT COUNT(*) FROM customers WHERE deleted_at IS NULL AND (name LIKE '%sari%' OR code LIKE '%sari%' OR email LIKE '%sari%')",
  );
  rows.push(
    row(
      'customers',
      'search "sari", sort name, page 2',
      await medianMs(() => viaDispatch(app, 'customers.list', { search: 'sari', page: 2 })),
      'bare LIKE + COUNT',
      await medianMs(() => (searchSql.all(), searchCount.get())),
      goal,
    ),
  );

  const phoneSql = sqlite.prepare(
    "SELECT * FROM customers WHERE deleted_at IS NULL AND phone >= '+6281234' AND phone < '+6281234:' ORDER BY (+created_at) DESC, id DESC LIMIT 25",
  );
  const phoneCount = sqlite.prepare("SELECT COUNT(*) FROM customers WHERE deleted_at IS NULL AND phone >= '+6281234' AND phone < '+6281234:'");
  rows.push(
    row(
      'customers',
      'search phone "0812 34" (prefix), sort newest',
      await medianMs(() => viaDispatch(app, 'customers.list', { search: '0812 34', sort: 'created_at', desc: true })),
      'bare LIKE + COUNT',
      await medianMs(() => (phoneSql.all(), phoneCount.get())),
      goal,
    ),
  );

  const tailSql = sqlite.prepare(
    "SELECT * FROM customers WHERE deleted_at IS NULL AND (phone LIKE '%4567%' OR code LIKE '%4567%') ORDER BY (+name) COLLATE NOCASE, id LIMIT 25",
  );
  const tailCount = sqlite.prepare("SELECT COUNT(*) FROM customers WHERE deleted_at IS NULL AND (phone LIKE '%4567%' OR code LIKE '%4567%')");
  rows.push(
    row(
      'customers',
      'search digits "4567" (inside numbers)',
      await medianMs(() => viaDispatch(app, 'customers.list', { search: '4567' })),
      'bare LIKE + COUNT',
      await medianMs(() => (tailSql.all(), tailCount.get())),
      goal,
    ),
  );

  const deepSql = sqlite.prepare('SELECT * FROM customers WHERE deleted_at IS NULL ORDER BY city COLLATE NOCASE DESC, id DESC LIMIT 25 OFFSET 50000');
  rows.push(
    row(
      'customers',
      'sort city desc, page 2001',
      await medianMs(() => viaDispatch(app, 'customers.list', { sort: 'city', desc: true, page: 2001 })),
      'bare SELECT + COUNT',
      await medianMs(() => (deepSql.all(), countSql.get())),
      goal,
    ),
  );

  // The heaviest customer: the detail page's worst case.
  const heavy = sqlite.prepare('SELECT customer_id FROM transactions GROUP BY customer_id ORDER BY COUNT(*) DESC LIMIT 1').get() as { customer_id: string };
  const detailSql = sqlite.prepare(
    'SELECT COUNT(*), SUM(amount), MIN(transaction_date), MAX(transaction_date) FROM transactions WHERE customer_id = ? AND deleted_at IS NULL',
  );
  const customerSql = sqlite.prepare('SELECT * FROM customers WHERE id = ?');
  let i = 0;
  rows.push(
    row(
      'customers',
      'customer detail (heaviest buyer)',
      await medianMs(() => viaDispatch(app, 'customers.get', { id: heavy.customer_id })),
      'bare SELECT + aggregate',
      await medianMs(() => (customerSql.get(heavy.customer_id), detailSql.get(heavy.customer_id))),
      goal,
    ),
  );
  rows.push(
    row(
      'customers',
      'customer detail (random)',
      await medianMs(() => viaDispatch(app, 'customers.get', { id: customerIds[(i += 7919) % customerIds.length] })),
      'bare SELECT + aggregate',
      await medianMs(() => (customerSql.get(customerIds[(i += 7919) % customerIds.length]), detailSql.get(customerIds[i % customerIds.length]))),
      goal,
    ),
  );
  rows.push(
    row(
      'transactions',
      'customer transactions page 1',
      await medianMs(() => viaDispatch(app, 'transactions.list', { customerId: heavy.customer_id })),
      'bare aggregate',
      await medianMs(() => detailSql.get(heavy.customer_id)),
      goal,
    ),
  );
  // The baselines read the page and the count/sum the plain way, over the sales themselves: the
  // list's totals come from the per-day rollup, so a ratio under 1 is the rollup's doing.
  const allSql = sqlite.prepare(
    'SELECT t.*, c.name FROM transactions t JOIN customers c ON c.id = t.customer_id WHERE t.deleted_at IS NULL ORDER BY t.transaction_date DESC, t.id DESC LIMIT 25',
  );
  const allTotals = sqlite.prepare('SELECT COUNT(*), SUM(amount) FROM transactions WHERE deleted_at IS NULL');
  // Page 1 with no text filter: the page along the date index, the total from the rollup (≤ 30 ms, issue 25).
  rows.push(
    row(
      'transactions',
      'all transactions page 1 + total',
      await medianMs(() => viaDispatch(app, 'transactions.list', {}), 7, 1),
      'bare SELECT + COUNT/SUM',
      await medianMs(() => (allSql.all(), allTotals.get()), 7, 1),
      '≤ 30 ms',
    ),
  );
  const monthSql = sqlite.prepare(
    "SELECT t.*, c.name FROM transactions t JOIN customers c ON c.id = t.customer_id WHERE t.deleted_at IS NULL AND t.transaction_date BETWEEN '2026-10-01' AND '2026-10-31' ORDER BY t.transaction_date DESC, t.id DESC LIMIT 25",
  );
  const monthTotals = sqlite.prepare(
    "SELECT COUNT(*), SUM(amount) FROM transactions WHERE deleted_at IS NULL AND transaction_date BETWEEN '2026-10-01' AND '2026-10-31'",
  );
  rows.push(
    row(
      'transactions',
      'one month, page 1 + total',
      await medianMs(() => viaDispatch(app, 'transactions.list', { from: '2026-10-01', to: '2026-10-31' })),
      'bare SELECT + COUNT/SUM',
      await medianMs(() => (monthSql.all(), monthTotals.get())),
      goal,
    ),
  );
  const listGoal = '≤ 200 ms';
  const amountSql = sqlite.prepare(
    'SELECT t.*, c.name FROM transactions t JOIN customers c ON c.id = t.customer_id WHERE t.deleted_at IS NULL ORDER BY t.amount DESC, t.id DESC LIMIT 25',
  );
  rows.push(
    row(
      'transactions',
      'sorted by amount desc, page 1 + total',
      await medianMs(() => viaDispatch(app, 'transactions.list', { sort: 'amount', desc: true }), 7, 1),
      'bare SELECT + COUNT/SUM',
      await medianMs(() => (amountSql.all(), allTotals.get()), 7, 1),
      listGoal,
    ),
  );
  // An invoice in the middle of the table, typed whole and as a day's prefix in lower case. The
  // baseline does the reads any such search needs: the invoice index range, and the text looked up
  // among customers' names, codes and emails (the search finds a customer's sales too).
  const invoice = (
    sqlite.prepare('SELECT invoice_no FROM transactions WHERE invoice_no IS NOT NULL LIMIT 1 OFFSET ?').get(Math.floor(customerIds.length * 5)) as
      { invoice_no: string } | undefined
  )?.invoice_no;
  if (invoice) {
    const invoiceSql = sqlite.prepare(
      'SELECT t.*, c.name FROM transactions t JOIN customers c ON c.id = t.customer_id WHERE t.deleted_at IS NULL AND t.invoice_no >= ? AND t.invoice_no < ? ORDER BY t.transaction_date DESC, t.id DESC LIMIT 25',
    );
    const invoiceCount = sqlite.prepare('SELECT COUNT(*), SUM(amount) FROM transactions WHERE deleted_at IS NULL AND invoice_no >= ? AND invoice_no < ?');
    const customersLike = sqlite.prepare("SELECT id FROM customers WHERE name LIKE ? ESCAPE '\\' OR code LIKE ? ESCAPE '\\' OR email LIKE ? ESCAPE '\\'");
    const bare = (prefix: string) => {
      const like = `%${prefix}%`;
      customersLike.all(like, like, like);
      invoiceSql.all(prefix, `${prefix}\u{10FFFF}`);
      invoiceCount.get(prefix, `${prefix}\u{10FFFF}`);
    };
    // A text filter counts and sums the rows it finds (no rollup holds them): these may scan.
    rows.push(
      row(
        'transactions',
        'search one invoice number',
        await medianMs(() => viaDispatch(app, 'transactions.list', { search: invoice }), 7, 1),
        'bare invoice range + customers LIKE',
        await medianMs(() => bare(invoice), 7, 1),
        listGoal,
      ),
    );
    const day = invoice.slice(0, 12);
    rows.push(
      row(
        'transactions',
        `search "${day.toLowerCase()}" (a day's invoices)`,
        await medianMs(() => viaDispatch(app, 'transactions.list', { search: day.toLowerCase() }), 7, 1),
        'bare invoice range + customers LIKE',
        await medianMs(() => bare(day), 7, 1),
        listGoal,
      ),
    );
  }

  // The customers list by the latest RFM run's figures: one run first (bigShop has none).
  const run = await app.call('rfm.run', { asOf: '2026-11-22' }, { clientId: 'bench' });
  if (!run.ok) throw new Error(`rfm.run: ${run.error.message}`);
  const runId = (sqlite.prepare('SELECT id FROM rfm_runs ORDER BY hlc DESC LIMIT 1').get() as { id: string }).id;
  const customerById = sqlite.prepare('SELECT * FROM customers WHERE id = ?');
  for (const [sort, label] of [
    ['monetary', 'Total belanja'],
    ['last_purchase', 'Terakhir belanja'],
  ] as const) {
    const topSql = sqlite.prepare(`SELECT customer_id FROM rfm_analysis WHERE run_id = ? ORDER BY ${sort} DESC, customer_id DESC LIMIT 25`);
    const bare = () => {
      for (const { customer_id } of topSql.all(runId) as { customer_id: string }[]) customerById.get(customer_id);
      countSql.get();
    };
    rows.push(
      row(
        'customers',
        `sorted by ${label} desc, page 1`,
        await medianMs(() => viaDispatch(app, 'customers.list', { sort, desc: true }), 7, 1),
        "bare sort of the run's rows + COUNT",
        await medianMs(bare, 7, 1),
        listGoal,
      ),
    );
  }
  const segmentSql = sqlite.prepare(
    "SELECT * FROM customers WHERE deleted_at IS NULL AND id IN (SELECT customer_id FROM rfm_analysis WHERE run_id = ? AND segment = 'at_risk') ORDER BY name COLLATE NOCASE, id LIMIT 25",
  );
  const segmentCount = sqlite.prepare(
    "SELECT COUNT(*) FROM customers WHERE deleted_at IS NULL AND id IN (SELECT customer_id FROM rfm_analysis WHERE run_id = ? AND segment = 'at_risk')",
  );
  rows.push(
    row(
      'customers',
      'segment "at_risk", sort name, page 1',
      await medianMs(() => viaDispatch(app, 'customers.list', { segment: 'at_risk' }), 7, 1),
      'bare IN (segment) + COUNT',
      await medianMs(() => (segmentSql.all(runId), segmentCount.get(runId)), 7, 1),
      listGoal,
    ),
  );
  rows.push(...(await dashboardRows(app)));
  return rows;
}

const TODAY = '2026-11-22'; // the generated shop's last day

/**
 * The whole dashboard.get through dispatch (both periods, trend, top ten, call list, segments) for
 * the periods the page offers and all time, against a bare SUM over the period's sales (issue 25:
 * ≤ 50 ms for the whole call). After an RFM run, so its segments and call list are read too.
 */
async function dashboardRows(app: App): Promise<BenchRow[]> {
  const periodSum = app.services.sqlite.prepare('SELECT SUM(amount), COUNT(*) FROM transactions WHERE deleted_at IS NULL AND transaction_date BETWEEN ? AND ?');
  const periodFigures = app.services.sqlite.prepare(
    'SELECT SUM(amount), COUNT(*), COUNT(DISTINCT customer_id) FROM transactions WHERE deleted_at IS NULL AND transaction_date BETWEEN ? AND ?',
  );
  const periodTop = app.services.sqlite.prepare(
    'SELECT customer_id, SUM(amount) AS revenue FROM transactions WHERE deleted_at IS NULL AND transaction_date BETWEEN ? AND ? GROUP BY customer_id ORDER BY revenue DESC LIMIT 10',
  );
  const rows: BenchRow[] = [];
  for (const [label, input, from] of [
    ['this month', { period: 'this_month' }, '2026-11-01'],
    ['last 90 days', { period: 'last_90' }, '2026-08-25'],
    ['this year', { period: 'this_year' }, '2026-01-01'],
    ['all time', { period: 'custom', from: '2000-01-01', to: TODAY }, '2000-01-01'],
  ] as const) {
    const ms = await medianMs(() => viaDispatch(app, 'dashboard.get', { ...input, today: TODAY }), 7, 1);
    rows.push(
      row(
        'dashboard',
        `dashboard.get, ${label} (every figure, both periods)`,
        ms,
        `bare SUM over ${label}`,
        await medianMs(() => periodSum.get(from, TODAY), 7, 1),
        '≤ 50 ms',
      ),
    );
    // The same figures the plain way: each period's sum, count and distinct customers, and the
    // period's top ten, straight from the sales. What the rollups have to beat.
    const current = periodRange(input.period, TODAY, 'from' in input ? { from: input.from, to: input.to } : undefined);
    const { previous } = comparison(current, 'last_month'); // dashboard.get's default, as called above
    const plainMs = await medianMs(
      () => {
        for (const r of [current, previous]) periodFigures.get(r.from, r.to);
        periodTop.all(current.from, current.to);
      },
      5,
      1,
    );
    rows.push(
      row(
        'dashboard',
        `dashboard.get, ${label}, against the plain SQL`,
        ms,
        'both periods: SUM, COUNT, COUNT(DISTINCT customer), top 10',
        plainMs,
        'reference',
      ),
    );
  }
  return rows;
}
