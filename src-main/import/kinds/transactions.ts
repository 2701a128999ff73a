import { newId } from '../../core/ids';
import type { NewRow } from '../../core/write';
import type { RowReader } from '../rows/reader';
import { CustomerIndex, type KnownCustomer, type NewCustomer } from './customer-index';
import { StopImport, type ImportEnv, type Importer, type RowOutcome } from './env';

interface Line {
  line: number;
  amount: number;
  item: { product_id: string | null; name: string; qty: number; price: number } | null;
}

interface Pending {
  invoice: string | null;
  line: number;
  date: string;
  customer: NewCustomer;
  channel: string | null;
  campaign: string | null;
  notes: string | null;
  lines: Line[];
  /** Set when the invoice was already written earlier in this file: the lines are added to it. */
  mergeInto?: string;
}

/** Two 32-bit FNV-1a hashes as one ~52-bit number: identical invoice-less rows are found without
 * keeping a million strings. */
function hash(text: string): number {
  let a = 0x811c9dc5;
  let b = 0x01000193;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
  }
  return (a >>> 0) * 0x100000 + ((b >>> 0) & 0xfffff);
}

/**
 * Transactions: rows of one invoice (line-item files such as the UCI Online Retail export) become
 * one transaction with its items; rows without an invoice number are one purchase each. Customers
 * are found by code, phone, email or name, and created when missing.
 */
export class TransactionsImporter implements Importer {
  private readonly customers: CustomerIndex;
  private readonly products = new Map<string, { id: string; name: string }>();
  private readonly existingInvoices = new Map<string, string>();
  /** Invoices this import wrote: a line of one of them further down the file joins it. */
  private readonly importedInvoices = new Map<string, string>();
  private readonly sameRows = new Set<number>();
  private readonly insert: (row: NewRow<'transactions'> & { id: string }) => void;
  private pending: Pending | null = null;
  private sameRowCount = 0;
  private linkedByName = 0;
  private cancellations = 0;
  records = 0;
  customersCreated = 0;

  constructor(private readonly env: ImportEnv) {
    this.customers = new CustomerIndex(env.sqlite);
    for (const p of env.sqlite.prepare('SELECT id, code, name FROM products WHERE deleted_at IS NULL').all() as { id: string; code: string; name: string }[]) this.products.set(p.code, p);
    for (const t of env.sqlite.prepare('SELECT id, invoice_no FROM transactions WHERE invoice_no IS NOT NULL AND deleted_at IS NULL').all() as { id: string; invoice_no: string }[]) this.existingInvoices.set(t.invoice_no, t.id);
    this.insert = env.w.inserter('transactions');
  }

  get warnings(): string[] {
    const t = this.env.t;
    const out: string[] = [];
    if (this.sameRowCount > 0) out.push(t('imp.warnSameRows', { count: this.sameRowCount }));
    if (this.linkedByName > 0) out.push(t('imp.warnNameLink', { count: this.linkedByName }));
    if (this.cancellations > 0) out.push(`${t('imp.cancellation')} (${this.cancellations})`);
    return out;
  }

  row(r: RowReader): RowOutcome[] {
    const mult = this.env.options.amountMultiplier;
    const invoice = r.text('invoice_no', 40);
    const date = r.date('transaction_date', true);
    const customer: NewCustomer = { code: r.text('customer_code', 32), name: r.text('customer_name', 120), phone: r.phone('customer_phone'), email: r.email('customer_email') };
    const amount = r.mapped('amount') ? r.amount('amount', mult) : null;
    const qty = r.quantity('qty');
    const unitPrice = r.mapped('unit_price') ? r.quantity('unit_price') : null;
    const product = r.text('product', 160);
    const productCode = r.text('product_code', 40);
    const channel = r.text('channel', 40);
    const campaign = r.text('campaign_code', 40);
    const notes = r.text('notes', 2000);
    if (amount === null && r.mapped('amount') && !r.failed) r.fail('amount', 'missing', 'imp.required');
    if (amount === null && !r.mapped('amount') && (qty === null || unitPrice === null) && !r.failed) r.fail(unitPrice === null ? 'unit_price' : 'qty', 'missing', 'imp.required');
    if (!customer.code && !customer.name && !customer.phone && !customer.email && !r.failed) {
      const field = ['customer_code', 'customer_phone', 'customer_email', 'customer_name'].find((f) => r.mapped(f)) ?? 'customer_code';
      r.fail(field, 'missing', 'imp.noCustomer');
    }
    if (r.failed || date === null) return [...this.flushIfOther(invoice), 'failed'];

    let lineAmount = amount ?? Math.round((qty as number) * (unitPrice as number) * mult);
    const cancelled = (invoice !== null && /^c/i.test(invoice)) || (qty !== null && qty < 0) || lineAmount < 0;
    if (cancelled) {
      if (this.env.options.cancellations === 'exclude') {
        this.cancellations += 1;
        return [...this.flushIfOther(invoice), 'skipped'];
      }
      lineAmount = -Math.abs(lineAmount);
    }
    const item =
      product || productCode
        ? {
            product_id: productCode ? (this.products.get(productCode)?.id ?? null) : null,
            name: product ?? this.products.get(productCode as string)?.name ?? (productCode as string),
            qty: qty ?? 1,
            price: unitPrice !== null ? Math.round(unitPrice * mult) : Math.round(lineAmount / (qty || 1)),
          }
        : null;
    const line: Line = { line: r.lineNumber, amount: lineAmount, item };

    if (!invoice) {
      const same = hash(`${customer.code}|${customer.phone}|${customer.email}|${customer.name}|${date}|${lineAmount}`);
      if (this.sameRows.has(same)) this.sameRowCount += 1;
      else this.sameRows.add(same);
      const settled = this.flush();
      return [...settled, ...this.write({ invoice: null, line: r.lineNumber, date, customer, channel, campaign, notes, lines: [line] })];
    }
    if (this.pending?.invoice === invoice) {
      this.pending.lines.push(line);
      return [];
    }
    const settled = this.flush();
    this.pending = { invoice, line: r.lineNumber, date, customer, channel, campaign, notes, lines: [line], mergeInto: this.importedInvoices.get(invoice) };
    return settled;
  }

  private flushIfOther(invoice: string | null): RowOutcome[] {
    return invoice !== null && this.pending?.invoice === invoice ? [] : this.flush();
  }

  finish(): RowOutcome[] {
    return this.flush();
  }

  private flush(): RowOutcome[] {
    const group = this.pending;
    if (!group) return [];
    this.pending = null;
    return group.mergeInto ? this.merge(group, group.mergeInto) : this.write(group);
  }

  /** Lines of an invoice met again further down an unsorted file join the transaction written for it. */
  private merge(group: Pending, id: string): RowOutcome[] {
    const current = this.env.sqlite.prepare('SELECT amount, items FROM transactions WHERE id = ?').get(id) as { amount: number; items: string };
    const items = [...(JSON.parse(current.items) as unknown[]), ...group.lines.flatMap((l) => (l.item ? [l.item] : []))];
    const amount = current.amount + group.lines.reduce((sum, l) => sum + l.amount, 0);
    this.env.w.update('transactions', id, { amount, items: JSON.stringify(items) }, this.env.t('err.notFound', { entity: this.env.t('entity.transaction') }));
    return Array<RowOutcome>(group.lines.length).fill('imported');
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

  private write(group: Pending): RowOutcome[] {
    const count = group.lines.length;
    const amount = group.lines.reduce((sum, l) => sum + l.amount, 0);
    const items = group.lines.flatMap((l) => (l.item ? [l.item] : []));
    const existing = group.invoice ? this.existingInvoices.get(group.invoice) : undefined;
    const t = this.env.t;
    if (existing) {
      if (this.env.options.onDuplicate === 'stop') throw new StopImport(t('imp.stopDuplicate', { line: group.line }));
      if (this.env.options.onDuplicate === 'skip') {
        this.env.log.issue(group.line, this.env.headerOf('invoice_no'), 'invoice_no', 'duplicate', group.invoice as string, t('imp.dupInvoice', { invoice: group.invoice as string }));
        return Array<RowOutcome>(count).fill('skipped');
      }
      const customer = this.link(group.customer);
      this.env.w.update(
        'transactions',
        existing,
        { customer_id: customer.id, transaction_date: group.date, amount, items: JSON.stringify(items), channel: group.channel, campaign_code: group.campaign, notes: group.notes },
        t('err.notFound', { entity: t('entity.transaction') }),
      );
      this.records += 1;
      return Array<RowOutcome>(count).fill('updated');
    }
    const customer = this.link(group.customer);
    const id = newId();
    this.insert({
      id,
      customer_id: customer.id,
      transaction_date: group.date,
      amount,
      items: JSON.stringify(items),
      channel: group.channel,
      campaign_code: group.campaign,
      invoice_no: group.invoice,
      notes: group.notes,
      deleted_at: null,
      upload_id: this.env.uploadId,
    });
    if (group.invoice) this.importedInvoices.set(group.invoice, id);
    this.records += 1;
    return Array<RowOutcome>(count).fill('imported');
  }
}
