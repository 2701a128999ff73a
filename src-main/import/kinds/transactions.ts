import { formatDate } from '../../../src-shared/format/date';
import type { NewRow } from '../../core/write';
import { INSERT_BATCH, inserter } from '../bulk-insert';
import { CustomerIndex, type KnownCustomer, type NewCustomer } from './customer-index';
import { describe, joins, sameFields, type InvoiceCustomer, type InvoiceSeen, type Line, type OkSale, type Pending } from './invoice-customers';
import { hash52 } from './invoice-groups';
import { newId } from '../../core/ids';
import { Outcomes as Counts, StopImport, type BulkTable, type ImportEnv, type Importer, type Outcomes, type ReadRow } from './env';
import { OrdersLeftOut } from './orders-left-out';
import { PendingOrders } from './pending-orders';
import { ShopInvoices } from './shop-invoices';
import type { SaleFields } from './sale-fields';

/**
 * Transactions: rows of one invoice (line-item files such as the UCI Online Retail export) become
 * one transaction with its items; rows without an invoice number are one purchase each. Customers
 * are found by code, phone, email or name, and created when missing. An invoice whose lines name
 * different customers is one sale per customer, each reported (or, as the user chose, the lines of
 * any customer but its first fail); a line dated otherwise than its invoice's first is reported.
 */
export class TransactionsImporter implements Importer<SaleFields> {
  private readonly customers: CustomerIndex;
  private readonly products = new Map<string, { id: string; name: string }>();
  private readonly shopInvoices: ShopInvoices;
  /** Invoices whose lines come back further down the file (env.recurringInvoices), as met so far. */
  private readonly seenInvoices = new Map<string, InvoiceSeen>();
  private inserted = 0;
  /** The rowid the first inserted transaction gets: SQLite numbers new rows on from the largest. */
  private readonly firstRowid: number;
  private readonly sameRows = new Set<number>();
  private readonly insert: (row: NewRow<'transactions'> & { id: string }) => void;
  /** The invoice whose lines the file is in (null: none), with its first row and that row's date. */
  private invoice: string | null = null;
  private invoiceLine = 0;
  private invoiceDate = '';
  /** The invoice's sales in this run of its lines: its first, and any for further customers (null: none). */
  private first: Pending | null = null;
  private others: Pending[] | null = null;
  /** Every customer the invoice named, over its earlier runs too; null: only its first sale's. */
  private named: InvoiceCustomer[] | null = null;
  /** The sale the last line joined: the next line most likely joins it too. */
  private current: Pending | null = null;
  private sameRowCount = 0;
  private linkedByName = 0;
  private cancellations = 0;
  private readonly leftOut = new OrdersLeftOut();
  private returnsWritten = 0;
  private readonly changedSales = new Set<string>();
  /** Returns written (`C` + the sale's invoice, amounts negative), as the sale's invoice and customer. */
  private readonly returnsOf = new Map<string, { invoice: string; customerId: string }>();
  private readonly pending: PendingOrders;
  /** Orders already in the shop as the file has them (a marketplace export imported again). */
  unchangedOrders = 0;
  private multiCustomerInvoices = 0;
  private otherDates = 0;
  private futureDates = 0;
  records = 0;
  customersCreated = 0;
  /** A sale's customer may be created by the import too: its entry comes first. */
  readonly tables = ['customers', 'transactions'] as const;
  /** Invoices and customers are looked up in maps loaded up front; rows are re-read by rowid only. */
  readonly bulkTables: BulkTable[];

  constructor(private readonly env: ImportEnv) {
    this.customers = new CustomerIndex(env.sqlite);
    for (const p of env.sqlite.prepare('SELECT id, code, name FROM products WHERE deleted_at IS NULL').all() as { id: string; code: string; name: string }[]) this.products.set(p.code, p);
    this.shopInvoices = new ShopInvoices(env.sqlite);
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
    if (this.multiCustomerInvoices > 0) out.push(t(this.rejectsOthers ? 'imp.warnInvoiceCustomersRejected' : 'imp.warnInvoiceCustomers', { count: this.multiCustomerInvoices }));
    if (this.otherDates > 0) out.push(t('imp.warnInvoiceDates', { count: this.otherDates }));
    if (this.futureDates > 0) out.push(t('imp.warnFutureDates', { count: this.futureDates, today: formatDate(this.env.today) }));
    out.push(...this.leftOut.warnings(t));
    if (this.returnsWritten > 0) out.push(t('imp.presetReturned', { count: this.returnsWritten }));
    if (this.unchangedOrders > 0) out.push(t('imp.presetUnchanged', { count: this.unchangedOrders }));
    out.push(...this.pending.warnings(t));
    return out;
  }

  private get rejectsOthers(): boolean {
    return this.env.options.multiCustomerInvoice === 'reject';
  }

  row({ line: lineNumber, fields: sale }: ReadRow<SaleFields>, out: Outcomes): void {
    if (sale.status !== 'ok') {
      if (sale.status === 'excluded') {
        if (sale.reason === 'cancellation') this.cancellations += 1;
        else if (sale.reason !== 'notOrder') this.leftOut.add(sale.reason, sale.invoice ?? String(lineNumber));
        // A pending order cancelled (or returned, and returns left out) since: pending no longer.
        if ((sale.reason === 'cancelled' || sale.reason === 'returned') && sale.invoice !== null) this.pending.cancel(sale.invoice);
      }
      this.flushIfOther(sale.invoice, out);
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
    const shipping = sale.shipping !== 0 && invoice !== this.invoice && !this.seenInvoices.has(invoice ?? '') ? sale.shipping : 0;
    const line: Line = { line: lineNumber, amount: amount + shipping, item };
    if (date > this.env.futureAfter) this.futureDates += 1;

    if (!invoice) {
      const same = hash52(`${customer.code}|${customer.phone}|${customer.email}|${customer.name}|${date}|${amount}`);
      if (this.sameRows.has(same)) this.sameRowCount += 1;
      else this.sameRows.add(same);
      this.flush(out);
      this.write(this.sale(sale, lineNumber, date, line, null), out);
      return;
    }
    if (invoice === this.invoice) {
      if (date !== this.invoiceDate) this.otherDate(lineNumber, date);
      // Most lines are the same customer's as the line before: four short strings compared.
      const current = this.current;
      if (current !== null && sameFields(current.customer, customer)) current.lines.push(line);
      else this.join(sale, lineNumber, line, out);
      return;
    }
    this.flush(out);
    this.invoice = invoice;
    const seen = this.seenInvoices.get(invoice);
    if (seen === undefined) {
      this.invoiceLine = lineNumber;
      this.invoiceDate = date;
      this.first = this.current = this.sale(sale, lineNumber, date, line, null);
      return;
    }
    // An invoice met again further down an unsorted file: checked against its first row and customers.
    this.invoiceLine = seen.line;
    this.invoiceDate = seen.date;
    this.named = seen.customers;
    if (date !== seen.date) this.otherDate(lineNumber, date);
    this.join(sale, lineNumber, line, out);
  }

  private sale(sale: OkSale, lineNumber: number, date: string, line: Line, owner: InvoiceCustomer | null): Pending {
    const { id, invoice, customer, channel, campaign, notes } = sale;
    return {
      id, invoice, line: lineNumber, date, customer, channel, campaign, notes, lines: [line], owner, known: null, ordinal: -1, refused: false,
      ...(sale.returned ? { returned: true } : {}),
      ...(sale.pending !== null ? { pendingStatus: sale.pending } : {}),
    };
  }

  /** The customers the current invoice named so far, its first first. */
  private namedSoFar(): InvoiceCustomer[] {
    return this.named ?? (this.first ? [this.first] : []);
  }

  /** A line of the current invoice for another customer than the line before's: the sale of its
   * customer, started if this run of lines has none yet (and reported if the invoice never named them). */
  private join(sale: OkSale, lineNumber: number, line: Line, out: Outcomes): void {
    const customer = sale.customer;
    const sales = this.others ? [this.first as Pending, ...this.others] : this.first ? [this.first] : [];
    for (const s of sales) {
      if (sameFields(s.customer, customer)) {
        s.lines.push(line);
        this.current = s;
        return;
      }
    }
    const owner = this.namedSoFar().find((o) => this.sameCustomer(o, customer)) ?? this.newCustomer(customer, lineNumber);
    if (owner.refused) {
      const first = this.namedSoFar()[0];
      const vars = { invoice: this.invoice as string, line: first.line, first: describe(first.customer), other: describe(customer) };
      this.customerIssue(lineNumber, customer, this.env.t('imp.invoiceCustomerRejected', vars));
      out.add('failed');
      return;
    }
    let joined = sales.find((s) => (s.owner ?? s) === owner);
    if (joined) joined.lines.push(line);
    else {
      // Every sale of an invoice takes the date of its first row.
      joined = this.sale(sale, lineNumber, this.invoiceDate, line, owner);
      if (this.first === null) this.first = joined;
      else (this.others ??= []).push(joined);
    }
    this.current = joined;
  }

  /** A further customer of the current invoice: reported, with the invoice's first, where first named. */
  private newCustomer(customer: NewCustomer, lineNumber: number): InvoiceCustomer {
    const named = (this.named ??= this.namedSoFar());
    const refused = this.rejectsOthers && named.length > 0;
    const owner: InvoiceCustomer = { customer, line: lineNumber, known: null, ordinal: -1, refused };
    const first = named[0];
    named.push(owner);
    if (named.length === 2) this.multiCustomerInvoices += 1;
    const vars = { invoice: this.invoice as string, line: first?.line ?? lineNumber, first: describe(first?.customer ?? customer), other: describe(customer) };
    if (first && !refused) this.customerIssue(lineNumber, customer, this.env.t('imp.invoiceCustomers', vars));
    return owner;
  }

  private customerIssue(lineNumber: number, customer: NewCustomer, message: string): void {
    const field = ['customer_code', 'customer_phone', 'customer_email', 'customer_name'].find((f) => this.env.mapped(f)) ?? 'customer_code';
    this.env.log.issue(lineNumber, this.env.headerOf(field), field, 'other', describe(customer), message);
  }

  private otherDate(lineNumber: number, date: string): void {
    this.otherDates += 1;
    const vars = { invoice: this.invoice as string, date: formatDate(date), line: this.invoiceLine, first: formatDate(this.invoiceDate) };
    this.env.log.issue(lineNumber, this.env.headerOf('transaction_date'), 'transaction_date', 'date', formatDate(date), this.env.t('imp.invoiceDate', vars));
  }

  /** Whether a row's customer is one an invoice already named: the same customer of the shop, or
   * (neither in the shop yet) the one the first would be created as. */
  private sameCustomer(owner: InvoiceCustomer, customer: NewCustomer): boolean {
    const theirs = owner.known ?? this.customers.find(owner.customer);
    const mine = this.customers.find(customer);
    if (theirs !== null || mine !== null) return theirs === mine;
    return joins(owner.customer, customer);
  }

  private flushIfOther(invoice: string | null, out: Outcomes): void {
    if (invoice === null || this.invoice !== invoice) this.flush(out);
  }

  finish(out: Outcomes): void {
    this.flush(out);
  }

  private flush(out: Outcomes): void {
    const invoice = this.invoice;
    if (invoice === null) return;
    const { first, others } = this;
    const recurring = this.env.recurringInvoices.has(invoice);
    const named = recurring ? this.namedSoFar() : null;
    this.invoice = this.first = this.others = this.current = this.named = null;
    if (first !== null) this.settle(first, out);
    if (others !== null) for (const s of others) this.settle(s, out);
    if (named !== null) {
      this.seenInvoices.set(invoice, { line: this.invoiceLine, date: this.invoiceDate, customers: named });
      if (first !== null) first.lines.length = 0; // kept as a customer the invoice named, not for its lines
    }
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
    this.env.w.update('transactions', current.id, { amount, items: JSON.stringify(items) }, this.env.t('err.notFound', { entity: this.env.t('entity.transaction') }));
    // A sale of this import earns at its end by the amount it ends with; one the shop had, again.
    if (rowid < this.firstRowid && amount !== current.amount) this.changedSales.add(current.id);
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
        this.env.log.issue(group.line, this.env.headerOf('invoice_no'), 'invoice_no', 'duplicate', group.invoice as string, t('imp.dupInvoice', { invoice: group.invoice as string }));
        out.add('skipped', count);
        return;
      }
      const customer = this.link(group.customer);
      (group.owner ?? group).known = customer;
      const target = this.shopInvoices.claim(group.invoice as string, existing, customer);
      if (target?.merge) return this.merge(group, target.rowid, 'updated', out);
      if (target) {
        const current = this.shopInvoices.byRowid(target.rowid, group.invoice as string);
        const values = { customer_id: customer.id, transaction_date: group.date, amount, items: itemsJson, channel: group.channel, campaign_code: group.campaign, notes: group.notes };
        if (this.env.options.preset && this.sameAsShop(current.id, values)) {
          // A marketplace export imported again, or overlapping the last one: nothing to write.
          this.unchangedOrders += 1;
          out.add('skipped', count);
        } else {
          if (this.earnsOtherwise(current.id, values)) this.changedSales.add(current.id);
          this.noteReturn(group.invoice, customer.id, amount);
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

  /** A return (`C` + a sale's invoice, negative: a marketplace order returned, or its refund row). */
  private noteReturn(invoice: string | null, customerId: string, amount: number): void {
    if (amount < 0 && invoice !== null && invoice.startsWith('C') && invoice.length > 1) this.returnsOf.set(`${invoice}\u0000${customerId}`, { invoice: invoice.slice(1), customerId });
  }

  /**
   * What earns again at the import's end: the shop's sales it changed, and the sales it wrote a
   * return of (they then earn on what is left of them, loyalty/earn.ts), wherever they came from.
   */
  salesToReEarn(): ReadonlyMap<string, 'changed' | 'returned'> {
    const sales = new Map<string, 'changed' | 'returned'>([...this.changedSales].map((id) => [id, 'changed']));
    const find = this.env.sqlite.prepare('SELECT id FROM transactions WHERE invoice_no = ? AND customer_id = ? AND deleted_at IS NULL AND amount > 0').pluck();
    for (const { invoice, customerId } of this.returnsOf.values()) for (const id of find.all(invoice, customerId) as string[]) sales.set(id, 'returned');
    return sales;
  }

  /** Whether the file changes what the shop's sale earns points by (customer, amount, channel, day). */
  private earnsOtherwise(id: string, values: { customer_id: string; transaction_date: string; amount: number; channel: string | null }): boolean {
    const row = this.env.sqlite.prepare('SELECT customer_id, transaction_date, amount, channel FROM transactions WHERE id = ?').get(id) as typeof values | undefined;
    return row === undefined || row.customer_id !== values.customer_id || row.transaction_date !== values.transaction_date || row.amount !== values.amount || (row.channel ?? 'offline') !== (values.channel ?? 'offline');
  }

  /** Whether the shop's transaction already says what the file does. */
  private sameAsShop(id: string, values: Record<string, unknown>): boolean {
    const row = this.env.sqlite.prepare('SELECT customer_id, transaction_date, amount, items, channel, campaign_code, notes FROM transactions WHERE id = ?').get(id) as Record<string, unknown> | undefined;
    return row !== undefined && Object.entries(values).every(([key, value]) => row[key] === value);
  }

  /**
   * A returned marketplace order: its sale stays, and its return is a transaction of its own, the
   * invoice number with a `C` in front and the amounts negative, as a cancellation of a shop's own
   * file is kept. Its rows were counted with the sale.
   */
  private writeReturn(group: Pending): void {
    const lines = group.lines.map((l) => ({ ...l, amount: -Math.abs(l.amount), item: l.item ? { ...l.item, qty: -Math.abs(l.item.qty) } : null }));
    const back: Pending = { ...group, id: newId(), invoice: `C${group.invoice as string}`, lines, returned: false, owner: null, known: null, ordinal: -1 };
    const [records, unchanged] = [this.records, this.unchangedOrders];
    this.write(back, new Counts());
    if (this.records > records) this.returnsWritten += 1;
    this.unchangedOrders = unchanged; // counted once, with the sale
  }

  private insertGroup(group: Pending, customer: KnownCustomer, amount: number, itemsJson: string, out: Outcomes): void {
    this.noteReturn(group.invoice, customer.id, amount);
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
    const owner = group.owner ?? group;
    owner.known = customer;
    owner.ordinal = this.inserted;
    this.inserted += 1;
    this.records += 1;
    out.add('imported', group.lines.length);
  }
}
