import type { CloudFailure } from './http';
import type { PushOutcome } from './push';

/** Main thread → push thread. */
export type ToPushThread =
  | {
      type: 'push';
      dbPath: string;
      token: string;
      appVersion: string;
      maxFailures: number;
      timeoutMs?: number;
      maxOps?: number;
      clockOffsetMs: number;
      aborted: boolean;
    }
  | { type: 'resume' }
  | { type: 'abort' };

/** Push thread → main thread. */
export type FromPushThread =
  | { type: 'progress'; outcome: PushOutcome }
  | { type: 'pause'; failures: number; retryAfterMs?: number }
  | { type: 'done'; outcome: PushOutcome }
  | { type: 'failed'; failure?: CloudFailure; message: string };
