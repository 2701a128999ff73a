import type { AppServices } from '../core/context';
import { CloudRequestError } from './http';
import { backoffMs } from './push';
import { pushNow, syncStatus } from './service';
import { readState } from './state';

type Services = Pick<AppServices, 'sqlite' | 'db' | 'dbPath' | 'platform' | 'clock' | 'hlc' | 'version' | 'events'>;

export interface LoopOptions {
  /** Wait after a change before pushing, so a burst of edits goes as one batch. */
  debounceMs: number;
  /** Push this often anyway (changes a job made, a server that was down). */
  periodMs: number;
}

export const LOOP_DEFAULTS: LoopOptions = { debounceMs: 3_000, periodMs: 5 * 60_000 };
/** The drain's backoff with full jitter can draw 0 ms; a loop retrying at once would spin. */
const MIN_RETRY_MS = 1_000;

const loops = new WeakMap<AppServices['sqlite'], SyncLoop>();

/** The loop of an open shop (one per database), if the app started one. */
export function syncLoopOf(services: Pick<AppServices, 'sqlite'>): SyncLoop | undefined {
  return loops.get(services.sqlite);
}

/**
 * Pushes the shop's changes in the background while it is enrolled and not paused: a few seconds
 * after a change, every few minutes anyway, and after a failure to reach the cloud with the drain's
 * backoff. A shop that never enrolled pays one query at start-up: no timer, no network.
 *
 * The push runs on the main thread: it reads the outbox and the rows in batches of at most 500
 * ops (~1 MB), each a few milliseconds of SQLite, and awaits the network in between, so a window
 * stays responsive. Acceptable for now; a worker of its own is the way out if that changes.
 */
export class SyncLoop {
  private debounce: NodeJS.Timeout | null = null;
  private period: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private failures = 0;
  private lastSeq = -1;
  private active = false;
  private stopped = false;
  private readonly abort = new AbortController();
  private readonly unsubscribe: () => void;

  constructor(
    private readonly services: Services,
    private readonly options: LoopOptions = LOOP_DEFAULTS,
  ) {
    // An import or an analysis writes from a worker thread; its end is the change to push.
    this.unsubscribe = services.events.subscribe((event) => {
      if (event.name === 'job.finished') this.changed();
    });
  }

  get isActive(): boolean {
    return this.active;
  }

  /** Matches the timers to the enrolment (after enrol, pause, resume, leave) and tells the clients. */
  refresh(): void {
    if (this.stopped || !this.services.sqlite.open) return;
    const state = readState(this.services.sqlite);
    const want = state !== null && !state.paused;
    const wasActive = this.active;
    if (want && !this.active) {
      this.active = true;
      this.failures = 0;
      this.period = setInterval(() => this.schedule(0), this.options.periodMs);
      this.period.unref();
      this.schedule(this.options.debounceMs);
    } else if (!want && this.active) {
      this.active = false;
      this.clearTimers();
    }
    if (state !== null || wasActive) this.emit();
  }

  /** After every call: if the outbox grew, say so and push a little later. */
  changed(): void {
    if (!this.active || !this.services.sqlite.open) return;
    const max = (this.services.sqlite.prepare('SELECT coalesce(max(seq), 0) AS s FROM outbox').get() as { s: number }).s;
    if (max === this.lastSeq) return;
    this.lastSeq = max;
    this.emit();
    this.schedule(this.options.debounceMs);
  }

  /** Resolves once no push of this loop is under way (tests, close). */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.active = false;
    this.clearTimers();
    this.unsubscribe();
    this.abort.abort();
    loops.delete(this.services.sqlite);
    // A request already sent ends at its timeout at the latest; the app does not wait that long.
    if (this.running) await Promise.race([this.running, new Promise((resolve) => setTimeout(resolve, 2_000).unref())]);
  }

  private clearTimers(): void {
    if (this.debounce) clearTimeout(this.debounce);
    if (this.period) clearInterval(this.period);
    this.debounce = null;
    this.period = null;
  }

  private schedule(ms: number): void {
    if (this.debounce) clearTimeout(this.debounce);
    this.debounce = setTimeout(() => void this.run(), ms);
    this.debounce.unref();
  }

  private async run(): Promise<void> {
    this.debounce = null;
    if (!this.active) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.push();
    try {
      await this.running;
    } finally {
      this.running = null;
    }
    if (this.again && this.active) {
      this.again = false;
      this.schedule(0);
    }
  }

  private async push(): Promise<void> {
    try {
      await pushNow(this.services, { maxFailures: 1, signal: this.abort.signal });
      this.failures = 0;
    } catch (error) {
      if (this.stopped) return;
      if (error instanceof CloudRequestError && error.failure.kind === 'offline') {
        this.failures += 1;
        this.schedule(Math.max(MIN_RETRY_MS, backoffMs(this.failures)));
      } else if (!(error instanceof CloudRequestError) && readState(this.services.sqlite) !== null) {
        // 401, 403 and refusals are recorded by the drain and shown; anything else is a bug to log.
        console.error('[sync] push failed:', error);
      }
    }
    this.emit();
  }

  private emit(): void {
    if (this.stopped || !this.services.sqlite.open) return;
    this.services.events.emit('sync.status', { pending: syncStatus(this.services).pending });
  }
}

/** The app's loop: created at open, running only while the shop is enrolled and not paused. */
export function startSyncLoop(services: Services, options: LoopOptions = LOOP_DEFAULTS): SyncLoop {
  const loop = new SyncLoop(services, options);
  loops.set(services.sqlite, loop);
  loop.refresh();
  return loop;
}
