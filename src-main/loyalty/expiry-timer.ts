import type { AppServices } from '../core/context';
import { JobFailed } from '../jobs/runner';

/**
 * The expiry job at start (catching up the days the app was closed), then every hour: it writes
 * something only on the first run of a new day (or after an import of old sales), and nothing
 * twice (expire.ts). In the job worker, so a big shop's replay never holds the window up; a shop
 * whose ledger has no lot that expires starts no worker at all.
 */
export function startExpiryTimer(services: Pick<AppServices, 'jobs' | 'sqlite'>, everyMs = 3_600_000): () => void {
  const hasLots = services.sqlite.prepare('SELECT 1 FROM loyalty_ledger WHERE expires_on IS NOT NULL LIMIT 1').pluck();
  const tick = () => {
    if (services.jobs.isRunning('loyalty.expire') || services.jobs.stopped || !services.sqlite.open || hasLots.get() === undefined) return;
    services.jobs.run('loyalty.expire', {}, null).done.catch((error: unknown) => {
      if ((error instanceof JobFailed && error.cancelled) || services.jobs.stopped) return;
      console.error(`loyalty expiry: ${error instanceof Error ? error.message : String(error)}`);
    });
  };
  tick();
  const timer = setInterval(tick, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
