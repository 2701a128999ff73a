import type { Settings } from '../../../src-shared/schemas/settings';

/** The settings a tab's form holds just as they are stored, copied out by name. */
export function pickSettings<K extends keyof Settings>(settings: Settings, keys: readonly K[]): Pick<Settings, K> {
  return Object.fromEntries(keys.map((key) => [key, settings[key]])) as Pick<Settings, K>;
}
