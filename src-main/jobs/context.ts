import type { Kysely } from 'kysely';
import type { Clock } from '../core/clock';
import { Hlc } from '../core/hlc';
import { deviceNode, lastStamp } from '../core/last-stamp';
import type { Sqlite } from '../db/open';
import type { Database } from '../db/schema';
import { JobCancelled, type JobCtx, type WorkerMessage } from './types';

interface Thread {
  sqlite: Sqlite;
  db: Kysely<Database>;
  clock: Clock;
  userId: string | null;
  post: (msg: WorkerMessage) => void;
  cancelFlag: Int32Array;
}

/**
 * What a job function gets inside its thread. The hybrid clock resumes after the last stamp
 * (core/last-stamp.ts), and finding it reads the whole outbox (no index: every domain write pays for this table):
 * 0.3–1 s at a million rows. So it is read when a job first stamps a write, not when the thread
 * starts: a report preview or an export's reading never pays it.
 */
export function jobContext({ sqlite, db, clock, userId, post, cancelFlag }: Thread): JobCtx {
  let hlc: Hlc | undefined;
  let lastPost = 0;
  let lastPhase: string | null = null;
  return {
    sqlite,
    db,
    clock,
    get hlc() {
      hlc ??= new Hlc(clock, lastStamp(sqlite), deviceNode(sqlite, 'w'));
      return hlc;
    },
    userId,
    progress(phase, done, total) {
      const now = Date.now();
      // At most ~10 messages a second: progress bars need no more, and posting is not free. A new
      // phase and a phase's end always go: the window says what the job is doing now.
      if (done < total && phase === lastPhase && now - lastPost < 100) return;
      lastPost = now;
      lastPhase = phase;
      post({ type: 'progress', phase, done, total });
    },
    throwIfCancelled() {
      if (Atomics.load(cancelFlag, 0) === 1) throw new JobCancelled();
    },
  };
}
