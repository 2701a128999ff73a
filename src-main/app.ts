import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Result } from '../src-shared/errors';
import { systemClock, type Clock } from './core/clock';
import type { AppServices } from './core/context';
import { EventBus } from './core/events';
import { Hlc } from './core/hlc';
import { autoBackup } from './db/backup';
import { quickCheck } from './db/integrity';
import { migrate } from './db/migrate';
import { BUSY_TIMEOUT_MS, kyselyFor, openSqlite } from './db/open';
import { dispatch, type CallOrigin } from './dispatch';
import { JobRunner } from './jobs/runner';
import { cleanStaging } from './files/staging';
import { markInterruptedImports } from './import/interrupted';
import { appRoot } from './paths';
import { runRfmIfStale } from './rfm/service';
import { startQueueTimer } from './content/queue';

export interface OpenOptions {
  dbPath: string;
  clock?: Clock;
  /** Take the daily automatic backup at start-up (the app does; tests don't need to). */
  autoBackup?: boolean;
  /** Start-up work of a running app (a stale RFM run); the CLI and most tests leave it off. */
  startupJobs?: boolean;
  /** Validate every answer against its output schema (tests). */
  checkOutput?: boolean;
}

export interface App {
  services: AppServices;
  call(channel: string, input: unknown, origin: CallOrigin): Promise<Result<unknown>>;
  close(): Promise<void>;
}

export class DatabaseDamagedError extends Error {}

function appVersion(): string {
  return (JSON.parse(readFileSync(join(appRoot(), 'package.json'), 'utf8')) as { version: string }).version;
}

/** The main connection's wait for the write lock while a job holds it for its whole length. */
const LOCK_HELD_BUSY_TIMEOUT_MS = 250;

/** Open (and if needed create or migrate) the shop's database and everything that works on it. */
export async function openApp(options: OpenOptions): Promise<App> {
  const clock = options.clock ?? systemClock;
  const sqlite = openSqlite(options.dbPath);
  try {
    const check = quickCheck(sqlite);
    if (check !== 'ok') throw new DatabaseDamagedError(`The database failed its integrity check (${check}). Restore a backup from the backups folder.`);
    await migrate(sqlite, options.dbPath, undefined, () => clock.now());
    if (options.autoBackup) await autoBackup(sqlite, options.dbPath, clock.now());
    // Keeps the planner's statistics fresh on a long-lived connection (SQLite's advice at open).
    sqlite.pragma('optimize=0x10002');
  } catch (error) {
    sqlite.close();
    throw error;
  }
  const db = kyselyFor(sqlite);
  const last = sqlite.prepare('SELECT MAX(hlc) AS hlc FROM outbox').get() as { hlc: string | null };
  const events = new EventBus();
  const services: AppServices = {
    sqlite,
    db,
    dbPath: options.dbPath,
    clock,
    hlc: new Hlc(clock, last.hlc),
    events,
    // While an import (or its undo, or the demo shop) holds the write lock for its whole length, a
    // save on this thread would block it for the full busy timeout and then fail anyway (err.busy):
    // it waits a moment only, and the owner is told at once.
    jobs: new JobRunner(options.dbPath, events, clock, (held) => {
      if (sqlite.open) sqlite.pragma(`busy_timeout = ${held ? LOCK_HELD_BUSY_TIMEOUT_MS : BUSY_TIMEOUT_MS}`); // a job stopped with the app ends after its close
    }),
    clientSessions: new Map(),
    version: appVersion(),
  };
  cleanStaging(options.dbPath, clock.now());
  markInterruptedImports(services);
  const stopQueue = options.startupJobs ? startQueueTimer(services) : () => undefined;
  if (options.startupJobs) void runRfmIfStale(services);
  return {
    services,
    call: (channel, input, origin) => dispatch(services, channel, input, origin, { checkOutput: options.checkOutput }),
    async close() {
      stopQueue();
      await services.jobs.stopAll();
      await db.destroy();
    },
  };
}
