import dayjs from 'dayjs';
import type { ClvHoldout, ClvStatus } from '../../src-shared/schemas/clv';
import type { WriteCtx } from '../core/context';
import { newId } from '../core/ids';
import type { JobCtx } from '../jobs/types';
import { historyFrom, readPurchaseDays, type PurchaseDays, type PurchaseHistory } from './history';
import { holdoutCheck, holdoutDays } from './holdout';
import { fitRepeatPurchases, fitShop, scoreCustomers } from './model';

export type ClvTrigger = 'manual' | 'rfm' | 'cli';

/** Everything a fit needs, resolved from Settings and the request before the job starts. */
export interface ClvFitParams {
  asOf: string;
  /** Fit on sales up to this day; when before asOf, the days after it are the holdout. */
  calibrationEnd: string;
  unitDays: 1 | 7;
  monthlyDiscount: number;
  horizonMonths: number;
  trigger: ClvTrigger;
}

export interface ClvFitResult {
  fitId: string;
  status: ClvStatus;
  customers: number;
  durationMs: number;
}

/**
 * Fit BG/NBD and Gamma-Gamma on the shop's sales, check the model on a holdout, score every
 * customer, and write the fit with its scores in one transaction (the previous fit's scores go:
 * only the latest fit is read). A refused fit is written too, with its reason and no scores, so the
 * app says why it keeps the rule-of-thumb band.
 */
export async function fitClv(params: ClvFitParams, ctx: WriteCtx & Partial<Pick<JobCtx, 'progress' | 'throwIfCancelled'>>): Promise<ClvFitResult> {
  const started = performance.now();
  const { asOf, calibrationEnd, unitDays } = params;
  ctx.progress?.('read', 0, 1);
  // The sales are read once, up to the analysis date: the fit's history, the holdout refit's and the
  // scores' all come from these days (each read grouped a million sales again before: 7–10 s each
  // on a loaded machine at 1M sales).
  const days = readPurchaseDays(ctx, asOf);
  const history = historyFrom(days, { calibrationEnd, holdoutEnd: calibrationEnd < asOf ? asOf : undefined, unitDays });
  ctx.throwIfCancelled?.();
  ctx.progress?.('fit', 0, 2);
  const fit = fitShop(history);
  ctx.throwIfCancelled?.();
  ctx.progress?.('fit', 1, 2);
  const holdout = checkOnHoldout(params, ctx, days, calibrationEnd < asOf ? { history, fit } : null);
  ctx.throwIfCancelled?.();
  ctx.progress?.('fit', 2, 2);
  // The scores are the analysis date's: with a calibration end before it, the fitted parameters score
  // each customer's history up to the analysis date (P(alive) at the calibration end is not today's).
  const scored = calibrationEnd < asOf && fit.status === 'fitted' ? historyFrom(days, { calibrationEnd: asOf, unitDays }) : history;
  let scores =
    fit.status === 'fitted' && fit.bgnbd && fit.gammaGamma
      ? scoreCustomers(
          scored,
          { bgnbd: fit.bgnbd, gammaGamma: fit.gammaGamma },
          { unitDays, horizonMonths: params.horizonMonths, monthlyDiscount: params.monthlyDiscount },
        )
      : [];
  // Parameters whose formulas give no number for some customer are refused like any degenerate fit:
  // a made-up probability is worse than none, and a half-scored shop is not scored.
  if (scores.some((s) => ![s.pAlive, s.expected30, s.expected90, s.expected365, s.expectedAov, s.clv].every(Number.isFinite))) {
    fit.status = 'degenerate';
    scores = [];
  }
  ctx.throwIfCancelled?.();
  ctx.progress?.('write', 0, scores.length);
  const fitId = newId();
  const repeatBuyers = history.x.reduce((n, x) => n + (x > 0 ? 1 : 0), 0);
  const sqlite = ctx.sqlite;
  const durationMs = Math.round(performance.now() - started);
  const bg = fit.status === 'fitted' ? fit.bgnbd : null;
  const gg = fit.status === 'fitted' ? fit.gammaGamma : null;
  sqlite.transaction(() => {
    sqlite.prepare('DELETE FROM clv_scores').run();
    sqlite
      .prepare(
        `INSERT INTO clv_fits (id, as_of, calibration_end, unit_days, status, customers, repeat_buyers, r, alpha, a, b, log_likelihood, p, q, gamma, monthly_discount, horizon_months, holdout, duration_ms, trigger, user_id, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        fitId,
        asOf,
        calibrationEnd,
        unitDays,
        fit.status,
        history.x.length,
        repeatBuyers,
        bg?.params.r ?? null,
        bg?.params.alpha ?? null,
        bg?.params.a ?? null,
        bg?.params.b ?? null,
        bg?.logLikelihood ?? null,
        gg?.params.p ?? null,
        gg?.params.q ?? null,
        gg?.params.gamma ?? null,
        params.monthlyDiscount,
        params.horizonMonths,
        holdout ? JSON.stringify(holdout) : null,
        durationMs,
        params.trigger,
        ctx.userId,
        ctx.clock.now().toISOString(),
      );
    const insert = sqlite.prepare(
      'INSERT INTO clv_scores (fit_id, customer_id, x, t_x, t_cal, p_alive, expected_30, expected_90, expected_365, expected_aov, clv) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    for (const s of scores) insert.run(fitId, s.customerId, s.x, s.tx, s.T, s.pAlive, s.expected30, s.expected90, s.expected365, s.expectedAov, s.clv);
  })();
  ctx.progress?.('write', scores.length, scores.length);
  return { fitId, status: fit.status, customers: history.x.length, durationMs };
}

/**
 * The holdout check. With a calibration end before the analysis date, the fit itself is checked on
 * the days after it; otherwise the model is fitted again on all but the last part of the shop's
 * history (holdoutDays) and checked on that part. A shop too young for a holdout has none.
 */
function checkOnHoldout(
  params: ClvFitParams,
  ctx: WriteCtx,
  purchases: PurchaseDays,
  given: { history: PurchaseHistory; fit: ReturnType<typeof fitShop> } | null,
): ClvHoldout | null {
  if (given)
    return holdoutCheck(
      given.history,
      { status: given.fit.repeatStatus, bgnbd: given.fit.bgnbd },
      { calibrationEnd: params.calibrationEnd, end: params.asOf, unitDays: params.unitDays },
    );
  const first = ctx.sqlite.prepare('SELECT min(first_purchase) FROM customer_span').pluck().get() as string | null;
  const days = first ? holdoutDays(first, params.asOf) : null;
  if (days === null) return null;
  const calibrationEnd = dayjs(params.asOf).subtract(days, 'day').format('YYYY-MM-DD');
  const history = historyFrom(purchases, { calibrationEnd, holdoutEnd: params.asOf, unitDays: params.unitDays });
  return holdoutCheck(history, fitRepeatPurchases(history), { calibrationEnd, end: params.asOf, unitDays: params.unitDays });
}
