import { formatDate } from '../../../src-shared/format/date';
import type { NewRow } from '../../core/write';
import { INSERT_BATCH, inserter } from '../bulk-insert';
import { CustomerIndex, type KnownCustomer, type NewCustomer } from './customer-index';
import { pendingSale, type Line, type Pending } from './invoice-customers';
import { hash52 } from './invoice-groups';
import { InvoiceLines } from './invoice-lines';
import { Outcomes as Counts, StopImport, type BulkTable, type ImportEnv, type Importer, type Outcomes, type ReadRow } from './env';
import { OrdersLeftOut } from './orders-left-out';
import { PendingOrders } from './pending-orders';
import { returnOf, SalesToReEarn } from './sale-returns';
import { ShopInvoices } from './shop-invoices';
import type { SaleFields } from './sale-fields';

/**
 * Transactions: rows of one invoice (line-item files such as the UCI Online Retail export) become
 * one transaction with its items; rows without an invoice number are one purchase each. Customers
 * are found by code, phone, email or name, and created when missing. An invoice whose lines name
 * different customers is one sale per customer, each reported (or, as the user chose, the lines of
 * any customer but its first fail); a line dated otherwise than its invoice's first is reported.
 * Which line joins which sale is invoice-lines.ts's; writing the sales is this file's.
 */
export class TransactionsImporter implements Importer<SaleFields> {
  private readonly customers: CustomerIndex;
  private readonly products = new Map<string, { id: string; name: string }>();
  private readonly shopInvoices: ShopInvoices;
  private readonly invoices: InvoiceLines;
  private inserted = 0;
  /** The rowid the first inserted transaction gets: SQLite numbers new rows on from the largest. */
  private readonly firstRowid: number;
  private readonly sameRows = new Set<number>();
  private readonly insert: (row: NewRow<'transactions'> & { id: string }) => void;
  private sameRowCount = 0;
  private linkedByName = 0;
  private cancellations = 0;
  private readonly leftOut = new OrdersLeftOut();
  private returnsWritten = 0;
  private readonly reEarn: SalesToReEarn;
  private readonly pending: PendingOrders;
  /** Orders already in the shop as the file has them (a marketplace export imported again). */
  unchangedOrders = 0;
  private futureDates = 0;
  records = 0;
  customersCreated = 0;
  /** A sale's customer may be created by the import too: its entry comes first. */
  readonly tables = ['customers', 'transactions'] as const;
  /** Invoices and customers are looked up in maps loaded up front; rows are re-read by rowid only. */
  readonly bulkTables: BulkTable[];

  constructor(private readonly env: ImportEnv) {
    this.customers = new CustomerIndex(env.sqlite);
    for (const p of env.sqlite.prepare('SELECT id, code, name FROM products WHERE deleted_at IS NULL').all() as { id: string; code: string; name: string }[])
      this.products.set(p.code, p);
    this.shopInvoices = new ShopInvoices(env.sqlite);
    this.invoices = new InvoiceLines(env, this.customers, (sale, out) => this.settle(sale, out));
    this.reEarn = new SalesToReEarn(env.sqlite);
    this.bulkTables = [
      { table: 'transactions', emptyColumns: ['channel', 'campaign_code', 'invoice_no', 'notes'].filter((field) => !env.mapped(field)) },
      { table: 'customers', emptyColumns: [] },
    ];
    this.pending = new PendingOrders(env);
    this.firstRowid = ((env.sqlite.prepare('SELECT max(rowid) FROM transactions').pluck().get() as number | null) ?? 0) + 1;
    // Batched: nothing reads these rows back before the end but merge(), which flushes first. The
    // customers they point at are batched too, and written before them (Writer.inserter).
    this.insert = inserter(env.w, 'transactions', INSERT_BATCH);
  }

  get warnings(): string[] {
    const t = this.env.t;
    const out: string[] = [];
    if (this.sameRowCount > 0) out.push(t('imp.warnSameRows', { count: this.sameRowCount }));
    if (this.linkedByName > 0) out.push(t('imp.warnNameLink', { count: this.linkedByName }));
    if (this.cancellations > 0) out.push(`${t('imp.cancellation')} (${this.cancellations})`);
    out.push(...this.invoices.warnings(t));
    if (this.futureDates > 0) out.push(t('imp.warnFutureDates', { count: this.futureDates, today: formatDate(this.env.today) }));
    out.push(...this.leftOut.warnings(t));
    if (this.returnsWritten > 0) out.push(t('imp.presetReturned', { count: this.returnsWritten }));
    if (this.unchangedOrders > 0) out.push(t('imp.presetUnchanged', { count: this.unchangedOrders }));
    out.push(...this.pending.warnings(t));
    return out;
  }

  row({ line: lineNumber, fields: sale }: ReadRow<SaleFields>, out: Outcomes): void {
    if (sale.status !== 'ok') {
      if (sale.status === 'excluded') {
        if (sale.reason === 'cancellation') this.cancellations += 1;
        else if (sale.reason !== 'notOrder') this.leftOut.add(sale.reason, sale.invoice ?? String(lineNumber));
        // A pending order cancelled (or returned, and returns left out) since: pending no longer.
        if ((sale.reason === 'cancelled' || sale.reason === 'returned') && sale.invoice !== null) this.pending.cancel(sale.invoice);
      }
      if (sale.invoice === null || this.invoices.invoice !== sale.invoice) this.invoices.flush(out);
      out.add(sale.status === 'failed' ? 'failed' : 'skipped');
      return;
    }
    const { invoice, date, customer, amount, qty, unitPrice, product, productCode } = sale;
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
    // Shipping repeats on every line of a marketplace order: counted with its first line only.
    const shipping = sale.shipping !== 0 && !this.invoices.met(invoice) ? sale.shipping : 0;
    const line: Line = { line: lineNumber, amount: amount + shipping, item };
    if (date > this.env.futureAfter) this.futureDates += 1;

    if (!invoice) {
      const same = hash52(`${customer.code}|${customer.phone}|${customer.email}|${customer.name}|${date}|${amount}`);
      if (this.sameRows.has(same)) this.sameRowCount += 1;
      else this.sameRows.add(same);
      this.invoices.flush(out);
      this.write(pendingSale(sale, lineNumber, date, line, null), out);
      return;
    }
    if (invoice === this.invoices.invoice) return this.invoices.add(sale, lineNumber, date, line, out);
    this.invoices.flush(out);
    this.invoices.start(invoice, sale, lineNumber, date, line, out);
  }

  finish(out: Outcomes): void {
    this.invoices.flush(out);
  }
  /** A sale of the invoice written, or its lines added to the one written earlier for its customer. */
  private settle(sale: Pending, out: Outcomes): void {
    const ordinal = sale.owner?.ordinal ?? -1;
    if (ordinal >= 0) this.merge(sale, this.firstRowid + ordinal, 'imported', out);
    else this.write(sale, out);
  }

  /** Lines of an invoice met again further down an unsorted file join the transaction written for their customer. */
  private merge(group: Pending, rowid: number, outcome: 'imported' | 'updated', out: Outcomes): void {
    this.env.w.flush();
    const current = this.shopInvoices.byRowid(rowid, group.invoice as string);
    const items = [...(JSON.parse(current.items) as unknown[]), ...group.lines.flatMap((l) => (l.item ? [l.item] : []))];
    const amount = current.amount + group.lines.reduce((sum, l) => sum + l.amount, 0);
    this.env.w.update(
      'transactions',
      current.id,
      { amount, items: JSON.stringify(items) },
      this.env.t('err.notFound', { entity: this.env.t('entity.transaction') }),
    );
    // A sale of this import earns at its end by the amount it ends with; one the shop had, again.
    if (rowid < this.firstRowid && amount !== current.amount) this.reEarn.noteChanged(current.id);
    out.add(outcome, group.lines.length);
  }

  private link(customer: NewCustomer): KnownCustomer {
    const found = this.customers.find(customer);
    if (found) {
      // A marketplace buyer is found by their account (channelId), never by name.
      if (!customer.code && !customer.phone && !customer.email && !customer.channelId) this.linkedByName += 1;
      return found;
    }
    this.customersCreated += 1;
    return this.customers.create(this.env.w, customer, this.env.uploadId);
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
    if (group.pendingStatus !== undefined) {
      out.add('skipped', count);
      return this.pending.keep(group, group.pendingStatus, amount, itemsJson, this.shopInvoices.has(group.invoice as string));
    }
    // A pending order completed (or returned) since: now a sale, pending no longer.
    if (group.invoice !== null) this.pending.settle(group.invoice);
    const existing = this.shopInvoices.firstRow(group.invoice);
    const t = this.env.t;
    if (existing !== undefined) {
      if (this.env.options.onDuplicate === 'stop') throw new StopImport(t('imp.stopDuplicate', { line: group.line }));
      if (this.env.options.onDuplicate === 'skip') {
        this.env.log.issue(
          group.line,
          this.env.headerOf('invoice_no'),
          'invoice_no',
          'duplicate',
          group.invoice as string,
          t('imp.dupInvoice', { invoice: group.invoice as string }),
        );
        out.add('skipped', count);
        return;
      }
      const customer = this.link(group.customer);
      (group.owner ?? group).known = customer;
      const target = this.shopInvoices.claim(group.invoice as string, existing, customer);
      if (target?.merge) return this.merge(group, target.rowid, 'updated', out);
      if (target) {
        const current = this.shopInvoices.byRowid(target.rowid, group.invoice as string);
        // The sale's own columns over the invoice the shop has: it keeps its id, number, upload and state.
        const { id: _id, invoice_no: _invoice, deleted_at: _deleted, upload_id: _upload, ...values } = this.saleRow(group, customer.id, amount, itemsJson);
        if (this.env.options.preset && this.shopInvoices.sameAs(current.id, values)) {
          // A marketplace export imported again, or overlapping the last one: nothing to write.
          this.unchangedOrders += 1;
          out.add('skipped', count);
        } else {
          this.reEarn.noteUpdate(current.id, values);
          this.reEarn.noteReturn(group.invoice, customer.id, amount);
          this.env.w.update('transactions', current.id, values, t('err.notFound', { entity: t('entity.transaction') }));
          this.records += 1;
          out.add('updated', count);
        }
        if (group.returned) this.writeReturn(group);
        return;
      }
      // The shop's transactions of this invoice are its other customers': this one's is new.
      this.insertGroup(group, customer, amount, itemsJson, out);
      return;
    }
    this.insertGroup(group, this.link(group.customer), amount, itemsJson, out);
    if (group.returned) this.writeReturn(group);
  }

  salesToReEarn(): ReadonlyMap<string, 'changed' | 'returned'> {
    return this.reEarn.sales();
  }

  /** A returned marketplace order's return written after its sale (sale-returns.ts). Its rows were counted with the sale. */
  private writeReturn(group: Pending): void {
    const [records, unchanged] = [this.records, this.unchangedOrders];
    this.write(returnOf(group), new Counts());
    if (this.records > records) this.returnsWritten += 1;
    this.unchangedOrders = unchanged; // counted once, with the sale
  }

  /** A sale's row as this import writes it, whole (the update of an invoice the shop has takes its own columns). */
  private saleRow(group: Pending, customerId: string, amount: number, itemsJson: string) {
    return {
      id: group.id,
      customer_id: customerId,
      transaction_date: group.date,
      amount,
      items: itemsJson,
      channel: group.channel,
      campaign_code: group.campaign,
      invoice_no: group.invoice,
      notes: group.notes,
      deleted_at: null,
      upload_id: this.env.uploadId,
    };
  }

  private insertGroup(group: Pending, customer: KnownCustomer, amount: number, itemsJson: string, out: Outcomes): void {
    this.reEarn.noteReturn(group.invoice, customer.id, amount);
    this.insert(this.saleRow(group, customer.id, amount, itemsJson));
    const owner = group.owner ?? group;
    owner.known = customer;
    owner.ordinal = this.inserted;
    this.inserted += 1;
    this.records += 1;
    out.add('imported', group.lines.length);
  }
}
