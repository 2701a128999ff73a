import { z } from 'zod';

/** Shop-wide settings, stored one key per row in `settings`. Each has a default so a fresh DB works. */
export const settingsShape = z.strictObject({
  idleLockMinutes: z.number().int().min(1, 'v.range').max(240, 'v.range'),
  sessionHours: z.number().int().min(1, 'v.range').max(24 * 30, 'v.range'),
});
export type Settings = z.infer<typeof settingsShape>;

export const DEFAULT_SETTINGS: Settings = { idleLockMinutes: 15, sessionHours: 12 };

export const settingsUpdateInput = settingsShape.partial().strict();
