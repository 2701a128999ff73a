import type { ClvFit } from '../../src-shared/schemas/clv';
import type { App } from '../app';
import { MIN_CUSTOMERS, MIN_REPEAT_BUYERS } from '../clv/model';
import { latestFit } from '../clv/service';
import { dateOption, oneOf, type Values } from './args';
import { CliError, type Call } from './io';
import { say, type CliText } from './messages';

export interface ClvFitArgs {
  asOf?: string;
  calibrationEnd?: string;
  unit?: 'week' | 'day';
  json: boolean;
}

/** `clv fit`'s options, checked before the database is opened. */
export function clvFitArgs(values: Values): ClvFitArgs {
  const asOf = dateOption(values, 'as-of');
  const calibrationEnd = dateOption(values, 'calibration-end');
  if (asOf && calibrationEnd && calibrationEnd > asOf) throw new CliError(say('usage.calibrationEnd'), 2);
  return { asOf, calibrationEnd, unit: oneOf(values, 'unit', ['week', 'day'] as const), json: Boolean(values.json) };
}

const fixed = (n: number, digits: number) => Number(n.toFixed(digits));

/** `clv fit`: fit the models (a job, as in the app), print the parameters or why there are none. */
export async function clvFitCommand(call: Call, args: ClvFitArgs): Promise<void> {
  const fit = await call('clv.fit', { asOf: args.asOf, calibrationEnd: args.calibrationEnd, unit: args.unit });
  if (args.json) {
    const holdout = fit.holdout && {
      status: fit.holdout.status,
      calibrationEnd: fit.holdout.calibrationEnd,
      end: fit.holdout.end,
      predicted: fixed(fit.holdout.predicted, 2),
      actual: fit.holdout.actual,
    };
    console.log(
      JSON.stringify({
        status: fit.status,
        asOf: fit.asOf,
        calibrationEnd: fit.calibrationEnd,
        unit: fit.unit,
        bgnbd: fit.bgnbd,
        gammaGamma: fit.gammaGamma,
        holdout,
      }),
    );
    return;
  }
  if (fit.status !== 'fitted' || !fit.bgnbd || !fit.gammaGamma) throw new CliError(refusal(fit));
  const bg = fit.bgnbd;
  const gg = fit.gammaGamma;
  console.log(
    say('clv.fit', {
      id: fit.id,
      customers: fit.customers,
      date: fit.asOf,
      end: fit.calibrationEnd,
      unit: say(fit.unit === 'day' ? 'clv.day' : 'clv.week'),
      ms: fit.durationMs,
    }),
  );
  console.log(
    say('clv.bgnbd', {
      r: fixed(bg.r, 4),
      alpha: fixed(bg.alpha, 4),
      a: fixed(bg.a, 4),
      b: fixed(bg.b, 4),
      ll: fixed(bg.logLikelihood, 2),
      customers: bg.customers,
    }),
  );
  console.log(say('clv.gammaGamma', { p: fixed(gg.p, 4), q: fixed(gg.q, 4), gamma: fixed(gg.gamma, 2), customers: gg.customers }));
  const h = fit.holdout;
  if (h?.status === 'fitted') console.log(say('clv.holdout', { from: h.calibrationEnd, to: h.end, predicted: h.predicted.toFixed(1), actual: h.actual }));
}

function refusal(fit: Pick<ClvFit, 'status' | 'customers' | 'repeatBuyers'>): string {
  return say('clv.refused', {
    reason: say(`clv.refusal.${fit.status}` as CliText, {
      customers: fit.customers,
      repeat: fit.repeatBuyers,
      min: MIN_CUSTOMERS,
      minRepeat: MIN_REPEAT_BUYERS,
    }),
  });
}

const CSV_COLUMNS = ['customer_code', 'x', 't_x', 'T', 'p_alive', 'expected_purchases_90d', 'expected_aov', 'clv'];

function csvCell(value: string | number): string {
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function clvScoresArgs(values: Values): void {
  if (!values.csv) throw new CliError(say('usage.clvScoresCsv'), 2);
}

/**
 * `clv scores --csv`: the latest fit's scores, one line per customer, streamed from the DB. Times
 * in the fit's unit; value and CLV in the shop's stored amount unit, whole.
 */
export async function clvScoresCommand(app: App): Promise<void> {
  const fit = await latestFit(app.services);
  if (!fit) throw new CliError(say('err.noClvFit'));
  if (fit.status !== 'fitted') throw new CliError(refusal(fit));
  const rows = app.services.sqlite
    .prepare(
      `SELECT c.code, s.x, round(s.t_x, 4), round(s.t_cal, 4), round(s.p_alive, 6), round(s.expected_90, 6), round(s.expected_aov), round(s.clv)
       FROM clv_scores s JOIN customers c ON c.id = s.customer_id WHERE s.fit_id = ? ORDER BY c.code`,
    )
    .raw()
    .iterate(fit.id) as IterableIterator<(string | number)[]>;
  const out: string[] = [CSV_COLUMNS.join(',')];
  for (const row of rows) {
    out.push(row.map(csvCell).join(','));
    if (out.length >= 10_000) {
      process.stdout.write(`${out.join('\n')}\n`);
      out.length = 0;
    }
  }
  if (out.length) process.stdout.write(`${out.join('\n')}\n`);
}
