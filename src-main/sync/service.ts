import { hostname } from 'node:os';
import { enrolResponse } from '../../src-shared/sync/protocol';
import type { AppServices } from '../core/context';
import { changesToSend, pendingEntries } from './batch';
import { CloudRequestError, cloudRequest, type CloudFailure } from './http';
import { pullNow } from './pull';
import { backoffMs, type PushOutcome } from './push';
import { drainInThread } from './push-runner';
import { forgetEnrolment, readState, saveEnrolment, type SyncState } from './state';
import { tokenStore } from './token-store';

type Services = Pick<AppServices, 'sqlite' | 'dbPath' | 'platform' | 'clock' | 'hlc' | 'version'>;
/** A push ends with a pull, which writes handed-over leads and tells the windows (`events`, where there are any). */
type PushServices = Services & Pick<AppServices, 'db'> & Partial<Pick<AppServices, 'events'>>;

export interface SyncStatus {
  enrolled: boolean;
  serverUrl: string | null;
  businessName: string | null;
  deviceId: string | null;
  paused: boolean;
  /** Changes waiting to be sent. */
  pending: number;
  rejected: number;
  lastSuccessAt: string | null;
  lastError: string | null;
  clockOffsetMs: number | null;
}

export function syncStatus(services: Services): SyncStatus {
  const state = readState(services.sqlite);
  const rejected = (services.sqlite.prepare('SELECT count(*) AS n FROM sync_rejected').get() as { n: number }).n;
  return {
    enrolled: state !== null,
    serverUrl: state?.serverUrl ?? null,
    businessName: state?.businessName ?? null,
    deviceId: state?.deviceId ?? null,
    paused: state?.paused ?? false,
    pending: state ? pendingEntries(services.sqlite, state.acked) : 0,
    rejected,
    lastSuccessAt: state?.lastSuccessAt ?? null,
    lastError: state?.lastError ?? null,
    clockOffsetMs: state?.clockOffsetMs ?? null,
  };
}

/** Rows a push of everything waiting would send (import entries counted by their rows): for progress. */
export function changesWaiting(services: Pick<Services, 'sqlite'>): number {
  const state = readState(services.sqlite);
  return state ? changesToSend(services.sqlite, state.acked) : 0;
}

/** The server's address as typed ("cloud.example.id", "http://127.0.0.1:8787/"), normalised. */
export function serverAddress(typed: string): string {
  const withScheme = /^https?:\/\//i.test(typed.trim()) ? typed.trim() : `https://${typed.trim()}`;
  const url = new URL(withScheme);
  return `${url.protocol}//${url.host}${url.pathname.replace(/\/+$/, '')}/`;
}

/**
 * Enrols this laptop with a one-time code. The position starts at 0: the outbox still holds every
 * change since the shop began (nothing deletes it before the cloud acknowledges), so the first push
 * sends the whole shop.
 */
export async function enrol(services: Services, input: { server: string; code: string }): Promise<SyncState> {
  const serverUrl = serverAddress(input.server);
  const answer = await cloudRequest(
    serverUrl,
    'POST',
    '/api/sync/enrol',
    null,
    { code: input.code, deviceName: hostname().slice(0, 120) || 'laptop', appVersion: services.version },
    enrolResponse,
  );
  await tokenStore(services).set(answer.token);
  saveEnrolment(services.sqlite, {
    serverUrl,
    deviceId: answer.deviceId,
    businessId: answer.businessId,
    businessName: answer.businessName,
    at: services.clock.now().toISOString(),
    startSeq: 0,
  });
  lastFailure.delete(services.sqlite);
  return readState(services.sqlite) as SyncState;
}

/** The push under way on each database: the background loop, the button and the CLI wait their turn. */
const running = new WeakMap<Services['sqlite'], Promise<unknown>>();
/** How the last push on each database ended, while the app runs: what the owner is told to do. */
const lastFailure = new WeakMap<Services['sqlite'], CloudFailure['kind'] | null>();

/** null: the last push since start reached the cloud; undefined: none was tried yet. */
export function lastFailureKind(sqlite: Services['sqlite']): CloudFailure['kind'] | null | undefined {
  return lastFailure.get(sqlite);
}

export async function pushNow(
  services: PushServices,
  options: {
    maxFailures?: number;
    sleep?: (ms: number) => Promise<void>;
    random?: () => number;
    timeoutMs?: number;
    maxOps?: number;
    signal?: AbortSignal;
    onProgress?: (o: PushOutcome) => void;
  } = {},
): Promise<PushOutcome> {
  // Never two pushes at once: both would send the same outbox entries and settle them twice.
  const before = running.get(services.sqlite) ?? Promise.resolve();
  const run = before.catch(() => undefined).then(() => pushAlone(services, options));
  running.set(services.sqlite, run);
  try {
    const outcome = await run;
    lastFailure.set(services.sqlite, null);
    return outcome;
  } catch (error) {
    if (error instanceof CloudRequestError) lastFailure.set(services.sqlite, error.failure.kind);
    throw error;
  } finally {
    if (running.get(services.sqlite) === run) running.delete(services.sqlite);
  }
}

async function pushAlone(services: PushServices, options: Parameters<typeof pushNow>[1] = {}): Promise<PushOutcome> {
  const token = tokenStore(services).get();
  if (!readState(services.sqlite) || !token) throw new NotEnrolledError();
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  // The outbox is read and settled in the shop's push thread: a window is never kept waiting by a
  // batch being built. The waits between attempts stay here, on this thread's clock.
  const outcome = await drainInThread(services, {
    token,
    maxFailures: options.maxFailures ?? 3,
    timeoutMs: options.timeoutMs,
    maxOps: options.maxOps ?? batchOpsFromEnv(),
    signal: options.signal,
    onProgress: options.onProgress,
    pause: (wait) => sleep(wait.retryAfterMs ?? backoffMs(wait.failures, options.random)),
  });
  // Settings come down once what was waiting went up: one round trip, after the pushes. A pull the
  // network loses is asked again next round (its cursor did not move); the pushes still count.
  if (!options.signal?.aborted) {
    try {
      outcome.pulled = (
        await pullNow({
          sqlite: services.sqlite,
          db: services.db,
          clock: services.clock,
          hlc: services.hlc,
          events: services.events,
          token,
          timeoutMs: options.timeoutMs,
        })
      ).applied;
    } catch (error) {
      if (!(error instanceof CloudRequestError && error.failure.kind === 'offline')) throw error;
      outcome.pulled = 0;
    }
  }
  return outcome;
}

/** SMA_SYNC_BATCH_OPS: smaller pushes than the protocol's 500, for a poor link or a test of many pushes. */
function batchOpsFromEnv(): number | undefined {
  const n = Number(process.env.SMA_SYNC_BATCH_OPS);
  return Number.isInteger(n) && n >= 1 && n <= 500 ? n : undefined;
}

export async function leave(services: Services): Promise<void> {
  forgetEnrolment(services.sqlite);
  lastFailure.delete(services.sqlite);
  await tokenStore(services).set(null);
}

export class NotEnrolledError extends Error {
  constructor() {
    super('not enrolled');
  }
}
