import { INSERT_BATCH, type NewRow } from '../../core/write';
import { CustomerIndex, type KnownCustomer, type NewCustomer } from './customer-index';
import { hash52 } from './invoice-groups';
import { StopImport, type BulkTable, type ImportEnv, type Importer, type Outcomes, type ReadRow } from './env';
import type { SaleFields } from './sale-fields';

interface Line {
  line: number;
  amount: number;
  item: { product_id: string | null; name: string; qty: number; price: number } | null;
}

interface Pending {
  /** The id of its first line (SaleFields.id). */
  id: string;
  invoice: string | null;
  line: number;
  date: string;
  customer: NewCustomer;
  channel: string | null;
  campaign: string | null;
  notes: string | null;
  lines: Line[];
  /** Set when the invoice was already written earlier in this file (its ordinal): the lines are added to it. */
  mergeInto?: number;
}

/**
 * Transactions: rows of one invoice (line-item files such as the UCI Online Retail export) become
 * one transaction with its items; rows without an invoice number are one purchase each. Customers
 * are found by code, phone, email or name, and created when missing.
 */
export class TransactionsImporter implements Importer<SaleFields> {
  private readonly customers: CustomerIndex;
  private readonly products = new Map<string, { id: string; name: string }>();
  /** Invoices already in the shop, with their row's rowid: a number, not the 36-character id, for a
   * shop with a million of them. */
  private readonly existingInvoices = new Map<string, number>();
  /** Invoices this import wrote whose lines come back further down the file (env.recurringInvoices),
   * with the ordinal of their transaction among the rows it inserted: those lines join it. */
  private readonly importedInvoices = new Map<string, number>();
  private inserted = 0;
  /** The rowid the first inserted transaction gets: SQLite numbers new rows on from the largest. */
  private readonly firstRowid: number;
  private readonly sameRows = new Set<number>();
  private readonly insert: (row: NewRow<'transactions'> & { id: string }) => void;
  private pending: Pending | null = null;
  private sameRowCount = 0;
  private linkedByName = 0;
  private cancellations = 0;
  records = 0;
  customersCreated = 0;
  /** A sale's customer may be created by the import too: its entry comes first. */
  readonly tables = ['customers', 'transactions'] as const;
  /** Invoices and customers are looked up in maps loaded up front; rows are re-read by rowid only. */
  readonly bulkTables: BulkTable[];

  constructor(private readonly env: ImportEnv) {
    this.customers = new CustomerIndex(env.sqlite);
    for (const p of env.sqlite.prepare('SELECT id, code, name FROM products WHERE deleted_at IS NULL').all() as { id: string; code: string; name: string }[]) this.products.set(p.code, p);
    const invoices = env.sqlite.prepare('SELECT invoice_no, rowid FROM transactions WHERE invoice_no IS NOT NULL AND deleted_at IS NULL').raw();
    for (const [invoice, rowid] of invoices.iterate() as IterableIterator<[string, number]>) this.existingInvoices.set(invoice, rowid);
    this.bulkTables = [
      { table: 'transactions', emptyColumns: ['channel', 'campaign_code', 'invoice_no', 'notes'].filter((field) => !env.mapped(field)) },
      { table: 'customers', emptyColumns: [] },
    ];
    this.firstRowid = ((env.sqlite.prepare('SELECT max(rowid) FROM transactions').pluck().get() as number | null) ?? 0) + 1;
    // Batched: nothing reads these rows back before the end but merge(), which flushes first. The
    // customers they point at are batched too, and written before them (Writer.inserter).
    this.insert = env.w.inserter('transactions', INSERT_BATCH);
  }

  get warnings(): string[] {
    const t = this.env.t;
    const out: string[] = [];
    if (this.sameRowCount > 0) out.push(t('imp.warnSameRows', { count: this.sameRowCount }));
    if (this.linkedByName > 0) out.push(t('imp.warnNameLink', { count: this.linkedByName }));
    if (this.cancellations > 0) out.push(`${t('imp.cancellation')} (${this.cancellations})`);
    return out;
  }

  row({ line: lineNumber, fields: sale }: ReadRow<SaleFields>, out: Outcomes): void {
    if (sale.status !== 'ok') {
      if (sale.status === 'excluded') this.cancellations += 1;
      this.flushIfOther(sale.invoice, out);
      out.add(sale.status === 'failed' ? 'failed' : 'skipped');
      return;
    }
    const { id, invoice, date, customer, amount, qty, unitPrice, product, productCode, channel, campaign, notes } = sale;
    const mult = this.env.options.amountMultiplier;
    const item =
      product || productCode
        ? {
            product_id: productCode ? (this.products.get(productCode)?.id ?? null) : null,
            name: product ?? this.products.get(productCode as string)?.name ?? (productCode as string),
            qty: qty ?? 1,
            price: unitPrice !== null ? Math.round(unitPrice * mult) : Math.round(amount / (qty || 1)),
          }
        : null;
    const line: Line = { line: lineNumber, amount, item };

    if (!invoice) {
      const same = hash52(`${customer.code}|${customer.phone}|${customer.email}|${customer.name}|${date}|${amount}`);
      if (this.sameRows.has(same)) this.sameRowCount += 1;
      else this.sameRows.add(same);
      this.flush(out);
      this.write({ id, invoice: null, line: lineNumber, date, customer, channel, campaign, notes, lines: [line] }, out);
      return;
    }
    if (this.pending?.invoice === invoice) {
      this.pending.lines.push(line);
      return;
    }
    this.flush(out);
    this.pending = { id, invoice, line: lineNumber, date, customer, channel, campaign, notes, lines: [line], mergeInto: this.importedInvoices.get(invoice) };
  }

  private flushIfOther(invoice: string | null, out: Outcomes): void {
    if (invoice === null || this.pending?.invoice !== invoice) this.flush(out);
  }

  finish(out: Outcomes): void {
    this.flush(out);
  }

  private flush(out: Outcomes): void {
    const group = this.pending;
    if (!group) return;
    this.pending = null;
    if (group.mergeInto !== undefined) this.merge(group, group.mergeInto, out);
    else this.write(group, out);
  }

  /** Lines of an invoice met again further down an unsorted file join the transaction written for it. */
  private merge(group: Pending, ordinal: number, out: Outcomes): void {
    this.env.w.flush();
    const current = this.byRowid(this.firstRowid + ordinal, group.invoice as string);
    const items = [...(JSON.parse(current.items) as unknown[]), ...group.lines.flatMap((l) => (l.item ? [l.item] : []))];
    const amount = current.amount + group.lines.reduce((sum, l) => sum + l.amount, 0);
    this.env.w.update('transactions', current.id, { amount, items: JSON.stringify(items) }, this.env.t('err.notFound', { entity: this.env.t('entity.transaction') }));
    out.add('imported', group.lines.length);
  }

  /** The transaction at `rowid`, checked to be the invoice's; found by its number should SQLite ever have numbered rows otherwise. */
  private byRowid(rowid: number, invoice: string): { id: string; amount: number; items: string } {
    type Row = { id: string; invoice_no: string | null; amount: number; items: string };
    const row = this.env.sqlite.prepare('SELECT id, invoice_no, amount, items FROM transactions WHERE rowid = ?').get(rowid) as Row | undefined;
    if (row?.invoice_no === invoice) return row;
    return this.env.sqlite.prepare('SELECT id, invoice_no, amount, items FROM transactions WHERE invoice_no = ? AND deleted_at IS NULL ORDER BY rowid DESC LIMIT 1').get(invoice) as Row;
  }

  private link(customer: NewCustomer): KnownCustomer {
    const index = this.customers;
    const found =
      (customer.code && index.byCode.get(customer.code)) || (customer.phone && index.byPhone.get(customer.phone)) || (customer.email && index.byEmail.get(customer.email)) || null;
    if (found) return found;
    if (!customer.code && !customer.phone && !customer.email && customer.name) {
      const byName = index.byName.get(customer.name.toLowerCase());
      if (byName) {
        this.linkedByName += 1;
        return byName;
      }
    }
    this.customersCreated += 1;
    return index.create(this.env.w, customer, this.env.uploadId);
  }

  private write(group: Pending, out: Outcomes): void {
    const count = group.lines.length;
    let amount = 0;
    const items: NonNullable<Line['item']>[] = [];
    for (const l of group.lines) {
      amount += l.amount;
      if (l.item) items.push(l.item);
    }
    // Most sales files carry no line items: the column's default, without a stringify per row.
    const itemsJson = items.length === 0 ? '[]' : JSON.stringify(items);
    const existing = group.invoice ? this.existingInvoices.get(group.invoice) : undefined;
    const t = this.env.t;
    if (existing !== undefined) {
      if (this.env.options.onDuplicate === 'stop') throw new StopImport(t('imp.stopDuplicate', { line: group.line }));
      if (this.env.options.onDuplicate === 'skip') {
        this.env.log.issue(group.line, this.env.headerOf('invoice_no'), 'invoice_no', 'duplicate', group.invoice as string, t('imp.dupInvoice', { invoice: group.invoice as string }));
        out.add('skipped', count);
        return;
      }
      const customer = this.link(group.customer);
      this.env.w.update(
        'transactions',
        this.byRowid(existing, group.invoice as string).id,
        { customer_id: customer.id, transaction_date: group.date, amount, items: itemsJson, channel: group.channel, campaign_code: group.campaign, notes: group.notes },
        t('err.notFound', { entity: t('entity.transaction') }),
      );
      this.records += 1;
      out.add('updated', count);
      return;
    }
    const customer = this.link(group.customer);
    this.insert({
      id: group.id,
      customer_id: customer.id,
      transaction_date: group.date,
      amount,
      items: itemsJson,
      channel: group.channel,
      campaign_code: group.campaign,
      invoice_no: group.invoice,
      notes: group.notes,
      deleted_at: null,
      upload_id: this.env.uploadId,
    });
    if (group.invoice && this.env.recurringInvoices.has(group.invoice)) this.importedInvoices.set(group.invoice, this.inserted);
    this.inserted += 1;
    this.records += 1;
    out.add('imported', count);
  }
}
