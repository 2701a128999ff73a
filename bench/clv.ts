import type { App } from '../src-main/app';
import type { ClvFit } from '../src-shared/schemas/clv';
import { purchaseHistory } from '../src-main/clv/history';
import { fitShop, scoreCustomers } from '../src-main/clv/model';
import { medianMs, row, type BenchRow } from './measure';

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
  const bare = sqlite.prepare('SELECT customer_id, COUNT(DISTINCT transaction_date), MIN(transaction_date), MAX(transaction_date), SUM(amount) FROM transactions WHERE deleted_at IS NULL GROUP BY customer_id');
  const bareMs = await medianMs(() => bare.raw().all(), 5, 1);
  const base = 'bare GROUP BY customer_id (days, first, last, sum)';

  const readMs = await medianMs(() => purchaseHistory(app.services.db, { calibrationEnd: TODAY, unitDays: 7 }), 3, 1);
  rows.push(row('clv', 'purchase history per customer (x, t_x, T, repeat value)', readMs, base, bareMs, 'reference'));

  const history = await purchaseHistory(app.services.db, { calibrationEnd: TODAY, unitDays: 7 });
  let started = performance.now();
  const fit = fitShop(history);
  const fitMs = performance.now() - started;
  rows.push(row('clv', `fit BG/NBD + Gamma-Gamma (${history.x.length.toLocaleString('en')} customers)`, fitMs, base, bareMs, '≤ 2 s'));
  if (fit.status !== 'fitted' || !fit.bgnbd || !fit.gammaGamma) throw new Error(`the generated shop was not fitted: ${fit.status}`);
  started = performance.now();
  scoreCustomers(history, { bgnbd: fit.bgnbd, gammaGamma: fit.gammaGamma }, { unitDays: 7, horizonMonths: 36, monthlyDiscount: 0.01 });
  const scoreMs = performance.now() - started;
  rows.push(row('clv', 'score every customer (P(alive), 30/90/365 days, CLV over 36 months)', scoreMs, base, bareMs, 'reference'));

  // The job as the app starts it after an RFM run: worker start-up, the holdout refit and the write included.
  started = performance.now();
  const result = await app.call('clv.fit', { asOf: TODAY }, { clientId: 'bench' });
  const jobMs = performance.now() - started;
  if (!result.ok) throw new Error(`clv.fit: ${result.error.message}`);
  const holdout = (result.data as ClvFit).holdout;
  rows.push(row('clv', 'clv.fit through dispatch (worker: read, fit, holdout refit, score, write)', jobMs, base, bareMs, 'reference'));
  return {
    rows,
    notes: { clv: { customers: history.x.length, repeatBuyers: history.x.filter((x) => x > 0).length, bgnbd: fit.bgnbd.params, logLikelihood: fit.bgnbd.logLikelihood, gammaGamma: fit.gammaGamma.params, holdout: holdout && { status: holdout.status, predicted: Math.round(holdout.predicted), actual: holdout.actual } } },
  };
}
