import type { z } from 'zod';
import { AppError } from '../../src-shared/errors';
import type { rfmRunInput, RfmSummary } from '../../src-shared/schemas/rfm';
import type { AppServices, Ctx } from '../core/context';
import { shopToday } from '../business/today';
import { fitClvInBackground } from '../clv/service';
import { JobFailed } from '../jobs/runner';
import { getSettings } from '../settings/service';
import { rfmSummary } from './queries';
import type { RfmRunParams, RfmTrigger } from './run';

async function resolveParams(services: Pick<AppServices, 'db' | 'clock'>, input: z.output<typeof rfmRunInput>, trigger: RfmTrigger): Promise<RfmRunParams> {
  const settings = await getSettings(services);
  return {
    asOf: input.asOf ?? (await shopToday(services)),
    method: input.method ?? settings.rfmMethod,
    windowMonths: input.windowMonths === undefined ? settings.rfmWindowMonths : input.windowMonths,
    edges: input.edges ?? settings.rfmEdges,
    segments: settings.rfmSegments,
    clvExpectedYears: settings.clvExpectedYears,
    trigger,
  };
}

/** Run on demand: a job with progress and cancel; answers with the new run's summary. */
export async function runRfmNow(ctx: Ctx, input: z.output<typeof rfmRunInput>): Promise<RfmSummary> {
  if (ctx.jobs.isRunning('rfm.run')) throw new AppError('CONFLICT', ctx.t('err.jobRunning'));
  const params = await resolveParams(ctx, input, 'manual');
  const { runId } = await ctx.jobs.run('rfm.run', params, ctx.userId, ctx.clientId).done;
  // The lifetime-value model follows every run, in its own job: the summary does not wait for it.
  void fitClvInBackground(ctx, ctx.userId, params.asOf);
  return rfmSummary(ctx, runId);
}

/**
 * A run nobody waits for (after an import, at start-up). It never throws: a failure leaves the
 * previous snapshot in place, and the next trigger tries again. Its progress goes to every client,
 * or only to `clientId` when a call runs it as part of its own work (the demo shop's first run).
 */
export function runRfmInBackground(services: AppServices, trigger: RfmTrigger, userId: string | null, clientId?: string): Promise<void> {
  if (services.jobs.isRunning('rfm.run')) return Promise.resolve();
  return resolveParams(services, {}, trigger)
    .then((params) => services.jobs.run('rfm.run', params, userId, clientId).done.then(() => params.asOf))
    .then(
      (asOf) => void fitClvInBackground(services, userId, asOf),
      (error: unknown) => {
        if ((error instanceof JobFailed && error.cancelled) || services.jobs.stopped) return; // cancelled, or the app closed
        console.error(`RFM ${trigger} run failed: ${error instanceof Error ? error.message : String(error)}`);
      },
    );
}

const STALE_DAYS = 7;

/** At start-up: a shop with sales whose last run is older than a week (or missing) gets a fresh one. */
export async function runRfmIfStale(services: AppServices): Promise<void> {
  const last = await services.db.selectFrom('rfm_runs').select('created_at').orderBy('created_at', 'desc').limit(1).executeTakeFirst();
  const ageDays = last ? (services.clock.now().getTime() - Date.parse(last.created_at)) / 86_400_000 : Infinity;
  if (ageDays <= STALE_DAYS) return;
  const anySale = await services.db.selectFrom('transactions').select('id').where('deleted_at', 'is', null).limit(1).executeTakeFirst();
  if (!anySale) return;
  await runRfmInBackground(services, 'startup', null);
}
