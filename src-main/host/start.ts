import { parseArgs } from 'node:util';
import { openApp } from '../app';
import { defaultDbPath } from '../paths';
import { startHost } from './server';

/**
 * Browser mode: `npm start` lands here when Electron cannot run. Same database, same handlers,
 * served on 127.0.0.1 to a browser that opens the printed link.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({ options: { db: { type: 'string' }, port: { type: 'string' } } });
  const port = values.port === undefined ? 0 : Number(values.port);
  if (values.port !== undefined && !(Number.isInteger(port) && port >= 1 && port <= 65_535))
    throw new Error(`--port must be a number from 1 to 65535, not "${values.port}".`);
  const dbPath = values.db ?? defaultDbPath();
  const app = await openApp({ dbPath, autoBackup: true, startupJobs: true, prepareInThread: true });
  const host = await startHost(app, { port }).catch(async (error: unknown) => {
    await app.close();
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') throw new Error(`Port ${port} is already in use: pass another --port, or none for a free one.`);
    throw error;
  });
  console.log(`Smart Marketing Agent is running in browser mode (the desktop window is not available here).`);
  console.log(`Data: ${dbPath}`);
  console.log(`Open this link in your browser (the first browser to open it gets in, no other): ${host.url}`);
  const stop = async () => {
    await host.close();
    await app.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
