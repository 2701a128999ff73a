import { formatDate } from '../../../src-shared/format/date';
import type { CustomerIndex, NewCustomer } from './customer-index';
import type { ImportEnv, Outcomes } from './env';
import { describe, joins, pendingSale, sameFields, type InvoiceCustomer, type InvoiceSeen, type Line, type OkSale, type Pending } from './invoice-customers';

/**
 * The lines of the invoice a sales file is in, grouped into one sale per customer the invoice
 * names: which line joins which sale, an invoice met again further down an unsorted file checked
 * against its first row and customers, a further customer or another date reported (or, under the
 * 'reject' policy, a further customer's lines failed). Apart from the importer (transactions.ts),
 * which writes the sales this hands it once their invoice ends, so that the grouping can be read
 * without the writing and the writing without the grouping.
 */
export class InvoiceLines {
  /** Invoices whose lines come back further down the file (env.recurringInvoices), as met so far. */
  private readonly seen = new Map<string, InvoiceSeen>();
  /** The invoice whose lines the file is in (null: none), with its first row and that row's date. */
  private open: string | null = null;
  private line = 0;
  private date = '';
  /** The invoice's sales in this run of its lines: its first, and any for further customers (null: none). */
  private first: Pending | null = null;
  private others: Pending[] | null = null;
  /** Every customer the invoice named, over its earlier runs too; null: only its first sale's. */
  private named: InvoiceCustomer[] | null = null;
  /** The sale the last line joined: the next line most likely joins it too. */
  private current: Pending | null = null;
  private multiCustomerInvoices = 0;
  private otherDates = 0;

  /** `settle` writes a sale of an invoice once the invoice's run of lines ends. */
  constructor(
    private readonly env: ImportEnv,
    private readonly customers: CustomerIndex,
    private readonly settle: (sale: Pending, out: Outcomes) => void,
  ) {}

  /** The invoice whose lines the file is in (null: none). */
  get invoice(): string | null {
    return this.open;
  }

  /** Whether the invoice's lines were met already (its shipping counted with its first). */
  met(invoice: string | null): boolean {
    return invoice === this.open || this.seen.has(invoice ?? '');
  }

  warnings(t: ImportEnv['t']): string[] {
    const out: string[] = [];
    if (this.multiCustomerInvoices > 0)
      out.push(t(this.rejectsOthers ? 'imp.warnInvoiceCustomersRejected' : 'imp.warnInvoiceCustomers', { count: this.multiCustomerInvoices }));
    if (this.otherDates > 0) out.push(t('imp.warnInvoiceDates', { count: this.otherDates }));
    return out;
  }

  private get rejectsOthers(): boolean {
    return this.env.options.multiCustomerInvoice === 'reject';
  }

  /** The first line of an invoice's run of lines; the run before must be settled (flush). */
  start(invoice: string, sale: OkSale, lineNumber: number, date: string, line: Line, out: Outcomes): void {
    this.open = invoice;
    const seen = this.seen.get(invoice);
    if (seen === undefined) {
      this.line = lineNumber;
      this.date = date;
      this.first = this.current = pendingSale(sale, lineNumber, date, line, null);
      return;
    }
    // An invoice met again further down an unsorted file: checked against its first row and customers.
    this.line = seen.line;
    this.date = seen.date;
    this.named = seen.customers;
    if (date !== seen.date) this.otherDate(lineNumber, date);
    this.join(sale, lineNumber, line, out);
  }

  /** A further line of the open invoice. */
  add(sale: OkSale, lineNumber: number, date: string, line: Line, out: Outcomes): void {
    if (date !== this.date) this.otherDate(lineNumber, date);
    // Most lines are the same customer's as the line before: four short strings compared.
    const current = this.current;
    if (current !== null && sameFields(current.customer, sale.customer)) current.lines.push(line);
    else this.join(sale, lineNumber, line, out);
  }

  /** Ends the open invoice's run of lines: each of its sales settled, and what a later run is checked against kept. */
  flush(out: Outcomes): void {
    const invoice = this.open;
    if (invoice === null) return;
    const { first, others } = this;
    const recurring = this.env.recurringInvoices.has(invoice);
    const named = recurring ? this.namedSoFar() : null;
    this.open = this.first = this.others = this.current = this.named = null;
    if (first !== null) this.settle(first, out);
    if (others !== null) for (const s of others) this.settle(s, out);
    if (named !== null) {
      this.seen.set(invoice, { line: this.line, date: this.date, customers: named });
      if (first !== null) first.lines.length = 0; // kept as a customer the invoice named, not for its lines
    }
  }

  /** The customers the open invoice named so far, its first first. */
  private namedSoFar(): InvoiceCustomer[] {
    return this.named ?? (this.first ? [this.first] : []);
  }

  /** A line of the open invoice for another customer than the line before's: the sale of its
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
      const vars = { invoice: this.open as string, line: first.line, first: describe(first.customer), other: describe(customer) };
      this.customerIssue(lineNumber, customer, this.env.t('imp.invoiceCustomerRejected', vars));
      out.add('failed');
      return;
    }
    let joined = sales.find((s) => (s.owner ?? s) === owner);
    if (joined) joined.lines.push(line);
    else {
      // Every sale of an invoice takes the date of its first row.
      joined = pendingSale(sale, lineNumber, this.date, line, owner);
      if (this.first === null) this.first = joined;
      else (this.others ??= []).push(joined);
    }
    this.current = joined;
  }

  /** A further customer of the open invoice: reported, with the invoice's first, where first named. */
  private newCustomer(customer: NewCustomer, lineNumber: number): InvoiceCustomer {
    const named = (this.named ??= this.namedSoFar());
    const refused = this.rejectsOthers && named.length > 0;
    const owner: InvoiceCustomer = { customer, line: lineNumber, known: null, ordinal: -1, refused };
    const first = named[0];
    named.push(owner);
    if (named.length === 2) this.multiCustomerInvoices += 1;
    const vars = { invoice: this.open as string, line: first?.line ?? lineNumber, first: describe(first?.customer ?? customer), other: describe(customer) };
    if (first && !refused) this.customerIssue(lineNumber, customer, this.env.t('imp.invoiceCustomers', vars));
    return owner;
  }

  private customerIssue(lineNumber: number, customer: NewCustomer, message: string): void {
    const field = ['customer_code', 'customer_phone', 'customer_email', 'customer_name'].find((f) => this.env.mapped(f)) ?? 'customer_code';
    this.env.log.issue(lineNumber, this.env.headerOf(field), field, 'other', describe(customer), message);
  }

  private otherDate(lineNumber: number, date: string): void {
    this.otherDates += 1;
    const vars = { invoice: this.open as string, date: formatDate(date), line: this.line, first: formatDate(this.date) };
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
}
