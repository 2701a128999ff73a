import { CAMPAIGN_CODE } from '../../../src-shared/content/placeholders';
import type { ImportOptions } from '../../../src-shared/schemas/import';
import type { QuotaStatus } from '../../../src-shared/schemas/product';
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
  /** The assistant's catalogue (migration 0020); a file without these columns leaves them as they are. */
  catalogue: Catalogue | null;
}

export interface Catalogue {
  campaign_code: string | null;
  start_date: string | null;
  end_date: string | null;
  quota_status: QuotaStatus;
  features: string[];
  image_url: string | null;
  brochure_url: string | null;
  assistant_offered: boolean;
}

const CATALOGUE_FIELDS = ['campaign_code', 'start_date', 'end_date', 'quota_status', 'features', 'image_url', 'brochure_url', 'assistant_offered'];
/** The export's words and the form's, in both languages. */
const QUOTA: Record<string, QuotaStatus> = {
  tersedia: 'available',
  available: 'available',
  terbatas: 'limited',
  limited: 'limited',
  penuh: 'full',
  full: 'full',
};

function link(r: RowReader, field: string): string | null {
  const value = r.text(field, 2000);
  if (value === null) return null;
  try {
    if (/^https?:$/.test(new URL(value).protocol)) return value;
  } catch {
    // not a URL at all: said below
  }
  return r.fail(field, 'other', 'v.link');
}

/** The package fields, checked as the product form checks them; null when the file maps none. */
function readCatalogue(r: RowReader): Catalogue | null {
  if (!CATALOGUE_FIELDS.some((field) => r.mapped(field))) return null;
  const code = r.text('campaign_code', 64)?.toUpperCase() ?? null;
  const campaignCode = code && !CAMPAIGN_CODE.test(code) ? r.fail('campaign_code', 'other', 'v.campaignCode') : code;
  const start = r.date('start_date');
  const end = r.date('end_date');
  if (start && end && end < start) r.fail('end_date', 'date', 'v.dateRange');
  const quotaText = r.text('quota_status', 40);
  const quota = quotaText ? QUOTA[quotaText.toLowerCase()] : 'available';
  if (!quota) r.fail('quota_status', 'other', 'imp.quota');
  // One feature a line as the export writes them; a semicolon also separates, as people type in one line.
  // Read unfolded: text() joins a cell's lines into one, and here each line is a feature.
  const features = r
    .rawText('features')
    .split(/[\r\n;]+/)
    .map((f) => f.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
  if (features.length > 30) r.fail('features', 'other', 'v.tooMany');
  if (features.some((f) => f.length > 300)) r.fail('features', 'other', 'imp.tooLong', { max: 300 });
  const offered = r.boolean('assistant_offered', false);
  if (offered && !code) r.fail('campaign_code', 'missing', 'v.offeredNeedsCode');
  return {
    campaign_code: campaignCode,
    start_date: start,
    end_date: end,
    quota_status: quota ?? 'available',
    features,
    image_url: link(r, 'image_url'),
    brochure_url: link(r, 'brochure_url'),
    assistant_offered: offered,
  };
}

export function readProduct(r: RowReader, options: ImportOptions): ProductFields {
  const code = r.text('code', 32);
  const name = r.text('name', 160, true);
  const category = r.text('category', 80);
  const price = r.mapped('price') ? r.amount('price', options.amountMultiplier) : 0;
  const active = r.boolean('active', true);
  if (!r.failed && price !== null && price < 0) r.fail('price', 'number', 'v.positive');
  const catalogue = readCatalogue(r);
  return { failed: r.failed || name === null, code, name, category, price: price ?? 0, active, rawCode: r.rawText('code'), catalogue };
}

/** ProductFields as the reading thread posts them: values in a fixed order (see packSale). */
export function packProduct(p: ProductFields): unknown[] {
  return [p.failed, p.code, p.name, p.category, p.price, p.active, p.rawCode, p.catalogue];
}

export function unpackProduct(v: unknown[]): ProductFields {
  return {
    failed: v[0] as boolean,
    code: v[1] as string | null,
    name: v[2] as string | null,
    category: v[3] as string | null,
    price: v[4] as number,
    active: v[5] as boolean,
    rawCode: v[6] as string,
    catalogue: v[7] as Catalogue | null,
  };
}
