/**
 * Per-conversation debounce and serial execution: messages that arrive close together are answered
 * by one run, and two runs of one conversation never overlap. The window restarts with each message
 * but never stretches past `maxWaitMs` from the first, so a customer who keeps typing still gets an
 * answer. Everything lives in this process; across instances the engine's lease on the conversation
 * (lease.ts, `run_until`) keeps one run at a time.
 */
export class ConversationQueue {
  private readonly timers = new Map<string, { timer: NodeJS.Timeout; firstAt: number }>();
  private readonly chains = new Map<string, Promise<void>>();
  private busy = 0;
  private waiters: (() => void)[] = [];
  private stopped = false;

  constructor(
    private readonly run: (key: string) => Promise<void>,
    private readonly debounceMs: number,
    private readonly maxWaitMs: number,
    private readonly onError: (key: string, error: unknown) => void,
  ) {}

  schedule(key: string): void {
    if (this.stopped) return;
    const now = Date.now();
    const existing = this.timers.get(key);
    if (existing) clearTimeout(existing.timer);
    else this.busy += 1;
    const firstAt = existing?.firstAt ?? now;
    const wait = Math.max(0, Math.min(this.debounceMs, firstAt + this.maxWaitMs - now));
    this.timers.set(key, { firstAt, timer: setTimeout(() => this.fire(key), wait) });
  }

  private fire(key: string): void {
    this.timers.delete(key);
    const previous = this.chains.get(key) ?? Promise.resolve();
    const next = previous
      .then(() => this.run(key))
      .catch((error: unknown) => this.onError(key, error))
      .finally(() => {
        if (this.chains.get(key) === next) this.chains.delete(key);
        this.busy -= 1;
        if (this.busy === 0) for (const resolve of this.waiters.splice(0)) resolve();
      });
    this.chains.set(key, next);
  }

  /** Resolves once nothing is waiting or running (tests wait on this, never on time). */
  idle(): Promise<void> {
    if (this.busy === 0) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  /** Runs what is already due at once, then refuses new work (server shutdown). */
  async stop(): Promise<void> {
    this.stopped = true;
    for (const [key, { timer }] of this.timers) {
      clearTimeout(timer);
      this.fire(key);
    }
    await this.idle();
  }
}
