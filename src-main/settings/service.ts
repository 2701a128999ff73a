import { DEFAULT_SETTINGS, type Settings } from '../../src-shared/schemas/settings';
import type { Ctx } from '../core/context';
import { write } from '../core/write';

/** Settings are one row per key; a key never written takes its default, so old DBs keep working. */
export async function getSettings(ctx: Pick<Ctx, 'db'>): Promise<Settings> {
  const rows = await ctx.db.selectFrom('settings').select(['key', 'value']).execute();
  const stored = Object.fromEntries(rows.map((r) => [r.key, JSON.parse(r.value) as unknown]));
  const merged: Record<string, unknown> = { ...DEFAULT_SETTINGS };
  for (const key of Object.keys(DEFAULT_SETTINGS)) if (key in stored) merged[key] = stored[key];
  return merged as Settings;
}

export async function updateSettings(ctx: Ctx, patch: Partial<Settings>): Promise<Settings> {
  const before = await getSettings(ctx);
  write(ctx, (w) => {
    const changed: Record<string, { from: unknown; to: unknown }> = {};
    for (const [key, value] of Object.entries(patch)) {
      if (value === undefined || JSON.stringify(before[key as keyof Settings]) === JSON.stringify(value)) continue;
      w.setSetting(key, value);
      changed[key] = { from: before[key as keyof Settings], to: value };
    }
    if (Object.keys(changed).length > 0) w.log({ action: 'settings.update', entity: 'settings', details: changed });
  });
  return getSettings(ctx);
}
