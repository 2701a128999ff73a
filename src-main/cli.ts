import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { Channel, ChannelInput, ChannelOutput } from '../src-shared/contract';
import { formatPhone } from '../src-shared/format/phone';
import { openApp, type App } from './app';
import { loginAs } from './auth/service';
import { exportArgs, exportCommand, type ExportArgs } from './cli/export';
import { importCommand } from './cli/import';
import { contentGenerate } from './cli/content';
import { rfmRun, rfmScores } from './cli/rfm';
import { CliError, readStdin, table } from './cli/io';
import { defaultDbPath } from './paths';

const USAGE = `Usage: npm run -s cli -- <command> [options]

Commands:
  init --db <path> [--demo] [--owner <username> --password-stdin [--business <name>] [--name <owner name>]]
  customers list --db <path> [--search <text>] [--page N] [--page-size N] [--json]
  doctor --db <path> [--json]
  import <file> --kind customers|transactions|products --db <path> [--sheet <name>] [--mapping <file.json>]
         [--on-duplicate skip|update|stop] [--cancellations exclude|returns] [--amount-multiplier 1|100]
         [--header-row N] [--strict] [--dry-run] [--json]

  rfm --db <path> [--as-of YYYY-MM-DD] [--method fixed|quintile] [--window-months N|all]
      [--recency-bins a,b,c,d] [--frequency-bins a,b,c,d] [--monetary-bins a,b,c,d] [--json]
  rfm scores --db <path> [--run latest|<id>] --csv
  content generate --db <path> --segment <id> --channel whatsapp|email|instagram|sms|banner [--variants N]
      [--offer <text>] [--language id|en] [--json]   (uses OPENAI_API_KEY and OPENAI_BASE_URL)
  export customers|transactions|products|rfm|segment:<id>|sales-monthly|segment-summary|top-customers|win-back|import-history|activity-log
         --db <path> --out <file> [--format xlsx|csv] [--from YYYY-MM-DD --to YYYY-MM-DD] [--separator ';'] [--date-style dmy|iso]

--db may be replaced by the SMA_DB environment variable.`;

const CLIENT = 'cli';

async function call<C extends Channel>(app: App, channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
  const result = await app.call(channel, input, { clientId: CLIENT, language: 'en' });
  if (!result.ok) throw new CliError(result.error.message);
  return result.data as ChannelOutput<C>;
}

/** The CLI acts as the shop's first active owner, so its changes carry a name in the activity log. */
async function actAsOwner(app: App): Promise<void> {
  const owner = await app.services.db.selectFrom('users').select('id').where('role', '=', 'owner').where('active', '=', 1).where('deleted_at', 'is', null).orderBy('created_at').executeTakeFirst();
  if (!owner) throw new CliError('The shop is not set up yet: run `init` first.');
  await loginAs(app.services, CLIENT, owner.id);
}

type Values = Record<string, string | boolean | undefined>;

async function init(app: App, values: Values): Promise<void> {
  const status = await call(app, 'app.status', {});
  if (values.demo) {
    if (status.setupDone) throw new CliError('This database already has a shop; --demo needs a new database.');
    const demo = await call(app, 'setup.openDemo', {});
    console.log(`Demo shop created: ${demo.customers} customers, ${demo.transactions} transactions. Log in as "${demo.user.username}" with password "${demo.password}".`);
    // The app would run the first RFM analysis at start; the CLI's `rfm scores` needs it now.
    await actAsOwner(app);
    const analysis = await call(app, 'rfm.run', {});
    console.log(`RFM analysis done: ${analysis.run?.customers ?? 0} customers scored.`);
    return;
  }
  if (values.owner) {
    const password = (await readStdin()).replace(/\r?\n$/, '');
    const owner = String(values.owner);
    await call(app, 'setup.create', { owner: { name: String(values.name ?? owner), username: owner, password }, business: { name: String(values.business ?? 'Toko Saya') }, language: 'id' });
    console.log(`Shop created with owner "${owner}".`);
    return;
  }
  console.log(status.setupDone ? 'Database is ready (shop already set up).' : 'Database created and migrated. Open the app to set up the shop, or use --demo / --owner.');
}

async function customersList(app: App, values: Values): Promise<void> {
  await actAsOwner(app);
  const page = await call(app, 'customers.list', {
    search: values.search ? String(values.search) : undefined,
    page: values.page ? Number(values.page) : 1,
    pageSize: values['page-size'] ? Number(values['page-size']) : 50,
  });
  if (values.json) {
    console.log(JSON.stringify(page));
    return;
  }
  console.log(table(page.rows.map((r) => ({ ...r, phone: formatPhone(r.phone) })), ['code', 'name', 'phone', 'email', 'city']));
  console.log(`${page.rows.length} of ${page.total} customers`);
}

async function doctor(app: App, values: Values): Promise<void> {
  await actAsOwner(app);
  const h = await call(app, 'health.get', {});
  if (values.json) {
    console.log(JSON.stringify(h));
    return;
  }
  console.log(`Database:    ${h.dbPath} (${(h.dbSizeBytes / 1024 / 1024).toFixed(1)} MB, journal ${h.journalMode}, foreign keys ${h.foreignKeys ? 'on' : 'OFF'})`);
  console.log(`Integrity:   ${h.integrity}`);
  console.log(`Schema:      ${h.schemaVersion} of ${h.appSchemaVersion} (${h.migrations.map((m) => m.name).join(', ')})`);
  console.log(`Rows:        ${Object.entries(h.counts).map(([k, v]) => `${k} ${v}`).join(', ')}`);
  console.log(`Last backup: ${h.lastBackup ? `${h.lastBackup.at} ${h.lastBackup.file}` : 'none yet'}`);
  if (h.integrity !== 'ok') throw new CliError('Integrity check failed.');
}

async function runImport(app: App, values: Values, file: string | undefined): Promise<void> {
  await actAsOwner(app);
  await importCommand(app, (channel, input) => call(app, channel as Channel, input as never) as never, {
    file: String(file),
    kind: String(values.kind),
    sheet: values.sheet as string | undefined,
    mappingFile: values.mapping as string | undefined,
    onDuplicate: values['on-duplicate'] as string | undefined,
    cancellations: values.cancellations as string | undefined,
    amountMultiplier: values['amount-multiplier'] as string | undefined,
    headerRow: values['header-row'] as string | undefined,
    strict: Boolean(values.strict),
    dryRun: Boolean(values['dry-run']),
    json: Boolean(values.json),
  });
}

async function main(argv: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      db: { type: 'string' },
      demo: { type: 'boolean' },
      owner: { type: 'string' },
      'password-stdin': { type: 'boolean' },
      business: { type: 'string' },
      name: { type: 'string' },
      search: { type: 'string' },
      page: { type: 'string' },
      'page-size': { type: 'string' },
      json: { type: 'boolean' },
      kind: { type: 'string' },
      sheet: { type: 'string' },
      mapping: { type: 'string' },
      'on-duplicate': { type: 'string' },
      cancellations: { type: 'string' },
      'amount-multiplier': { type: 'string' },
      'header-row': { type: 'string' },
      strict: { type: 'boolean' },
      'dry-run': { type: 'boolean' },
      'as-of': { type: 'string' },
      method: { type: 'string' },
      'window-months': { type: 'string' },
      'recency-bins': { type: 'string' },
      'frequency-bins': { type: 'string' },
      'monetary-bins': { type: 'string' },
      run: { type: 'string' },
      csv: { type: 'boolean' },
      segment: { type: 'string' },
      channel: { type: 'string' },
      variants: { type: 'string' },
      offer: { type: 'string' },
      language: { type: 'string' },
      out: { type: 'string' },
      format: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      separator: { type: 'string' },
      'date-style': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const command = positionals[0] === 'import' || positionals[0] === 'export' ? positionals[0] : positionals.join(' ');
  if (values.help || !command) {
    console.log(USAGE);
    if (!values.help) throw new CliError('No command given.', 2);
    return;
  }
  // Checked before the database is opened: a typo or a bad path must change nothing.
  const exporting = command === 'export' ? exportArgs(positionals, values) : null;
  const runners: Record<string, (app: App, values: Values) => Promise<void>> = {
    init,
    'customers list': customersList,
    doctor,
    import: (app, v) => runImport(app, v, positionals[1]),
    rfm: async (app, v) => (await actAsOwner(app), rfmRun(app, (channel, input) => call(app, channel as Channel, input as never) as never, v)),
    'rfm scores': async (app, v) => (await actAsOwner(app), rfmScores(app, v)),
    'content generate': async (app, v) => (await actAsOwner(app), contentGenerate((channel, input) => call(app, channel as Channel, input as never) as never, v)),
    export: async (app) => (await actAsOwner(app), exportCommand(app, (channel, input) => call(app, channel as Channel, input as never) as never, exporting as ExportArgs)),
  };
  if (command === 'import') {
    if (!positionals[1] || positionals.length > 2) throw new CliError(`import takes one file.\n${USAGE}`, 2);
    if (!['customers', 'transactions', 'products'].includes(String(values.kind))) throw new CliError(`--kind must be customers, transactions or products.\n${USAGE}`, 2);
    if (values['on-duplicate'] && !['skip', 'update', 'stop'].includes(values['on-duplicate'])) throw new CliError('--on-duplicate must be skip, update or stop.', 2);
  }
  const run = runners[command];
  if (!run) throw new CliError(`Unknown command "${command}".\n${USAGE}`, 2);
  if (command === 'init' && values.owner && !values['password-stdin']) {
    throw new CliError('--owner needs --password-stdin (the password is read from standard input, never from the command line).', 2);
  }
  const dbPath = values.db ?? (process.env.SMA_DB ? defaultDbPath() : undefined);
  if (!dbPath) throw new CliError('Say which database: --db <path> (or set SMA_DB).', 2);
  if (exporting && !existsSync(dbPath)) throw new CliError(`There is no database at ${dbPath}.`);
  const app = await openApp({ dbPath });
  try {
    await run(app, values);
  } finally {
    await app.close();
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof CliError) {
    console.error(error.message);
    process.exit(error.exitCode);
  }
  if (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS')) {
    console.error(`${error.message}\n${USAGE}`);
    process.exit(2);
  }
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
