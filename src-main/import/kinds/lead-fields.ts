import { CAMPAIGN_CODE } from '../../../src-shared/content/placeholders';
import type { ImportOptions } from '../../../src-shared/schemas/import';
import type { RowReader } from '../rows/reader';

/** The fields named by the shop's own lists: looked up by the importer, which holds the database. */
export const LEAD_LOOKUPS = ['stage', 'channel', 'owner'] as const;
export type LeadLookup = (typeof LEAD_LOOKUPS)[number];

/** What one row of a leads file says, read and checked (in the import's reading thread). */
export interface LeadFields {
  failed: boolean;
  name: string | null;
  organisation: string | null;
  phone: string | null;
  email: string | null;
  city: string | null;
  utmSource: string | null;
  utmMedium: string | null;
  campaignCode: string | null;
  interest: string | null;
  /** Null when the file leaves it empty (a new lead then has 0, an updated one keeps its own). */
  value: number | null;
  expectedClose: string | null;
  notes: string | null;
  /** Names (or ids) as the file has them; empty when the cell is. */
  stage: string | null;
  channel: string | null;
  owner: string | null;
  /** The phone as the file has it, for a duplicate's issue. */
  rawPhone: string;
}

export function readLead(r: RowReader, options: ImportOptions): LeadFields {
  const value = r.amount('value', options.amountMultiplier);
  if (value !== null && value < 0) r.fail('value', 'number', 'v.positive');
  // Upper-cased as the lead form does (schemas/content.ts: campaignCode).
  let campaignCode = r.text('campaign_code', 60)?.toUpperCase() ?? null;
  if (campaignCode && !CAMPAIGN_CODE.test(campaignCode)) campaignCode = r.fail('campaign_code', 'other', 'v.campaignCode');
  const fields = {
    name: r.text('name', 120, true),
    organisation: r.text('organisation', 160),
    phone: r.phone('phone'),
    email: r.email('email'),
    city: r.text('city', 80),
    utmSource: r.text('utm_source', 80),
    utmMedium: r.text('utm_medium', 80),
    campaignCode,
    interest: r.text('interest', 160),
    value,
    expectedClose: r.date('expected_close', false, true),
    notes: r.text('notes', 2000),
    stage: r.text('stage', 60),
    channel: r.text('channel', 80),
    owner: r.text('owner', 80),
    rawPhone: r.rawText('phone'),
  };
  // Last: every field above has been read, and logged what it could not.
  return { ...fields, failed: r.failed };
}

const ORDER = [
  'failed',
  'name',
  'organisation',
  'phone',
  'email',
  'city',
  'utmSource',
  'utmMedium',
  'campaignCode',
  'interest',
  'value',
  'expectedClose',
  'notes',
  'stage',
  'channel',
  'owner',
  'rawPhone',
] as const;

/** LeadFields as the reading thread posts them: values in a fixed order (see packSale). */
export function packLead(l: LeadFields): unknown[] {
  return ORDER.map((key) => l[key]);
}

export function unpackLead(v: unknown[]): LeadFields {
  return Object.fromEntries(ORDER.map((key, i) => [key, v[i]])) as unknown as LeadFields;
}
