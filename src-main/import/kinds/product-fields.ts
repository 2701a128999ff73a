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

/** ProductFields as the reading thread posts them: values in a fixed order (see packSale). */
export function packProduct(p: ProductFields): unknown[] {
  return [p.failed, p.code, p.name, p.category, p.price, p.active, p.rawCode];
}

export function unpackProduct(v: unknown[]): ProductFields {
  return { failed: v[0] as boolean, code: v[1] as string | null, name: v[2] as string | null, category: v[3] as string | null, price: v[4] as number, active: v[5] as boolean, rawCode: v[6] as string };
}
