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

/** Bits of the first pass's record of invoices met: 8 MB, where a Set of a million hashes takes 40. */
const SEEN_BITS = 2 ** 26;

/**
 * The invoices whose lines do not all stand together in the file (an unsorted line-item export),
 * found in the first pass. The import then remembers only these invoices' transactions, for the
 * lines further down to join, instead of every invoice it writes. An invoice's run of lines ends
 * at any line with another invoice number or none, as the importer's grouping does. Invoices met
 * are kept as one bit each, at their hash: two sharing a bit only make one more invoice
 * remembered (under 1% of them in a file of a million invoices).
 */
export class RecurringInvoices {
  readonly found = new Set<string>();
  private seen: Uint8Array | null = null;
  private last: string | null = null;

  constructor(private readonly column: number | null | undefined) {}

  add(cells: unknown[]): void {
    if (this.column === null || this.column === undefined) return;
    const invoice = cellWords(cells[this.column]) || null;
    if (invoice === this.last) return;
    this.last = invoice;
    if (invoice === null) return;
    // The hash's high bits: FNV-1a mixes its low ones least (1.6% of a million shared a bit with them).
    const bit = Math.floor(hash52(invoice) / 2 ** 26) % SEEN_BITS;
    const seen = (this.seen ??= new Uint8Array(SEEN_BITS / 8));
    const mask = 1 << (bit & 7);
    const at = bit >>> 3;
    if (seen[at] & mask) this.found.add(invoice);
    else seen[at] |= mask;
  }
}
