import { z } from 'zod';
import { isIsoDate } from '../format/date';
import { normalizePhone } from '../format/phone';

/**
 * Validation messages are keys (`v.*`) so the same schema speaks Bahasa Indonesia or English on both
 * sides; `src-shared/i18n/messages.ts` (main) and the renderer's i18n catalogue turn them into sentences.
 */
export const requiredText = (max: number) => z.string().trim().min(1, 'v.required').max(max, 'v.tooLong');

/** Optional free text: blank becomes null so the DB never holds empty strings. */
export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, 'v.tooLong')
    .nullish()
    .transform((v) => (v ? v : null));

export const phoneField = z
  .string()
  .trim()
  .nullish()
  .transform((v, ctx) => {
    if (!v) return null;
    const e164 = normalizePhone(v);
    if (!e164) {
      ctx.addIssue({ code: 'custom', message: 'v.phone' });
      return z.NEVER;
    }
    return e164;
  });

export const emailField = z
  .string()
  .trim()
  .toLowerCase()
  .nullish()
  .transform((v, ctx) => {
    if (!v) return null;
    if (!z.email().safeParse(v).success) {
      ctx.addIssue({ code: 'custom', message: 'v.email' });
      return z.NEVER;
    }
    return v;
  });

export const isoDate = z.string().refine(isIsoDate, 'v.date');

/** Money in whole rupiah (IDR's minor unit). */
export const money = z.number('v.number').int('v.integer').min(-1e13, 'v.range').max(1e13, 'v.range');

export const idField = z.string().min(1, 'v.required').max(64);

export const recordStatus = z.enum(['active', 'deleted', 'all']);

export const pageInput = {
  page: z.number().int().min(1).default(1),
  pageSize: z.number().int().min(5).max(200).default(25),
};

export const pageOutput = <T extends z.ZodType>(row: T) =>
  z.object({ rows: z.array(row), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });

export const idInput = z.strictObject({ id: idField });
export const empty = z.strictObject({});
export const okOutput = z.object({ ok: z.literal(true) });
