import type { ImportOptions } from '../../../src-shared/schemas/import';
import type { RowReader } from '../rows/reader';

/** What one row of a products file says, read and checked (in the import's reading thread). */
export interface ProductFields {
  failed: boolean;
  code: string | null;
  name: string | null;
  category: string | null;
  price: number;
  active: boolean;
  /** The code as the file has it, for a duplicate's issue. */
  rawCode: string;
}

export function readProduct(r: RowReader, options: ImportOptions): ProductFields {
  const code = r.text('code', 32);
  const name = r.text('name', 160, true);
  const category = r.text('category', 80);
  const price = r.mapped('price') ? r.amount('price', options.amountMultiplier) : 0;
  const active = r.boolean('active', true);
  if (!r.failed && price !== null && price < 0) r.fail('price', 'number', 'v.positive');
  return { failed: r.failed || name === null, code, name, category, price: price ?? 0, active, rawCode: r.rawText('code') };
}
