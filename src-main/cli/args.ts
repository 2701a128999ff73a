import { parseArgs } from 'node:util';
import { parseDayFirstDate } from '../../src-shared/format/date';
import { CliError } from './io';
import { say } from './messages';

/** Every option of every command, with an example value for the message when one is missing. */
const OPTIONS = {
  db: { type: 'string', example: 'toko.sqlite' },
  demo: { type: 'boolean' },
  owner: { type: 'string', example: 'sari' },
  'password-stdin': { type: 'boolean' },
  business: { type: 'string', example: '"Toko Sari"' },
  name: { type: 'string', example: '"Sari Wulandari"' },
  search: { type: 'string', example: '"0812 7043"' },
  page: { type: 'string', example: '2' },
  'page-size': { type: 'string', example: '50' },
  json: { type: 'boolean' },
  kind: { type: 'string', example: 'transactions' },
  sheet: { type: 'string', example: 'Data' },
  mapping: { type: 'string', example: 'map.json' },
  'on-duplicate': { type: 'string', example: 'skip' },
  cancellations: { type: 'string', example: 'exclude' },
  'in-progress': { type: 'string', example: 'skip' },
  'include-shipping': { type: 'boolean' },
  'amount-multiplier': { type: 'string', example: '1' },
  'header-row': { type: 'string', example: '3' },
  strict: { type: 'boolean' },
  'dry-run': { type: 'boolean' },
  'as-of': { type: 'string', example: '2026-11-30' },
  'calibration-end': { type: 'string', example: '2026-06-30' },
  unit: { type: 'string', example: 'week' },
  method: { type: 'string', example: 'quintile' },
  'window-months': { type: 'string', example: '12' },
  'recency-bins': { type: 'string', example: '30,60,90,180' },
  'frequency-bins': { type: 'string', example: '1,2,5,10' },
  'monetary-bins': { type: 'string', example: '100000,500000,1000000,5000000' },
  run: { type: 'string', example: 'latest' },
  csv: { type: 'boolean' },
  segment: { type: 'string', example: 'at_risk' },
  channel: { type: 'string', example: 'whatsapp' },
  variants: { type: 'string', example: '3' },
  offer: { type: 'string', example: '"diskon 15%"' },
  language: { type: 'string', example: 'id' },
  out: { type: 'string', example: 'laporan.xlsx' },
  format: { type: 'string', example: 'xlsx' },
  from: { type: 'string', example: '2026-01-01' },
  to: { type: 'string', example: '2026-03-31' },
  separator: { type: 'string', example: "';'" },
  'date-style': { type: 'string', example: 'dmy' },
  server: { type: 'string', example: 'https://cloud.example.id' },
  code: { type: 'string', example: '7KQ2M-9XD4T' },
  stage: { type: 'string', example: 'interest' },
  overdue: { type: 'boolean' },
  lead: { type: 'string', example: 'L-00001' },
  reason: { type: 'string', example: '"Belum ada dana"' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies Record<string, { type: 'string' | 'boolean'; example?: string; short?: string }>;

type Option = keyof typeof OPTIONS;
export type Values = { [K in Option]?: (typeof OPTIONS)[K]['type'] extends 'string' ? string : boolean };

export interface Parsed {
  values: Values;
  positionals: string[];
}

export const COMMANDS = [
  'init',
  'customers list',
  'doctor',
  'import',
  'rfm',
  'rfm scores',
  'clv fit',
  'clv scores',
  'content generate',
  'export',
  'restore',
  'sync enrol',
  'sync push',
  'sync status',
  'sync restore',
  'leads funnel',
  'leads forecast',
  'leads list',
  'leads move',
] as const;
export type Command = (typeof COMMANDS)[number];

/** Edit distance, for "did you mean". */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length];
}

/** The closest of `candidates`, if it is close enough to be what was meant. */
export function closest(typed: string, candidates: readonly string[]): string | null {
  const plain = typed.toLowerCase().replace(/_/g, '-');
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const d = candidate === plain ? 0 : candidate.startsWith(plain) || plain.startsWith(candidate) ? 1 : distance(plain, candidate);
    if (d < bestDistance) [best, bestDistance] = [candidate, d];
  }
  return best !== null && bestDistance <= Math.max(2, Math.floor(plain.length / 3)) ? best : null;
}

const OPTION_NAMES = Object.keys(OPTIONS) as Option[];

/**
 * The options and positionals, or a one-line CliError (exit 2): an unknown option is named with
 * the closest known one, instead of parseArgs' advice about positional arguments.
 */
export function parseCommandLine(argv: string[]): Parsed {
  const { tokens } = parseArgs({ args: argv, options: OPTIONS, strict: false, allowPositionals: true, tokens: true });
  for (const token of tokens) {
    if (token.kind !== 'option') continue;
    const known =
      token.name in OPTIONS
        ? (token.name as Option)
        : OPTION_NAMES.find((name) => 'short' in OPTIONS[name] && (OPTIONS[name] as { short: string }).short === token.name);
    if (!known) {
      const guess = token.rawName.startsWith('--') ? closest(token.name, OPTION_NAMES) : null;
      throw new CliError(
        guess ? say('usage.unknownOption', { option: token.rawName, guess: `--${guess}` }) : say('usage.unknownOptionNoGuess', { option: token.rawName }),
        2,
      );
    }
    const spec = OPTIONS[known];
    // `--db --json`: parseArgs would take `--json` for the path.
    if (spec.type === 'string' && (token.value === undefined || (!token.inlineValue && token.value.startsWith('-'))))
      throw new CliError(say('usage.needsValue', { option: `--${known}`, example: 'example' in spec ? spec.example : '…' }), 2);
    if (spec.type === 'boolean' && token.value !== undefined) throw new CliError(say('usage.noValue', { option: token.rawName }), 2);
  }
  try {
    const { values, positionals } = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true });
    return { values: values as Values, positionals };
  } catch (error) {
    throw new CliError((error instanceof Error ? error.message : String(error)).split('\n')[0], 2);
  }
}

/** The command the positionals name (`import` and `export` take an argument), or a CliError. */
export function commandOf(positionals: string[]): Command {
  const first = positionals[0];
  if (first === 'import' || first === 'export') return first;
  const twoWords = positionals.slice(0, 2).join(' ');
  if ((COMMANDS as readonly string[]).includes(twoWords)) {
    if (positionals.length > 2) throw new CliError(say('usage.extra', { command: twoWords, extra: positionals[2] }), 2);
    return twoWords as Command;
  }
  if ((COMMANDS as readonly string[]).includes(first)) {
    if (positionals.length > 1) {
      const guess = closest(positionals.join(' '), COMMANDS);
      if (guess && guess !== first) throw new CliError(say('usage.unknownCommand', { command: positionals.join(' '), guess }), 2);
      throw new CliError(say('usage.extra', { command: first, extra: positionals[1] }), 2);
    }
    return first as Command;
  }
  const typed = positionals.join(' ');
  const guess = closest(typed, COMMANDS) ?? closest(first, COMMANDS);
  throw new CliError(
    guess ? say('usage.unknownCommand', { command: typed, guess }) : say('usage.unknownCommandNoGuess', { command: typed, commands: COMMANDS.join(', ') }),
    2,
  );
}

/** `--as-of`, `--from`, `--to`: ISO, or day first as people write them in Indonesia (30/11/2026). */
export function dateOption(values: Values, name: 'as-of' | 'calibration-end' | 'from' | 'to'): string | undefined {
  const raw = values[name];
  if (raw === undefined) return undefined;
  const iso = parseDayFirstDate(raw);
  if (!iso) throw new CliError(say('usage.date', { option: `--${name}` }), 2);
  return iso;
}

/** A whole number option within bounds, or a usage error naming them. */
export function wholeNumber(values: Values, name: Option, min: number, max: number): number | undefined {
  const raw = values[name];
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (typeof raw !== 'string' || !/^\s*\d+\s*$/.test(raw) || n < min || n > max)
    throw new CliError(say('usage.wholeNumber', { option: `--${name}`, min, max }), 2);
  return n;
}

/** A string option that must be one of a few words. */
export function oneOf<T extends string>(values: Values, name: Option, allowed: readonly T[]): T | undefined {
  const raw = values[name];
  if (raw === undefined) return undefined;
  if (!(allowed as readonly unknown[]).includes(raw)) throw new CliError(say('usage.oneOf', { option: `--${name}`, values: allowed.join(', ') }), 2);
  return raw as T;
}
