import { newId } from '../../core/ids';
import { productCode, productCodeNumber } from '../../../src-shared/codes';
import type { NewRow } from '../../core/write';
import { inserter } from '../bulk-insert';
import type { ProductFields } from './product-fields';
import { StopImport, type ImportEnv, type Importer, type Outcomes, type ReadRow, type RowOutcome } from './env';

/** Products/programs: matched by code; new codes get the P-0001 series. */
export class ProductsImporter implements Importer<ProductFields> {
  private readonly byCode = new Map<string, { id: string; name: string }>();
  private readonly seen = new Map<string, number>();
  /** Who holds each campaign code: a product already here (line null) or an earlier line of the file. */
  private readonly byCampaign = new Map<string, { id: string; name: string; line: number | null }>();
  private line = 0;
  private nextNumber = 1;
  private insert: ((row: NewRow<'products'> & { id: string }) => void) | null = null;
  records = 0;
  readonly customersCreated = 0;
  readonly warnings: string[] = [];
  readonly tables = ['products'] as const;

  constructor(private readonly env: ImportEnv) {
    for (const row of env.sqlite.prepare('SELECT id, name, campaign_code FROM products WHERE campaign_code IS NOT NULL').all() as {
      id: string;
      name: string;
      campaign_code: string;
    }[]) {
      this.byCampaign.set(row.campaign_code, { id: row.id, name: row.name, line: null });
    }
    for (const row of env.sqlite.prepare('SELECT id, code, name FROM products').all() as { id: string; code: string; name: string }[]) {
      this.byCode.set(row.code, row);
      const auto = productCodeNumber(row.code);
      if (auto !== null) this.nextNumber = Math.max(this.nextNumber, auto + 1);
    }
  }

  row(row: ReadRow<ProductFields>, out: Outcomes): void {
    out.add(this.one(row));
  }

  private issue(line: number, p: ProductFields, key: 'imp.dupInFile' | 'imp.dupInDb', vars: Record<string, string | number>): void {
    this.env.log.issue(line, this.env.headerOf('code'), 'code', 'duplicate', p.rawCode, this.env.t(key, vars));
  }

  private one({ line, fields: p }: ReadRow<ProductFields>): RowOutcome {
    if (p.failed) return 'failed';
    this.line = line;
    const { code, category, price, active } = p;
    const name = p.name as string;
    if (!this.campaignCodeFree(line, p)) return 'failed';
    // A file without the package columns leaves a product's package fields as they are.
    const catalogue = p.catalogue
      ? { ...p.catalogue, features: JSON.stringify(p.catalogue.features), assistant_offered: p.catalogue.assistant_offered ? 1 : 0 }
      : {};
    if (code) {
      const first = this.seen.get(code);
      if (first !== undefined) {
        this.issue(line, p, 'imp.dupInFile', { line: first, field: this.env.t('field.code') });
        return 'skipped';
      }
      this.seen.set(code, line);
      const existing = this.byCode.get(code);
      if (existing) {
        if (this.env.options.onDuplicate === 'stop') throw new StopImport(this.env.t('imp.stopDuplicate', { line }));
        if (this.env.options.onDuplicate === 'skip') {
          this.issue(line, p, 'imp.dupInDb', { name: existing.name, code, field: this.env.t('field.code') }); // listed, but a skip is not a failure
          return 'skipped';
        }
        this.env.w.update(
          'products',
          existing.id,
          { name, category, price, active: active ? 1 : 0, ...catalogue, deleted_at: null },
          this.env.t('err.notFound', { entity: this.env.t('entity.product') }),
        );
        this.claim(p, existing.id);
        this.records += 1;
        return 'updated';
      }
    }
    let newCode = code;
    while (!newCode || this.byCode.has(newCode)) newCode = productCode(this.nextNumber++);
    const id = newId();
    this.insert ??= inserter(this.env.w, 'products');
    this.insert({ id, code: newCode, name, category, price, active: active ? 1 : 0, ...catalogue, deleted_at: null, upload_id: this.env.uploadId });
    this.byCode.set(newCode, { id, name });
    this.claim(p, id);
    this.records += 1;
    return 'imported';
  }

  /**
   * One product per campaign code (the table's unique index): a code another product holds, or an
   * earlier line of the file took, is this line's issue, not a failed import.
   */
  private campaignCodeFree(line: number, p: ProductFields): boolean {
    const campaign = p.catalogue?.campaign_code;
    if (!campaign) return true;
    const holder = this.byCampaign.get(campaign);
    const own = p.code ? this.byCode.get(p.code)?.id : undefined;
    if (holder === undefined || holder.id === own) return true;
    const vars: Record<string, string | number> =
      holder.line === null
        ? { name: holder.name, code: campaign, field: this.env.t('field.campaignCode') }
        : { line: holder.line, field: this.env.t('field.campaignCode') };
    this.env.log.issue(
      line,
      this.env.headerOf('campaign_code'),
      'campaign_code',
      'duplicate',
      campaign,
      this.env.t(holder.line === null ? 'imp.dupInDb' : 'imp.dupInFile', vars),
    );
    return false;
  }

  private claim(p: ProductFields, id: string): void {
    const campaign = p.catalogue?.campaign_code;
    if (campaign) this.byCampaign.set(campaign, { id, name: p.name as string, line: this.line });
  }

  finish(): void {
    // every row was settled as it came
  }
}
