/** Bundles `entry` into dist/<name>/<name>.js (with the app's threads) unless it is up to date; the bundle's path. */
export function ensureBundle(name: string, entry: string): Promise<string>;
