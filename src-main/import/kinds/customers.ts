import type { Translate } from '../../../src-shared/i18n/messages';
import { CUSTOMER_KEYS, type CustomerFields, type CustomerKey } from './customer-fields';
import { CustomerIndex, type KnownCustomer } from './customer-index';
import { StopImport, type ImportEnv, type Importer, type Outcomes, type ReadRow, type RowOutcome } from './env';

function fieldLabel(t: Translate, field: string): string {
  return t(field === 'phone' ? 'field.phone' : field === 'email' ? 'field.email' : 'field.code');
}

/** Customers: new ones are added; a match on code, phone or email follows the duplicate policy. */
export class CustomersImporter implements Importer<CustomerFields> {
  private readonly index: CustomerIndex;
  private readonly seen = new Map<string, number>();
  records = 0;
  readonly customersCreated = 0;
  readonly warnings: string[] = [];
  readonly tables = ['customers'] as const;
  /** Customers are matched in the index's maps, and changed by id. */
  readonly bulkTables = [{ table: 'customers' as const, emptyColumns: [] }];

  constructor(private readonly env: ImportEnv) {
    this.index = new CustomerIndex(env.sqlite);
  }

  /** A match key this file already had on an earlier row: the row is listed and skipped. */
  private firstSeen(line: number, c: CustomerFields): boolean {
    for (const field of CUSTOMER_KEYS) {
      const value = c[field];
      if (!value) continue;
      const first = this.seen.get(`${field}:${value}`);
      if (first !== undefined) {
        this.issue(line, c, field, 'imp.dupInFile', { line: first, field: fieldLabel(this.env.t, field) });
        return false;
      }
    }
    for (const field of CUSTOMER_KEYS) if (c[field]) this.seen.set(`${field}:${c[field]}`, line);
    return true;
  }

  private issue(line: number, c: CustomerFields, field: CustomerKey, key: 'imp.dupInFile' | 'imp.dupInDb', vars: Record<string, string | number>): void {
    this.env.log.issue(line, this.env.headerOf(field), field, 'duplicate', c.raw[field], this.env.t(key, vars));
  }

  row(row: ReadRow<CustomerFields>, out: Outcomes): void {
    out.add(this.one(row));
  }

  private one({ line, fields: c }: ReadRow<CustomerFields>): RowOutcome {
    if (c.failed) return 'failed';
    if (!this.firstSeen(line, c)) return 'skipped';
    const { code, name, phone, email } = c;
    const fields = { address: c.address, city: c.city, tags: c.tags, notes: c.notes, source: c.source };

    const match: [CustomerKey, KnownCustomer | undefined][] = [
      ['code', code ? this.index.byCode.get(code) : undefined],
      ['phone', phone ? this.index.byPhone.get(phone) : undefined],
      ['email', email ? this.index.byEmail.get(email) : undefined],
    ];
    const found = match.find(([, known]) => known !== undefined);
    if (found) {
      const [field, existing] = found as [CustomerKey, KnownCustomer];
      const t = this.env.t;
      if (this.env.options.onDuplicate === 'stop') throw new StopImport(t('imp.stopDuplicate', { line }));
      if (this.env.options.onDuplicate === 'skip') {
        this.issue(line, c, field, 'imp.dupInDb', { name: existing.name, code: existing.code, field: fieldLabel(t, field) }); // listed, but a skip is not a failure
        return 'skipped';
      }
      this.env.w.update(
        'customers',
        existing.id,
        {
          name: name as string,
          phone: phone ?? existing.phone,
          email: email ?? existing.email,
          ...fields,
          tags: JSON.stringify(fields.tags),
          deleted_at: null,
          ...(code ? { code } : {}),
        },
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
