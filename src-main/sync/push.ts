import { pushResponse, type PushResponse, type SyncPosition } from '../../src-shared/sync/protocol';
import type { Sqlite } from '../db/open';
import { lastOutboxSeq, nextBatch, pendingEntries, syncedEntriesBetween } from './batch';
import { cloudRequest } from './http';
import { readState, recordAttempt } from './state';

export interface PushOutcome {
  /** Ops the cloud acknowledged in this call (applied, replays or rejected). */
  acked: number;
  rejected: number;
  /** Outbox entries still waiting. */
  remaining: number;
  requests: number;
  /** Central settings and announcements applied by the pull that follows the pushes. */
  pulled?: number;
}

export interface PushDeps {
  sqlite: Sqlite;
  token: string;
  appVersion: string;
  now: () => Date;
  /** How long one request may take before it counts as a network failure. */
  timeoutMs?: number;
  /** Ops per push; below the protocol's 500 only to make many small pushes (tests, a poor link). */
  maxOps?: number;
}

/**
 * One batch: build it from the outbox, send it, and settle what the cloud acknowledged in one local
 * transaction (acked entries deleted, the position saved, rejected ops kept for the owner). Throws a
 * CloudRequestError for the caller's retry rule; on a gap (409) it moves to the cloud's position
 * first, so the next call resends from there.
 */
export async function pushBatch(
  deps: PushDeps,
  waiting?: number,
): Promise<{ sent: number; response: PushResponse | null; settled: boolean; settledEntries: number }> {
  const state = readState(deps.sqlite);
  if (!state) throw new Error('not enrolled');
  const batch = nextBatch(deps.sqlite, state.acked, deps.maxOps);
  // The entries of pendingEntries' count this batch settles, counted before they are deleted.
  const settledEntries = syncedEntriesBetween(deps.sqlite, state.acked.key === '' ? state.acked.seq : state.acked.seq - 1, batch.settledThrough);
  if (batch.ops.length === 0) {
    // Nothing to send: entries that never leave the laptop are settled here.
    if (batch.settledThrough > 0) deps.sqlite.transaction(() => settle(deps.sqlite, batch.settledThrough))();
    return { sent: 0, response: null, settled: batch.settledThrough > 0, settledEntries };
  }
  const pending = Math.max(0, (waiting ?? pendingEntries(deps.sqlite, state.acked)) - countEntries(batch.ops));
  const started = deps.now();
  let response: PushResponse;
  try {
    response = await cloudRequest(
      state.serverUrl,
      'POST',
      '/api/sync/push',
      deps.token,
      { after: state.acked, ops: batch.ops, pending, appVersion: deps.appVersion },
      pushResponse,
      deps.timeoutMs,
    );
  } catch (error) {
    const gap = (error as { failure?: { kind: string; expected?: SyncPosition } }).failure;
    if (gap?.kind === 'gap' && gap.expected)
      deps.sqlite.prepare('UPDATE sync_state SET acked_seq = ?, acked_key = ? WHERE id = 1').run(gap.expected.seq, gap.expected.key);
    throw error;
  }
  const offset = Date.parse(response.serverTime) - (started.getTime() + (deps.now().getTime() - started.getTime()) / 2);
  deps.sqlite.transaction(() => {
    const last = batch.ops.at(-1) as { seq: number; key: string };
    // The cloud acknowledged through the batch's last op (or further, if it had them already).
    const acked =
      response.ackedThrough.seq > last.seq || (response.ackedThrough.seq === last.seq && response.ackedThrough.key >= last.key) ? response.ackedThrough : last;
    settle(deps.sqlite, batch.settledThrough);
    deps.sqlite.prepare('UPDATE sync_state SET acked_seq = ?, acked_key = ? WHERE id = 1').run(acked.seq, acked.key);
    const keep = deps.sqlite.prepare('INSERT OR REPLACE INTO sync_rejected (seq, key, entity, entity_id, reason, at) VALUES (?, ?, ?, ?, ?, ?)');
    for (const r of response.rejected) keep.run(r.seq, r.key, r.entity, r.id, r.reason, response.serverTime);
    recordAttempt(deps.sqlite, deps.now().toISOString(), null, Math.round(offset));
  })();
  return { sent: batch.ops.length, response, settled: true, settledEntries };
}

/** Deletes settled outbox entries, keeping their last stamp so the clock never resumes below it. */
function settle(sqlite: Sqlite, through: number): void {
  sqlite
    .prepare("UPDATE sync_state SET hlc_floor = max(coalesce(hlc_floor, ''), coalesce((SELECT max(hlc) FROM outbox WHERE seq <= ?), '')) WHERE id = 1")
    .run(through);
  sqlite.prepare('DELETE FROM outbox WHERE seq <= ?').run(through);
}

/** Distinct outbox entries among the ops (an import entry's rows are one entry). */
function countEntries(ops: { seq: number }[]): number {
  return new Set(ops.map((o) => o.seq)).size;
}

export interface DrainOptions extends PushDeps {
  /**
   * Waits before the next attempt: after `failures` failed ones in a row (backoffMs), or as long as a
   * throttling server said. The caller owns the waiting (a test simulates it; the push thread asks
   * the main thread, which owns the clock).
   */
  pause: (wait: { failures: number; retryAfterMs?: number }) => Promise<void>;
  /** Give up after this many failed attempts in a row (the background loop passes Infinity). */
  maxFailures: number;
  onProgress?: (outcome: PushOutcome) => void;
  signal?: AbortSignal;
}

export const BACKOFF_START_MS = 1_000;
export const BACKOFF_MAX_MS = 5 * 60_000;

/** Exponential backoff with full jitter (SYNC.md "Retry"): a random wait up to 1 s, 2 s, 4 s … 5 min. */
export function backoffMs(failures: number, random: () => number = Math.random): number {
  const cap = Math.min(BACKOFF_MAX_MS, BACKOFF_START_MS * 2 ** Math.max(0, failures - 1));
  return Math.floor(random() * cap);
}

/**
 * Pushes until the outbox is empty. Network errors, timeouts and 5xx wait and resend; a gap resends
 * from the cloud's position at once; 401, 403 and other refusals stop (and are recorded) with every
 * change kept.
 */
export async function drain(options: DrainOptions): Promise<PushOutcome> {
  const outcome: PushOutcome = { acked: 0, rejected: 0, remaining: 0, requests: 0 };
  let failures = 0;
  // The count of entries waiting, kept as the pushes go: one full count at the start, then only
  // ranges of the outbox's key (entries written since, entries settled). Counting a million waiting
  // entries before every push made pushing a whole shop quadratic.
  let waiting: number | null = null;
  let seen = 0;
  for (;;) {
    if (options.signal?.aborted) break;
    try {
      const state = readState(options.sqlite);
      if (!state) throw new Error('not enrolled');
      // Entries written since the last look (the owner keeps working while a push is on the wire).
      const catchUp = (count: number) => {
        const last = lastOutboxSeq(options.sqlite);
        const more = last > seen ? syncedEntriesBetween(options.sqlite, seen, last) : 0;
        seen = Math.max(seen, last);
        return count + more;
      };
      if (waiting === null) {
        seen = lastOutboxSeq(options.sqlite);
        waiting = syncedEntriesBetween(options.sqlite, state.acked.key === '' ? state.acked.seq : state.acked.seq - 1, seen);
      } else waiting = catchUp(waiting);
      const result = await pushBatch(options, waiting);
      waiting = catchUp(Math.max(0, waiting - (result.response || result.settled ? result.settledEntries : 0)));
      failures = 0;
      if (!result.response && !result.settled) break;
      if (result.response) {
        outcome.requests += 1;
        outcome.acked += result.sent;
        outcome.rejected += result.response.rejected.length;
      }
      outcome.remaining = waiting;
      options.onProgress?.({ ...outcome });
      if (!result.response) break;
    } catch (error) {
      const failure = (error as { failure?: { kind: string; message: string; retryAfterMs?: number } }).failure;
      if (!failure) throw error;
      if (failure.retryAfterMs !== undefined) {
        // Throttled, not failing: wait as told and go on; it does not count towards giving up.
        outcome.requests += 1;
        await options.pause({ failures, retryAfterMs: failure.retryAfterMs });
        continue;
      }
      if (failure.kind === 'gap') {
        // The position moved to the cloud's: count afresh from there.
        waiting = null;
        outcome.requests += 1;
        continue;
      }
      recordAttempt(options.sqlite, options.now().toISOString(), failure.message);
      if (failure.kind !== 'offline') throw error;
      outcome.requests += 1;
      failures += 1;
      if (failures >= options.maxFailures) throw error;
      await options.pause({ failures });
    }
  }
  const state = readState(options.sqlite);
  outcome.remaining = state ? pendingEntries(options.sqlite, state.acked) : 0;
  return outcome;
}
