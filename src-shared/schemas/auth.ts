import { z } from 'zod';
import { emailField, optionalText, phoneField, requiredText } from './common';

export const ROLES = ['owner', 'manager', 'staff'] as const;
export type Role = (typeof ROLES)[number];
export const LANGUAGES = ['id', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export const usernameField = z
  .string()
  .trim()
  .toLowerCase()
  .min(3, 'v.usernameShort')
  .max(32, 'v.tooLong')
  .regex(/^[a-z0-9._-]+$/, 'v.username');

/** Long passphrases beat complexity rules; 8 is the floor, and argon2id does the rest. */
export const passwordField = z.string().min(8, 'v.passwordShort').max(200, 'v.tooLong');

export const loginInput = z.strictObject({
  username: z.string().trim().toLowerCase().min(1, 'v.required').max(32),
  password: z.string().min(1, 'v.required').max(200),
});
export const unlockInput = z.strictObject({ password: z.string().min(1, 'v.required').max(200) });

export const sessionUser = z.object({
  id: z.string(),
  username: z.string(),
  name: z.string(),
  role: z.enum(ROLES),
  language: z.enum(LANGUAGES),
});
export type SessionUser = z.infer<typeof sessionUser>;

export const businessFields = z.strictObject({
  name: requiredText(120),
  type: optionalText(80),
  phone: phoneField,
  email: emailField,
  address: optionalText(300),
  city: optionalText(80),
  currency: z.enum(['IDR']).default('IDR'),
  timezone: z.enum(['Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura']).default('Asia/Jakarta'),
});
export type BusinessInput = z.input<typeof businessFields>;

export const businessRow = z.object({
  id: z.string(),
  name: z.string(),
  type: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  address: z.string().nullable(),
  city: z.string().nullable(),
  currency: z.string(),
  timezone: z.string(),
});
export type BusinessRow = z.infer<typeof businessRow>;

export const ownerFields = z.strictObject({
  name: requiredText(120),
  username: usernameField,
  password: passwordField,
});

export const setupInput = z.strictObject({ owner: ownerFields, business: businessFields, language: z.enum(LANGUAGES).default('id') });
export type SetupInput = z.input<typeof setupInput>;

export const appStatus = z.object({
  setupDone: z.boolean(),
  business: z.object({ name: z.string(), timezone: z.string() }).nullable(),
  user: sessionUser.nullable(),
  locked: z.boolean(),
  idleLockMinutes: z.number().int(),
  version: z.string(),
});
export type AppStatus = z.infer<typeof appStatus>;

export const userRow = z.object({
  id: z.string(),
  username: z.string(),
  name: z.string(),
  role: z.enum(ROLES),
  language: z.enum(LANGUAGES),
  active: z.boolean(),
  last_login_at: z.string().nullable(),
  created_at: z.string(),
});
export type UserRow = z.infer<typeof userRow>;

/** A user is added with what the owner gives at setup (name, username, password), and a role. */
export const userCreateInput = ownerFields.extend({ role: z.enum(ROLES) });
export const userUpdateInput = z.strictObject({
  id: z.string().min(1),
  name: requiredText(120),
  role: z.enum(ROLES),
  active: z.boolean(),
  password: passwordField.optional(),
});
export const preferencesInput = z.strictObject({ language: z.enum(LANGUAGES) });
