import type { App } from '../../src-main/app';
import type { JobKind } from '../../src-shared/schemas/system';

/** Resolves when the next job of this kind finishes; subscribe before starting what starts it. */
export function jobFinished(app: App, kind: JobKind): Promise<string> {
  return new Promise((resolve) => {
    const stop = app.services.events.subscribe((event) => {
      const payload = event.payload as { kind?: string; status?: string };
      if (event.name === 'job.finished' && payload.kind === kind) {
        stop();
        resolve(String(payload.status));
      }
    });
  });
}
