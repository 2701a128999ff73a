import { readFileSync } from 'node:fs';

/** The package's version: the console, /api/health and the start-up line all say the same. */
export const CLOUD_VERSION: string = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;
