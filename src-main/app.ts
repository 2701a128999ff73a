import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Result } from '../src-shared/errors';
import { systemClock, type Clock } from './core/clock';
import type { AppServices } from './core/context';
import { EventBus } from './core/events';
import { Hlc } from './core/hlc';
import { deviceNode, lastStamp } from './core/last-stamp';
import { autoBackup } from './db/backup';
import { checkHistory, migrate } from './db/migrate';
import { BUSY_TIMEOUT_MS, kyselyFor, openSqlite } from './db/open';
import { notePassedCheck, openChecked } from './db/open-checked';
import { prepareInThread } from './db/prepare';
import { dispatch, type CallOrigin } from './dispatch';
import { JobRunner } from './jobs/runner';
import { cleanStaging } from './files/staging';
import { markInterruptedImports } from './import/interrupted';
import { appRoot } from './paths';
import { runRfmIfStale } from './rfm/service';
import { startQueueTimer } from './content/queue';
import { startSyncLoop, syncLoopOf } from './sync/loop';
import { stopPushThread } from './sync/push-runner';
import { startReminderTimer } from './leads/reminders';
import { startExpiryTimer } from './loyalty/expiry-timer';

export interface OpenOptions {
  dbPath: string;
  clock?: Clock;
  /** Take the daily automatic backup at start-up (the app does; tests don't need to). */
  autoBackup?: boolean;
  /** Start-up work of a running app (a stale RFM run); the CLI and most tests leave it off. */
  startupJobs?: boolean;
  /** Validate every answer against its output schema (tests). */
  checkOutput?: boolean;
  /** Check and migrate the file on another thread first (the desktop app and browser mode: their
   * main thread keeps answering); the CLI and tests open it inline. */
  prepareInThread?: boolean;
}

export { DatabaseDamagedError } from './db/open-checked';

export interface App {
  services: AppServices;
  call(channel: string, input: unknown, origin: CallOrigin): Promise<Result<unknown>>;
  close(): Promise<void>;
}

function appVersion(): string {
  return (JSON.parse(readFileSync(join(appRoot(), 'package.json'), 'utf8')) as { version: string }).version;
}

/** The main connection's wait for the write lock while a job holds it for its whole length. */
const LOCK_HELD_BUSY_TIMEOUT_MS = 250;

/** Open (and if needed create or migrate) the shop's database and everything that works on it. */
export async function openApp(options: OpenOptions): Promise<App> {
  const clock = options.clock ?? systemClock;
  const prepared = options.prepareInThread ? await prepareInThread(options.dbPath, clock.now()) : false;
  // Checked and up to date already: the migration below finds nothing to do.
  const sqlite = prepared ? openSqlite(options.dbPath, (s) => checkHistory(s)) : openChecked(options.dbPath);
  if (prepared) notePassedCheck(sqlite);
  try {
    await migrate(sqlite, options.dbPath, undefined, () => clock.now());
    if (options.autoBackup) await autoBackup(sqlite, options.dbPath, clock.now());
    // Keeps the planner's statistics fresh on a long-lived connection (SQLite's advice at open).
    sqlite.pragma('optimize=0x10002');
  } catch (error) {
    sqlite.close();
    throw error;
  }
  const db = kyselyFor(sqlite);
  const events = new EventBus();
  const services: AppServices = {
    sqlite,
    db,
    dbPath: options.dbPath,
    clock,
    hlc: new Hlc(clock, lastStamp(sqlite), deviceNode(sqlite, 'm')),
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
  const stopReminders = options.startupJobs ? startReminderTimer(services) : () => undefined;
  const stopExpiry = options.startupJobs ? startExpiryTimer(services) : () => undefined;
  if (options.startupJobs) void runRfmIfStale(services);
  // Timers and network only while the shop is enrolled and not paused (see sync/loop.ts).
  startSyncLoop(services);
  return {
    services,
    async call(channel, input, origin) {
      const result = await dispatch(services, channel, input, origin, { checkOutput: options.checkOutput });
      // A change that went into the outbox is pushed a few seconds later.
      if (result.ok) syncLoopOf(services)?.changed();
      return result;
    },
    async close() {
      stopQueue();
      stopReminders();
      stopExpiry();
      await syncLoopOf(services)?.stop();
      await stopPushThread(services);
      await services.jobs.stopAll();
      await db.destroy();
      // kysely closes the connection only if it ever ran a query through it.
      if (sqlite.open) sqlite.close();
    },
  };
}
