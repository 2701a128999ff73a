import path from 'node:path';

/** How the cloud finds its database: DATABASE_URL (production), else the embedded default's folder. */
export interface CloudConfig {
  databaseUrl: string | null;
  dataDir: string;
}

export function cloudConfig(args: { dataDir?: string }, env: NodeJS.ProcessEnv = process.env): CloudConfig {
  return {
    databaseUrl: env.DATABASE_URL?.trim() || null,
    dataDir: path.resolve(args.dataDir ?? env.SMA_CLOUD_DATA ?? '.sma-data/cloud'),
  };
}
