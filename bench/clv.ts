import { loadavg } from 'node:os';
import type { App } from '../src-main/app';
import type { ClvFit } from '../src-shared/schemas/clv';
import { bgnbdLogLikelihoodAndGradient, prepareRecency, type BgNbdParams } from '../src-main/clv/bgnbd';
import { gammaGammaLogLikelihoodAndGradient, prepareSpend, type GammaGammaParams } from '../src-main/clv/gamma-gamma';
import { purchaseHistory, type PurchaseHistory } from '../src-main/clv/history';
import { fitShop, scoreCustomers } from '../src-main/clv/model';
import { medianMs, round, row, type BenchRow } from './measure';

const TODAY = '2026-11-22'; // the generated shop's last day

/**
 * The lifetime-value model at the generated shop's size: the history read (purchase days per
 * customer), the BG/NBD and Gamma-Gamma fit, the scores, and the whole job as the app runs it (a
 * worker: read, fit, the holdout refit, score, write every customer's scores), each next to the bare
 * per-customer aggregate over the same sales.
 */
export async function clvSuite(app: App): Promise<{ rows: BenchRow[]; notes: Record<string, unknown> }> {
  const sqlite = app.services.sqlite;
  const rows: BenchRow[] = [];
  const bare = sqlite.prepare(
    'SELECT customer_id, COUNT(DISTINCT transaction_date), MIN(transaction_date), MAX(transaction_date), SUM(amount) FROM transactions WHERE deleted_at IS NULL GROUP BY customer_id',
  );
  const bareMs = await medianMs(() => bare.raw().all(), 5, 1);
  const base = 'bare GROUP BY customer_id (days, first, last, sum)';

  const readMs = await medianMs(() => purchaseHistory(app.services, { calibrationEnd: TODAY, unitDays: 7 }), 3, 1);
  rows.push(row('clv', 'purchase history per customer (x, t_x, T, repeat value)', readMs, base, bareMs, 'reference'));

  const history = await purchaseHistory(app.services, { calibrationEnd: TODAY, unitDays: 7 });
  const fit = fitShop(history);
  const fitMs = await medianMs(() => fitShop(history), 3, 0);
  rows.push(row('clv', `fit BG/NBD + Gamma-Gamma (${history.x.length.toLocaleString('en')} customers, median of 3)`, fitMs, base, bareMs, '≤ 2 s'));
  if (fit.status !== 'fitted' || !fit.bgnbd || !fit.gammaGamma) throw new Error(`the generated shop was not fitted: ${fit.status}`);
  const perEvaluation = evaluationCost(history, fit.bgnbd.params, fit.gammaGamma.params);
  let started = performance.now();
  scoreCustomers(history, { bgnbd: fit.bgnbd, gammaGamma: fit.gammaGamma }, { unitDays: 7, horizonMonths: 36, monthlyDiscount: 0.01 });
  const scoreMs = performance.now() - started;
  rows.push(row('clv', 'score every customer (P(alive), 30/90/365 days, CLV over 36 months)', scoreMs, base, bareMs, 'reference'));

  // The job as the app starts it after an RFM run: worker start-up, the holdout refit and the write included.
  // Building the shop on a loaded machine can outlast the idle lock (15 minutes): the session is unlocked first.
  const unlocked = await app.call('auth.unlock', { password: 'bench-password' }, { clientId: 'bench' });
  if (!unlocked.ok) throw new Error(`auth.unlock: ${unlocked.error.message}`);
  started = performance.now();
  const result = await app.call('clv.fit', { asOf: TODAY }, { clientId: 'bench' });
  const jobMs = performance.now() - started;
  if (!result.ok) throw new Error(`clv.fit: ${result.error.message}`);
  const holdout = (result.data as ClvFit).holdout;
  rows.push(row('clv', 'clv.fit through dispatch (worker: read, fit, holdout refit, score, write)', jobMs, base, bareMs, 'reference'));
  return {
    rows,
    notes: {
      clv: {
        customers: history.x.length,
        repeatBuyers: history.x.filter((x) => x > 0).length,
        bgnbd: fit.bgnbd.params,
        logLikelihood: fit.bgnbd.logLikelihood,
        gammaGamma: fit.gammaGamma.params,
        // The fit's cost as evaluations × ms per evaluation, so a figure taken on a loaded machine can be judged.
        fitCost: {
          prepareMs: round(perEvaluation.prepareMs),
          bgnbd: { evaluations: fit.bgnbd.evaluations, msPerEvaluation: round(perEvaluation.bgnbdMs), mergedRows: perEvaluation.mergedRows },
          gammaGamma: { evaluations: fit.gammaGamma.evaluations, msPerEvaluation: round(perEvaluation.gammaGammaMs), customers: fit.gammaGamma.customers },
          loadAverage: loadavg().map(round),
        },
        holdout: holdout && { status: holdout.status, predicted: Math.round(holdout.predicted), actual: holdout.actual },
      },
    },
  };
}

/** Milliseconds of one likelihood-and-gradient evaluation of each model at its fit (median of 20), and of the merge of the rows. */
function evaluationCost(history: PurchaseHistory, bg: BgNbdParams, gg: GammaGammaParams) {
  let started = performance.now();
  const prepared = prepareRecency(history);
  const prepareMs = performance.now() - started;
  const repeat = [...history.x.keys()].filter((i) => history.x[i] > 0 && history.m[i] > 0);
  const spend = prepareSpend(
    Float64Array.from(repeat, (i) => history.x[i]),
    Float64Array.from(repeat, (i) => history.m[i]),
  );
  const median = (fn: () => void) => {
    const times: number[] = [];
    for (let i = 0; i < 20; i++) {
      started = performance.now();
      fn();
      times.push(performance.now() - started);
    }
    return times.sort((p, q) => p - q)[10];
  };
  return {
    prepareMs,
    mergedRows: prepared.weight.length,
    bgnbdMs: median(() => bgnbdLogLikelihoodAndGradient(bg, prepared, new Float64Array(4))),
    gammaGammaMs: median(() => gammaGammaLogLikelihoodAndGradient(gg, spend, new Float64Array(3))),
  };
}
