import { formatDateTime } from '../../src-shared/format/date';
import { formatRupiah } from '../../src-shared/format/money';
import { recordAudit } from '../admin/audit';
import { createBusiness } from '../admin/businesses';
import { issueEnrolCode } from '../admin/enrol-codes';
import { allBusinessFigures, businessFigures, type BusinessFigures } from '../admin/figures';
import type { CloudDb } from '../db/connect';
import { CloudError } from '../server/errors';
// The app's own CLI conventions: a user error exits 1 with one line, bad usage exits 2.
import { CliError, table } from '../../src-main/cli/io';

export interface Output {
  json: boolean;
  print(line: string): void;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Checked before any query: a malformed id names no business, like an unknown one. */
function businessId(id: string): string {
  if (!UUID.test(id)) throw new CliError(`No business ${id}`);
  return id.toLowerCase();
}

export async function businessCreate(
  db: CloudDb,
  out: Output,
  input: { name: string; city?: string; owner?: string; phone?: string },
  now: Date,
): Promise<void> {
  const name = input.name.trim();
  if (!name) throw new CliError('--name: the business needs a name, e.g. --name "Toko Sari"', 2);
  if (name.length > 200) throw new CliError('--name: at most 200 characters', 2);
  const city = input.city?.trim() || null;
  const { id } = await createBusiness(db, { name, city, ownerName: input.owner?.trim() || null, phone: input.phone?.trim() || null }, now);
  await recordAudit(db, { adminId: null, action: 'business.create', businessId: id, details: { name, city, via: 'cli' }, ip: null }, now);
  out.print(out.json ? JSON.stringify({ id }) : `Business "${name}" created: ${id}\nNext: npm run cloud-admin -- enrol-code --business ${id}`);
}

export async function enrolCode(db: CloudDb, out: Output, id: string, now: Date): Promise<void> {
  const business = businessId(id);
  let issued: { code: string; expiresAt: string };
  try {
    issued = await issueEnrolCode(db, business, null, now);
  } catch (error) {
    if (error instanceof CloudError && error.code === 'NOT_FOUND') throw new CliError(`No business ${id}`);
    if (error instanceof CloudError) throw new CliError(error.message);
    throw error;
  }
  // As the console records it (never the code itself); no admin signed in: the shell's operator.
  await recordAudit(
    db,
    { adminId: null, action: 'enrol_code.issue', businessId: business, details: { expiresAt: issued.expiresAt, via: 'cli' }, ip: null },
    now,
  );
  out.print(
    out.json
      ? JSON.stringify(issued)
      : `Enrolment code: ${issued.code}\nValid until ${formatDateTime(issued.expiresAt)} (Asia/Jakarta), once: type it into the shop's app to connect it.`,
  );
}

export async function businessShow(db: CloudDb, out: Output, id: string, now: Date): Promise<void> {
  const figures = await businessFigures(db, businessId(id), now);
  if (!figures) throw new CliError(`No business ${id}`);
  out.print(out.json ? JSON.stringify(figures) : describe(figures));
}

export async function businessList(db: CloudDb, out: Output, now: Date): Promise<void> {
  const all = await allBusinessFigures(db, now);
  if (out.json) {
    out.print(JSON.stringify(all));
    return;
  }
  if (all.length === 0) {
    out.print('No businesses yet: npm run cloud-admin -- business create --name "Toko Sari"');
    return;
  }
  out.print(
    table(
      all.map((b) => ({
        ID: b.id,
        Name: b.name,
        City: b.city,
        Status: b.status,
        Devices: b.devices.filter((d) => !d.revokedAt).length,
        Customers: b.customers,
        Transactions: b.transactions,
        Revenue: formatRupiah(b.revenue),
        'Last sync': when(b.lastSyncAt),
      })),
      ['ID', 'Name', 'City', 'Status', 'Devices', 'Customers', 'Transactions', 'Revenue', 'Last sync'],
    ),
  );
  out.print(`${all.length} ${all.length === 1 ? 'business' : 'businesses'}`);
}

const when = (instant: string | null) => (instant ? formatDateTime(instant) : 'never');

function describe(b: BusinessFigures): string {
  const lines = [
    `${b.name} (${b.id})`,
    `City: ${b.city ?? '-'}   Owner: ${b.ownerName ?? '-'}   Status: ${b.status}`,
    `Customers: ${b.customers}   Transactions: ${b.transactions}   Revenue: ${formatRupiah(b.revenue)}`,
    `This month: ${formatRupiah(b.revenueThisMonth)}   Last month: ${formatRupiah(b.revenueLastMonth)}`,
    `Last sync: ${when(b.lastSyncAt)}   Pending ops: ${b.pendingOps}`,
    `Segments: ${b.segments ? b.segments.map((s) => `${s.segment} ${s.customers}`).join(', ') : 'no RFM run synced yet'}`,
    '',
  ];
  if (b.devices.length === 0) lines.push('No devices enrolled.');
  else
    lines.push(
      table(
        b.devices.map((d) => ({
          Device: d.id,
          Name: d.name,
          'Last seen': when(d.lastSeenAt),
          'Last seq': d.lastSeq,
          Pending: d.pending,
          App: d.appVersion,
          Revoked: d.revokedAt ? when(d.revokedAt) : '',
        })),
        ['Device', 'Name', 'Last seen', 'Last seq', 'Pending', 'App', 'Revoked'],
      ),
    );
  return lines.join('\n');
}
