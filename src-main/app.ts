import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Result } from '../src-shared/errors';
import { systemClock, type Clock } from './core/clock';
import type { AppServices } from './core/context';
import { EventBus } from './core/events';
import { Hlc } from './core/hlc';
import { deviceNode, lastStamp } from './core/last-stamp';
import { autoBackup, listBackups, type BackupInfo } from './db/backup';
import { quickCheck } from './db/integrity';
import { checkHistory, migrate } from './db/migrate';
import { BUSY_TIMEOUT_MS, kyselyFor, openSqlite, type Sqlite } from './db/open';
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

/** The file is not a readable database: one plain sentence, and the newest backup to restore. */
export class DatabaseDamagedError extends Error {
  readonly newestBackup: BackupInfo | undefined;
  constructor(
    dbPath: string,
    readonly detail: string,
  ) {
    const newest = listBackups(dbPath)[0];
    super(
      `The shop's database ${dbPath} is damaged and cannot be used (${detail}). Nothing was changed. ` +
        (newest ? `The newest backup is ${newest.file} (${newest.at.slice(0, 10)}): restore it.` : 'There is no backup of it in the backups folder.'),
    );
    this.name = 'DatabaseDamagedError';
    this.newestBackup = newest;
  }
}

/** SQLite's words for a file that is not a database or whose pages are broken. */
const DAMAGED_CODES = new Set(['SQLITE_NOTADB', 'SQLITE_CORRUPT', 'SQLITE_CORRUPT_INDEX', 'SQLITE_CORRUPT_SEQUENCE', 'SQLITE_CORRUPT_VTAB']);

/** quick_check lists every broken page on a line of its own: the count and the first say enough. */
function summariseCheck(check: string): string {
  const problems = check.split('; ');
  return problems.length === 1 ? `integrity check: ${problems[0]}` : `integrity check: ${problems.length} problems, first: ${problems[0]}`;
}

function openChecked(dbPath: string): Sqlite {
  try {
    const sqlite = openSqlite(dbPath, (s) => checkHistory(s));
    const check = quickCheck(sqlite);
    if (check !== 'ok') {
      sqlite.close();
      throw new DatabaseDamagedError(dbPath, summariseCheck(check));
    }
    return sqlite;
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (typeof code === 'string' && DAMAGED_CODES.has(code)) throw new DatabaseDamagedError(dbPath, code === 'SQLITE_NOTADB' ? 'it is not an SQLite database' : 'its pages are broken');
    throw error;
  }
}

function appVersion(): string {
  return (JSON.parse(readFileSync(join(appRoot(), 'package.json'), 'utf8')) as { version: string }).version;
}

/** The main connection's wait for the write lock while a job holds it for its whole length. */
const LOCK_HELD_BUSY_TIMEOUT_MS = 250;

/** Open (and if needed create or migrate) the shop's database and everything that works on it. */
export async function openApp(options: OpenOptions): Promise<App> {
  const clock = options.clock ?? systemClock;
  const sqlite = openChecked(options.dbPath);
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
      await syncLoopOf(services)?.stop();
      await stopPushThread(services);
      await services.jobs.stopAll();
      await db.destroy();
      // kysely closes the connection only if it ever ran a query through it.
      if (sqlite.open) sqlite.close();
    },
  };
}
