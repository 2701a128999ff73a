import { z } from 'zod';
import { CAMPAIGN_CODE } from '../content/placeholders';
import { idField, isoDate, money, optionalText, pageInput, pageOutput, recordStatus, requiredText } from './common';

export const QUOTA_STATUSES = ['available', 'limited', 'full'] as const;
export type QuotaStatus = (typeof QUOTA_STATUSES)[number];

/** Blank is "none"; anything else must be what it says. */
const blankAsNull = <T extends z.ZodType>(schema: T) =>
  z.preprocess(
    (v) => (typeof v === 'string' && v.trim() === '' ? null : v),
    schema.nullish().transform((x) => x ?? null),
  );

/** A link the assistant sends as it is: http(s) only, so a customer never gets a file:// or javascript: link. */
const link = blankAsNull(
  z
    .string()
    .trim()
    .max(2000, 'v.tooLong')
    .pipe(z.url({ protocol: /^https?$/, error: 'v.link' })),
);

const productFields = {
  code: optionalText(32),
  name: requiredText(160),
  category: optionalText(80),
  price: money.min(0, 'v.positive'),
  active: z.boolean().default(true),
  // The catalogue the WhatsApp assistant answers from (migration 0020).
  campaign_code: blankAsNull(z.string().trim().toUpperCase().regex(CAMPAIGN_CODE, 'v.campaignCode')),
  start_date: blankAsNull(isoDate),
  end_date: blankAsNull(isoDate),
  quota_status: z.enum(QUOTA_STATUSES).default('available'),
  features: z.array(z.string().trim().min(1, 'v.required').max(300, 'v.tooLong')).max(30, 'v.tooMany').default([]),
  image_url: link,
  brochure_url: link,
  assistant_offered: z.boolean().default(false),
};

type Catalogue = { campaign_code: string | null; start_date: string | null; end_date: string | null; assistant_offered: boolean };
const rules = (v: Catalogue, ctx: z.RefinementCtx) => {
  if (v.start_date && v.end_date && v.end_date < v.start_date) ctx.addIssue({ code: 'custom', message: 'v.dateRange', path: ['end_date'] });
  // A code is what a customer's message resolves to: an offered product without one could not be asked for.
  if (v.assistant_offered && !v.campaign_code) ctx.addIssue({ code: 'custom', message: 'v.offeredNeedsCode', path: ['campaign_code'] });
};

export const productCreateInput = z.strictObject(productFields).superRefine(rules);
export const productUpdateInput = z.strictObject({ ...productFields, id: idField }).superRefine(rules);
export type ProductCreateInput = z.input<typeof productCreateInput>;

export const productRow = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  category: z.string().nullable(),
  price: z.number(),
  active: z.boolean(),
  campaign_code: z.string().nullable(),
  start_date: z.string().nullable(),
  end_date: z.string().nullable(),
  quota_status: z.enum(QUOTA_STATUSES),
  features: z.array(z.string()),
  image_url: z.string().nullable(),
  brochure_url: z.string().nullable(),
  assistant_offered: z.boolean(),
  created_at: z.string(),
  updated_at: z.string(),
  deleted_at: z.string().nullable(),
});
export type ProductRow = z.infer<typeof productRow>;

export const productListInput = z.strictObject({
  search: z.string().trim().max(100).optional(),
  category: z.string().trim().max(80).optional(),
  status: recordStatus.default('active'),
  sort: z.enum(['name', 'code', 'category', 'price']).default('name'),
  desc: z.boolean().default(false),
  ...pageInput,
});
export const productListOutput = pageOutput(productRow);
