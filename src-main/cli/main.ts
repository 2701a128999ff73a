import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, resolve } from 'node:path';
import type { ChannelOutput } from '../../src-shared/contract';
import { formatPhone } from '../../src-shared/format/phone';
import type { Language } from '../../src-shared/schemas/auth';
import { DatabaseDamagedError, openApp, type App } from '../app';
import { loginAs } from '../auth/service';
import { backupsDir } from '../db/backup';
import { defaultDbPath } from '../paths';
import { firstOwnerQuery } from '../users/service';
import { wholeNumber, type Command, type Parsed, type Values } from './args';
import { contentArgs, contentGenerate } from './content';
import { exportArgs, exportCommand } from './export';
import { importArgs, importCommand } from './import';
import { funnelArgs, leadsForecast, leadsFunnel } from './leads-reports';
import { leadsList, leadsMove, listArgs, moveArgs } from './leads';
import { CliError, readStdin, table, type Call } from './io';
import { cliLanguage, languageFromEnv, say, setCliLanguage } from './messages';
import { restoreArgs, restoreCommand, restoreOverDamaged } from './restore';
import { rfmArgs, rfmRun, rfmScores, scoresArgs } from './rfm';
import { clvFitArgs, clvFitCommand, clvScoresArgs, clvScoresCommand } from './clv';
import { syncEnrolArgs, syncEnrolCommand, syncPushCommand, syncRestoreCommand, syncStatusCommand } from './sync';

const CLIENT = 'cli';

/** Every call answers in the run's language, whoever is logged in: one language per run. */
function caller(app: App): Call {
  return async (channel, input) => {
    const result = await app.call(channel, input, { clientId: CLIENT, language: cliLanguage(), keepLanguage: true });
    if (!result.ok) throw new CliError(result.error.message);
    return result.data as ChannelOutput<typeof channel>;
  };
}

type Runner = (app: App, call: Call) => Promise<void>;

function init(values: Values): Runner {
  if (values.owner && !values['password-stdin']) throw new CliError(say('usage.ownerStdin'), 2);
  return async (app, call) => {
    const status = await call('app.status', {});
    if (values.demo) {
      if (status.setupDone) throw new CliError(say('err.hasShop'));
      const demo = await call('setup.openDemo', {});
      console.log(say('init.demo', { customers: demo.customers, transactions: demo.transactions, username: demo.user.username, password: demo.password }));
      // Opening the demo runs its first RFM analysis, so `rfm scores` works straight after.
      const [analysis] = (await call('rfm.runs', { page: 1, pageSize: 5 })).rows;
      console.log(say('init.rfm', { customers: analysis?.customers ?? 0 }));
      return;
    }
    if (values.owner) {
      const password = (await readStdin()).replace(/\r?\n$/, '');
      const owner = values.owner;
      // The owner speaks the language the shop was set up in: SMA_LANG, else Indonesian.
      await call('setup.create', {
        owner: { name: values.name ?? owner, username: owner, password },
        business: { name: values.business ?? 'Toko Saya' },
        language: languageFromEnv() ?? 'id',
      });
      console.log(say('init.owner', { owner }));
      return;
    }
    console.log(say(status.setupDone ? 'init.ready' : 'init.created'));
  };
}

function customersList(values: Values): Runner {
  const page = wholeNumber(values, 'page', 1, 1_000_000) ?? 1;
  const pageSize = wholeNumber(values, 'page-size', 5, 200) ?? 50; // the lists' own bounds
  return async (_app, call) => {
    const result = await call('customers.list', { search: values.search, page, pageSize });
    if (values.json) {
      console.log(JSON.stringify(result));
      return;
    }
    const [code, name, phone, email, city] = say('customers.columns').split(',');
    console.log(
      table(
        result.rows.map((r) => ({ [code]: r.code, [name]: r.name, [phone]: formatPhone(r.phone), [email]: r.email, [city]: r.city })),
        [code, name, phone, email, city],
      ),
    );
    console.log(say('customers.count', { shown: result.rows.length, total: result.total }));
  };
}

function doctor(values: Values): Runner {
  return async (_app, call) => {
    const h = await call('health.get', {});
    if (values.json) {
      console.log(JSON.stringify(h));
      return;
    }
    const counts = Object.entries(h.counts).map(([k, v]) => `${say(`table.${k}` as Parameters<typeof say>[0])} ${v}`);
    console.log(
      say('doctor.database', {
        path: h.dbPath,
        mb: (h.dbSizeBytes / 1024 / 1024).toFixed(1),
        journal: h.journalMode,
        fk: say(h.foreignKeys ? 'doctor.on' : 'doctor.off'),
      }),
    );
    console.log(say('doctor.integrity', { integrity: h.integrity }));
    console.log(say('doctor.schema', { version: h.schemaVersion, appVersion: h.appSchemaVersion, names: h.migrations.map((m) => m.name).join(', ') }));
    console.log(say('doctor.rows', { counts: counts.join(', ') }));
    console.log(say('doctor.backup', { backup: h.lastBackup ? `${h.lastBackup.at} ${h.lastBackup.file}` : say('doctor.noBackup') }));
    if (h.integrity !== 'ok') throw new CliError(say('err.integrity'));
  };
}

/** What each command needs, checked before the database is opened: a typo must change nothing. */
function prepare(command: Command, { values, positionals }: Parsed): Runner {
  switch (command) {
    case 'init':
      return init(values);
    case 'customers list':
      return customersList(values);
    case 'doctor':
      return doctor(values);
    case 'import': {
      const args = importArgs(positionals, values);
      return (_app, call) => importCommand(call, args);
    }
    case 'rfm': {
      const args = rfmArgs(values);
      return (_app, call) => rfmRun(call, args);
    }
    case 'rfm scores': {
      const args = scoresArgs(values);
      return (app) => rfmScores(app, args);
    }
    case 'clv fit': {
      const args = clvFitArgs(values);
      return (_app, call) => clvFitCommand(call, args);
    }
    case 'clv scores':
      clvScoresArgs(values);
      return (app) => clvScoresCommand(app);
    case 'content generate': {
      const args = contentArgs(values);
      return (_app, call) => contentGenerate(call, args);
    }
    case 'export': {
      const args = exportArgs(positionals, values);
      return (app, call) => exportCommand(app, call, args);
    }
    case 'sync enrol': {
      const args = syncEnrolArgs(values);
      return (app) => syncEnrolCommand(app, args);
    }
    case 'sync restore': {
      const args = syncEnrolArgs(values);
      return (app) => syncRestoreCommand(app, args);
    }
    case 'leads funnel': {
      const args = funnelArgs(values);
      return (_app, call) => leadsFunnel(call, args);
    }
    case 'leads forecast':
      return (app, call) => leadsForecast(app, call, Boolean(values.json));
    case 'leads list': {
      const args = listArgs(values);
      return (_app, call) => leadsList(call, args);
    }
    case 'leads move': {
      const args = moveArgs(values);
      return (_app, call) => leadsMove(call, args);
    }
    case 'sync push':
      return (app) => syncPushCommand(app, Boolean(values.json));
    case 'sync status':
      return (app) => syncStatusCommand(app, Boolean(values.json));
    case 'restore': {
      const args = restoreArgs(values);
      return (app, call) => restoreCommand(app, call, app.services.dbPath, args);
    }
  }
}

/** The shop's first active owner: the CLI acts as them, so its changes carry a name in the activity log. */
async function firstOwner(app: App): Promise<{ id: string; language: Language } | undefined> {
  return firstOwnerQuery(app.services.db).executeTakeFirst();
}

async function actAsOwner(app: App): Promise<void> {
  const owner = await firstOwner(app);
  if (!owner) throw new CliError(say('err.notSetUp'));
  await loginAs(app.services, CLIENT, owner.id);
}

/** Refuses a `--db` that is not there (but for `init`), before anything is created. */
function databasePath(command: Command, values: Values): string {
  const given = values.db ?? (process.env.SMA_DB ? defaultDbPath() : undefined);
  if (!given) throw new CliError(say('usage.noDb'), 2);
  const path = resolve(given);
  if (existsSync(path)) {
    if (statSync(path).isDirectory()) throw new CliError(say('err.dbIsFolder', { path }));
    return path;
  }
  if (command !== 'init') throw new CliError(say('err.noDatabase', { path }));
  if (!existsSync(dirname(path))) throw new CliError(say('err.noFolder', { path, folder: dirname(path) }));
  return path;
}

async function open(dbPath: string, autoBackup: boolean): Promise<App> {
  try {
    return await openApp({ dbPath, autoBackup });
  } catch (error) {
    throw plainOpenError(error, dbPath);
  }
}

/** Why the database could not be opened, as one line naming what to do. */
function plainOpenError(error: unknown, dbPath: string): unknown {
  if (error instanceof DatabaseDamagedError) {
    const newest = error.newestBackup;
    return new CliError(
      say('err.damaged', {
        backup: newest ? say('err.damagedNewest', { db: dbPath, name: basename(newest.file) }) : say('err.damagedNoBackup', { folder: backupsDir(dbPath) }),
      }),
    );
  }
  return error;
}

/**
 * Uploads and generated files wait in a private temporary folder, not in `staging/` beside the
 * database (which may sit in a git checkout); it goes when the command ends, even on Ctrl-C.
 */
function privateStaging(): () => void {
  const dir = mkdtempSync(resolve(tmpdir(), 'sma-cli-'));
  process.env.SMA_STAGING_DIR = dir;
  const remove = () => rmSync(dir, { recursive: true, force: true });
  const interrupted = (signal: NodeJS.Signals) => {
    remove();
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);
  return () => {
    remove();
    process.off('SIGINT', interrupted);
    process.off('SIGTERM', interrupted);
  };
}

async function run(command: Command, parsed: Parsed): Promise<void> {
  const runner = prepare(command, parsed);
  const dbPath = databasePath(command, parsed.values);
  const cleanUp = privateStaging();
  try {
    // As the app does at start: the day's backup, taken before the import writes anything.
    const autoBackup = command === 'import' && !parsed.values['dry-run'];
    let app: App;
    try {
      app = await openApp({ dbPath, autoBackup });
    } catch (error) {
      // A file that cannot be opened at all can still be replaced by one of its backups.
      if (command === 'restore' && error instanceof DatabaseDamagedError) {
        return await restoreOverDamaged(
          dbPath,
          restoreArgs(parsed.values),
          () => open(dbPath, false),
          async (opened) => (await firstOwner(opened))?.id ?? null,
        );
      }
      throw plainOpenError(error, dbPath);
    }
    try {
      const owner = await firstOwner(app);
      setCliLanguage(languageFromEnv() ?? owner?.language ?? 'en');
      if (command !== 'init') await actAsOwner(app);
      await runner(app, caller(app));
    } finally {
      await app.close();
    }
  } finally {
    cleanUp();
  }
}

/** Runs one command; prints a user error as one line. Returns the exit code. */
export async function runCommand(command: Command, parsed: Parsed): Promise<number> {
  setCliLanguage(languageFromEnv() ?? 'en'); // until the shop says otherwise
  try {
    await run(command, parsed);
    return 0;
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    return error instanceof CliError ? error.exitCode : 1;
  }
}
