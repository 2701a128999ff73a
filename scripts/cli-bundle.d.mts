/** dist/cli/, where the command line's bundle is built. */
export const CLI_DIR: string;
/** Builds the bundle when missing or older than a source; returns the entry's path. */
export function ensureCliBundle(): Promise<string>;
