import { cellWords } from '../rows/reader';

/** Two 32-bit FNV-1a hashes as one ~52-bit number: a million texts told apart without keeping them. */
export function hash52(text: string): number {
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
 * The invoices whose lines do not all stand together in the file (an unsorted line-item export),
 * found in the first pass. The import then remembers only these invoices' transactions, for the
 * lines further down to join, instead of every invoice it writes. An invoice's run of lines ends
 * at any line with another invoice number or none, as the importer's grouping does; two numbers
 * sharing a hash only make one more invoice remembered.
 */
export class RecurringInvoices {
  readonly found = new Set<string>();
  private readonly seen = new Set<number>();
  private last: string | null = null;

  constructor(private readonly column: number | null | undefined) {}

  add(cells: unknown[]): void {
    if (this.column === null || this.column === undefined) return;
    const invoice = cellWords(cells[this.column]) || null;
    if (invoice === this.last) return;
    this.last = invoice;
    if (invoice === null) return;
    const key = hash52(invoice);
    if (this.seen.has(key)) this.found.add(invoice);
    else this.seen.add(key);
  }
}
