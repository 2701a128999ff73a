import { z } from 'zod';
import { idField, money, optionalText, pageInput, pageOutput, recordStatus, requiredText } from './common';

const productFields = {
  code: optionalText(32),
  name: requiredText(160),
  category: optionalText(80),
  price: money.min(0, 'v.positive'),
  active: z.boolean().default(true),
};

export const productCreateInput = z.strictObject(productFields);
export const productUpdateInput = z.strictObject({ ...productFields, id: idField });
export type ProductCreateInput = z.input<typeof productCreateInput>;

export const productRow = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  category: z.string().nullable(),
  price: z.number(),
  active: z.boolean(),
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
