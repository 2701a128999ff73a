import type { BuildOptions } from 'esbuild';

export const THREAD_ENTRIES: Record<'worker' | 'read-thread' | 'sync-push' | 'db-prepare', string>;
export const EXTERNAL: string[];
export const ESM_OPTIONS: BuildOptions;
