import type { Translate } from '../../../src-shared/i18n/messages';
import type { RowReader } from '../rows/reader';
import { CustomerIndex, type KnownCustomer } from './customer-index';
import { StopImport, type ImportEnv, type Importer, type Outcomes, type RowOutcome } from './env';

function fieldLabel(t: Translate, field: string): string {
  return t(field === 'phone' ? 'field.phone' : field === 'email' ? 'field.email' : 'field.code');
}

/** Customers: new ones are added; a match on code, phone or email follows the duplicate policy. */
export class CustomersImporter implements Importer {
  private readonly index: CustomerIndex;
  private readonly seen = new Map<string, number>();
  records = 0;
  readonly customersCreated = 0;
  readonly warnings: string[] = [];
  /** Customers are matched in the index's maps, and changed by id. */
  readonly bulkTables = [{ table: 'customers' as const, emptyColumns: [] }];

  constructor(private readonly env: ImportEnv) {
    this.index = new CustomerIndex(env.sqlite);
  }

  private firstSeen(r: RowReader, keys: [string, string | null][]): boolean {
    for (const [field, value] of keys) {
      if (!value) continue;
      const line = this.seen.get(`${field}:${value}`);
      if (line !== undefined) {
        r.fail(field, 'duplicate', 'imp.dupInFile', { line, field: fieldLabel(this.env.t, field) });
        return false;
      }
    }
    for (const [field, value] of keys) if (value) this.seen.set(`${field}:${value}`, r.lineNumber);
    return true;
  }

  row(r: RowReader, out: Outcomes): void {
    out.add(this.one(r));
  }

  private one(r: RowReader): RowOutcome {
    const code = r.text('code', 32);
    const name = r.text('name', 120, true);
    const phone = r.phone('phone');
    const email = r.email('email');
    const fields = { address: r.text('address', 300), city: r.text('city', 80), tags: r.tags('tags'), notes: r.text('notes', 2000), source: r.text('source', 80) };
    if (r.failed) return 'failed';
    if (!this.firstSeen(r, [['code', code], ['phone', phone], ['email', email]])) return 'skipped';

    const match: [string, KnownCustomer | undefined][] = [
      ['code', code ? this.index.byCode.get(code) : undefined],
      ['phone', phone ? this.index.byPhone.get(phone) : undefined],
      ['email', email ? this.index.byEmail.get(email) : undefined],
    ];
    const found = match.find(([, c]) => c !== undefined);
    if (found) {
      const [field, existing] = found as [string, KnownCustomer];
      const t = this.env.t;
      if (this.env.options.onDuplicate === 'stop') throw new StopImport(t('imp.stopDuplicate', { line: r.lineNumber }));
      if (this.env.options.onDuplicate === 'skip') {
        r.fail(field, 'duplicate', 'imp.dupInDb', { name: existing.name, code: existing.code, field: fieldLabel(t, field) });
        r.failed = false; // listed, but a skip is not a failure
        return 'skipped';
      }
      this.env.w.update(
        'customers',
        existing.id,
        { name: name as string, phone: phone ?? existing.phone, email: email ?? existing.email, ...fields, tags: JSON.stringify(fields.tags), deleted_at: null, ...(code ? { code } : {}) },
        t('err.notFound', { entity: t('entity.customer') }),
      );
      this.index.remember({ ...existing, name: name as string, phone: phone ?? existing.phone, email: email ?? existing.email, deleted: false });
      this.records += 1;
      return 'updated';
    }
    this.index.create(this.env.w, { code, name, phone, email, ...fields, source: fields.source ?? 'import' }, this.env.uploadId);
    this.records += 1;
    return 'imported';
  }

  finish(): void {
    // every row was settled as it came
  }
}
