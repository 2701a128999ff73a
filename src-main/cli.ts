/**
 * The command line's entry: options, `--help` and usage errors, all without loading the app. A
 * command then loads src-main/cli/main.ts, bundled as dist/cli/cli-main.js next to this file's
 * bundle (scripts/bundle-stale.mjs); from source (tsx) the TypeScript itself.
 */
import { commandOf, parseCommandLine, type Command, type Parsed } from './cli/args';
import { CliError } from './cli/io';
import { languageFromEnv, say, setCliLanguage } from './cli/messages';

function usage(): string {
  return `${say('usage.title')}

${say('usage.commands')}
  init --db <path> [--demo] [--owner <username> --password-stdin [--business <name>] [--name <owner name>]]
  customers list --db <path> [--search <text>] [--page N] [--page-size N] [--json]
  doctor --db <path> [--json]
  import <file> --kind customers|transactions|products|leads --db <path> [--sheet <name>] [--header-row N]
         [--mapping <file.json>] [--on-duplicate skip|update|stop] [--cancellations exclude|returns]
         [--amount-multiplier 1|100] [--strict] [--dry-run] [--json]
         (a marketplace order export: [--in-progress skip|pending|sale] [--include-shipping])
  rfm --db <path> [--as-of YYYY-MM-DD] [--method fixed|quintile] [--window-months N|all]
      [--recency-bins a,b,c,d] [--frequency-bins a,b,c,d] [--monetary-bins a,b,c,d] [--json]
  rfm scores --db <path> [--run latest|<id>] --csv
  clv fit --db <path> [--as-of YYYY-MM-DD] [--calibration-end YYYY-MM-DD] [--unit week|day] [--json]
      (BG/NBD and Gamma-Gamma; the days after --calibration-end up to --as-of check the fit)
  clv scores --db <path> --csv   (the latest fit: P(alive), expected purchases, CLV per customer)
  content generate --db <path> --segment <id> --channel whatsapp|email|instagram|sms|banner [--variants N]
      [--offer <text>] [--language id|en] [--json]   (OPENAI_API_KEY, OPENAI_BASE_URL)
  export customers|transactions|products|leads|rfm|segment:<id>|sales-monthly|segment-summary|top-customers|win-back|import-history|activity-log|leads-funnel|leads-forecast|leads-team
         --db <path> --out <file> [--format xlsx|csv] [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--separator ';'] [--date-style dmy|iso]
  restore --db <path> [--from <backup name or file>] [--json]   (without --from: the backups)
  leads funnel --db <path> --from YYYY-MM-DD --to YYYY-MM-DD [--json]
  leads forecast --db <path> [--json]   (the next six months, weighted by stage probability)
  leads list --db <path> [--stage <id>] [--owner <username>|me|none] [--overdue] [--search <text>] [--page N] [--page-size N] [--json]
  leads move --db <path> --lead <id|L-code|phone> --stage <id> [--reason <text>]   (a reason is needed to go back or to Lost)
  sync enrol --db <path> --server <url> --code <code>
  sync push --db <path> [--json]
  sync status --db <path> [--json]
  sync restore --db <path> --server <url> --code <code>   (a new, empty shop: downloads the shop from the cloud)

${say('usage.dates')}
${say('usage.db')}`;
}

type RunCommand = (command: Command, parsed: Parsed) => Promise<number>;

async function main(argv: string[]): Promise<number> {
  const language = languageFromEnv();
  if (language === null) throw new CliError(say('usage.language'), 2);
  if (language) setCliLanguage(language);
  const parsed = parseCommandLine(argv);
  if (parsed.values.help) {
    console.log(usage());
    return 0;
  }
  if (parsed.positionals.length === 0) throw new CliError(say('usage.noCommand'), 2);
  const command = commandOf(parsed.positionals);
  const heavy = new URL(import.meta.url.endsWith('.ts') ? './cli/main.ts' : './cli-main.js', import.meta.url);
  const { runCommand } = (await import(heavy.href)) as { runCommand: RunCommand };
  return runCommand(command, parsed);
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code !== 0) process.exit(code);
  },
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(error instanceof CliError ? error.exitCode : 1);
  },
);
