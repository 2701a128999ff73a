/**
 * Bundles `entry` (with the app's threads; with `front`, a light entry that imports it) into
 * dist/<name>/ unless it is up to date; the path of dist/<name>/<name>.js, to run or import.
 */
export function ensureBundle(name: string, entry: string, options?: { front?: string }): Promise<string>;
/** The command line's bundle, dist/cli/ (built when missing or older than a file it was built from); its entry's path. */
export function ensureCliBundle(): Promise<string>;
