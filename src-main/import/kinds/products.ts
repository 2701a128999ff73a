import { newId } from '../../core/ids';
import { productCode, productCodeNumber } from '../../../src-shared/codes';
import type { NewRow } from '../../core/write';
import type { RowReader } from '../rows/reader';
import { StopImport, type ImportEnv, type Importer, type Outcomes, type RowOutcome } from './env';

/** Products/programs: matched by code; new codes get the P-0001 series. */
export class ProductsImporter implements Importer {
  private readonly byCode = new Map<string, { id: string; name: string }>();
  private readonly seen = new Map<string, number>();
  private nextNumber = 1;
  private insert: ((row: NewRow<'products'> & { id: string }) => void) | null = null;
  records = 0;
  readonly customersCreated = 0;
  readonly warnings: string[] = [];

  constructor(private readonly env: ImportEnv) {
    for (const row of env.sqlite.prepare('SELECT id, code, name FROM products').all() as { id: string; code: string; name: string }[]) {
      this.byCode.set(row.code, row);
      const auto = productCodeNumber(row.code);
      if (auto !== null) this.nextNumber = Math.max(this.nextNumber, auto + 1);
    }
  }

  row(r: RowReader, out: Outcomes): void {
    out.add(this.one(r));
  }

  private one(r: RowReader): RowOutcome {
    const code = r.text('code', 32);
    const name = r.text('name', 160, true);
    const category = r.text('category', 80);
    const price = r.mapped('price') ? r.amount('price', this.env.options.amountMultiplier) : 0;
    const active = r.boolean('active', true);
    if (r.failed || name === null) return 'failed';
    if (price !== null && price < 0) {
      r.fail('price', 'number', 'v.positive');
      return 'failed';
    }
    if (code) {
      const line = this.seen.get(code);
      if (line !== undefined) {
        r.fail('code', 'duplicate', 'imp.dupInFile', { line, field: this.env.t('field.code') });
        return 'skipped';
      }
      this.seen.set(code, r.lineNumber);
      const existing = this.byCode.get(code);
      if (existing) {
        if (this.env.options.onDuplicate === 'stop') throw new StopImport(this.env.t('imp.stopDuplicate', { line: r.lineNumber }));
        if (this.env.options.onDuplicate === 'skip') {
          r.fail('code', 'duplicate', 'imp.dupInDb', { name: existing.name, code, field: this.env.t('field.code') });
          r.failed = false;
          return 'skipped';
        }
        this.env.w.update('products', existing.id, { name, category, price: price ?? 0, active: active ? 1 : 0, deleted_at: null }, this.env.t('err.notFound', { entity: this.env.t('entity.product') }));
        this.records += 1;
        return 'updated';
      }
    }
    let newCode = code;
    while (!newCode || this.byCode.has(newCode)) newCode = productCode(this.nextNumber++);
    const id = newId();
    this.insert ??= this.env.w.inserter('products');
    this.insert({ id, code: newCode, name, category, price: price ?? 0, active: active ? 1 : 0, deleted_at: null, upload_id: this.env.uploadId });
    this.byCode.set(newCode, { id, name });
    this.records += 1;
    return 'imported';
  }

  finish(): void {
    // every row was settled as it came
  }
}
