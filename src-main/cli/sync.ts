import type { App } from '../app';
import { CloudRequestError } from '../sync/http';
import { restoreFromCloud, ShopNotEmptyError } from '../sync/restore';
import { changesWaiting, enrol, NotEnrolledError, pushNow, syncStatus } from '../sync/service';
import type { Values } from './args';
import { CliError } from './io';
import { say } from './messages';

export interface SyncEnrolArgs {
  server: string;
  code: string;
}

export function syncEnrolArgs(values: Values): SyncEnrolArgs {
  if (!values.server || !values.code) throw new CliError(say('usage.syncEnrol'), 2);
  return { server: values.server, code: values.code };
}

/** A failure of the cloud as one line: what happened, and that every change is still here. */
function plain(error: unknown, app: App): unknown {
  if (error instanceof ShopNotEmptyError) return new CliError(say('sync.notEmpty'));
  if (error instanceof NotEnrolledError) return new CliError(say('sync.notEnrolled'));
  if (error instanceof CloudRequestError) return new CliError(say('sync.failed', { reason: error.message, pending: syncStatus(app.services).pending }));
  return error;
}

export async function syncEnrolCommand(app: App, args: SyncEnrolArgs): Promise<void> {
  try {
    const state = await enrol(app.services, args);
    console.log(say('sync.enrolled', { server: state.serverUrl, business: state.businessName }));
  } catch (error) {
    throw plain(error, app);
  }
}

export async function syncPushCommand(app: App, json: boolean): Promise<void> {
  try {
    // Progress on stderr, so `--json` keeps one answer on stdout: a line every 20 pushes (10,000
    // rows at the full batch size; a million-row import shows about 100 of them).
    const total = changesWaiting(app.services);
    let shown = 0;
    const outcome = await pushNow(app.services, {
      onProgress: (o) => {
        if (o.requests - shown < 20) return;
        shown = o.requests;
        process.stderr.write(`${say('sync.progress', { acked: o.acked, total, requests: o.requests })}\n`);
      },
    });
    console.log(
      json
        ? JSON.stringify({ acked: outcome.acked, rejected: outcome.rejected, remaining: outcome.remaining })
        : say('sync.pushed', { acked: outcome.acked, rejected: outcome.rejected, remaining: outcome.remaining }),
    );
  } catch (error) {
    throw plain(error, app);
  }
}

export async function syncStatusCommand(app: App, json: boolean): Promise<void> {
  const status = syncStatus(app.services);
  if (json) {
    console.log(JSON.stringify(status));
    return;
  }
  if (!status.enrolled) throw new CliError(say('sync.notEnrolled'));
  console.log(
    say('sync.status', {
      server: status.serverUrl ?? '',
      business: status.businessName ?? '',
      pending: status.pending,
      rejected: status.rejected,
      last: status.lastSuccessAt ?? say('sync.never'),
    }),
  );
  if (status.lastError) console.log(say('sync.lastError', { error: status.lastError }));
}

export async function syncRestoreCommand(app: App, args: SyncEnrolArgs): Promise<void> {
  try {
    const counts = await restoreFromCloud(app.services, args);
    console.log(say('sync.restored', counts));
  } catch (error) {
    throw plain(error, app);
  }
}
