/**
 * The activity log in words: a sentence per entry ("Sari mengekspor 503 pelanggan ke Excel"), a
 * name per kind of action for the filter, and the entry's details as labelled fields. The audit
 * page and the activity-log export both read it, so the screen and the file say the same. The
 * words are the `activity` namespace of the main side's i18next (`id/activity.ts`,
 * `id/activityFields.ts` and their `en/` twins); what is here is how an entry fills them.
 */
import { AUDIT_ACTIONS, isAuditAction, type AuditAction } from '../audit/actions';
import { formatDate } from '../format/date';
import { formatRupiah } from '../format/money';
import type { Language } from '../schemas/auth';
import type { CatalogueKey } from './catalogues';
import { contentChannelLabel } from './channels';
import { hasKey, placeholders, say, type Vars } from './instance';
import { segmentLabel } from './segments';

/** What an entry holds, as the audit list and the export read it. */
export interface ActivityEntry {
  user_name: string | null;
  action: string;
  entity?: string | null;
  details: Record<string, unknown> | null;
}

export interface ActivityField {
  key: string;
  label: string;
  value: string;
}

type Key = CatalogueKey<'activity'>;

const text = (key: Key, language: Language, vars?: Vars) => say('activity', key, language, vars);
/** A key made from stored data (a field, a setting, a job's kind): its words, if the catalogue has them. */
const known = (key: string, language: Language) => (hasKey('activity', key) ? text(key as Key, language) : undefined);
// Typed over the action list: an action without its name or sentence in the catalogue does not compile.
const nameKey = (action: AuditAction): Key => `name.${action}`;
const sayKey = (action: AuditAction): Key => `say.${action}`;

/** The facts a sentence is made of, already in the reader's language. */
interface Facts {
  /** Who did it: the user's name, or "Sistem" for what the app did on its own (as the audit page's user column says). */
  who: string;
  /** Whether the entry names a user (a failed sign-in does when the username exists). */
  known: boolean;
  /** A number from the details, as the language writes it (1.204 / 1,204); `?` when missing. */
  n(key: string): string;
  count(key: string): number;
  /** A text from the details, or '' */
  s(key: string): string;
  d: Record<string, unknown>;
  language: Language;
}

const FORMAT_NAME: Record<string, string> = { xlsx: 'Excel', csv: 'CSV' };

/** The kinds an import's entry names, as the reports that hold the same rows. */
const IMPORT_KINDS = new Set(['customers', 'transactions', 'products', 'leads']);

/** Details that are counts: missing, they read `?` rather than nothing. */
const COUNTS = new Set(['customers', 'transactions', 'waitSeconds', 'recipients', 'points', 'failures', 'imported', 'rows']);

function segmentOf(f: Facts): string | null {
  const report = f.s('report');
  if (!report.startsWith('segment:')) return null;
  const segment = report.slice('segment:'.length);
  return segmentLabel(segment, f.language);
}

function reportRows(f: Facts): string {
  const segment = segmentOf(f);
  if (segment !== null) return text('rows.segment', f.language, { n: f.n('rows'), name: segment });
  const report = f.s('report');
  return text(hasKey('activity', `rows.${report}`) ? (`rows.${report}` as Key) : 'rows.other', f.language, { n: f.n('rows') });
}

function reportWhat(f: Facts): string {
  const segment = segmentOf(f);
  if (segment !== null) return text('what.segment', f.language, { name: segment });
  return known(`what.${f.s('report')}`, f.language) ?? text('what.other', f.language);
}

function importCounts(f: Facts): string {
  const parts = (['transactions', 'customers', 'products'] as const)
    .filter((key) => f.count(key) > 0)
    .map((key) => text(`undo.${key}`, f.language, { n: f.n(key) }));
  return parts.length === 0 ? '' : text('undo.removed', f.language, { parts: parts.join(', ') });
}

const roleName = (role: string, language: Language) =>
  hasKey('messages', `role.${role}`) ? say('messages', `role.${role}` as CatalogueKey<'messages'>, language) : role;
const settingName = (key: string, language: Language) => known(`setting.${key}`, language) ?? key;

/** The pieces a sentence names besides the entry's own details, each put together in the language. */
const PIECES: Record<string, (f: Facts) => string> = {
  who: (f) => f.who,
  attempt: (f) => (f.d.failures === undefined ? '' : text('attempt', f.language, { failures: f.n('failures') })),
  loginFailure: (f) => text(f.known ? 'login.wrongPassword' : 'login.unknownUser', f.language),
  roleName: (f) => roleName(f.s('role'), f.language),
  userChanges: (f) => `${f.d.active === false ? text('users.disabled', f.language) : ''}${f.d.passwordReset ? text('users.passwordReset', f.language) : ''}`,
  settingNames: (f) =>
    Object.keys(f.d)
      .map((key) => settingName(key, f.language))
      .join(', '),
  named: (f) => [f.s('name'), f.s('code') && `(${f.s('code')})`].filter(Boolean).join(' '),
  money: (f) => (typeof f.d.amount === 'number' ? formatRupiah(f.d.amount) : ''),
  day: (f) => formatDate(f.s('date')),
  // "1.204 transaksi" / "1,204 transactions" / "1 customer"
  importedRows: (f) => text(IMPORT_KINDS.has(f.s('kind')) ? (`rows.${f.s('kind')}` as Key) : 'rows.other', f.language, { n: f.n('imported') }),
  removedAgain: importCounts,
  reportRows,
  reportWhat,
  formatName: (f) => FORMAT_NAME[f.s('format')] ?? f.s('format').toUpperCase(),
  asOfNote: (f) => (f.s('asOf') ? text('rfm.asOf', f.language, { date: formatDate(f.s('asOf')) }) : ''),
  channelName: (f) => contentChannelLabel(f.s('channel'), f.language),
  reasonNote: (f) => (f.s('reason') ? text('leads.reason', f.language, { reason: f.s('reason') }) : ''),
  newCustomer: (f) => (f.d.created ? text('leads.newCustomer', f.language) : ''),
  doneNote: (f) => (f.d.done === true ? text('activities.done', f.language) : ''),
  jobName: (f) => known(`job.${f.s('kind')}`, f.language) ?? text('job.unknown', f.language),
  valueMoney: (f) => formatRupiah(f.count('value')),
  signedPoints: (f) => `${f.count('points') > 0 ? '+' : ''}${f.n('points')}`,
};

/** A sentence's placeholders filled: a piece by its name, else the detail of that name. */
function sentence(key: Key, f: Facts): string {
  const vars: Vars = {};
  for (const name of placeholders('activity', key, f.language)) {
    const piece = PIECES[name];
    vars[name] = piece ? piece(f) : COUNTS.has(name) ? f.n(name) : f.s(name);
  }
  return text(key, f.language, vars).trimEnd();
}

const HIDDEN_FIELDS = new Set(['customerId', 'campaignId']);

const numberFormat = (language: Language) => new Intl.NumberFormat(language === 'id' ? 'id-ID' : 'en-US');

/** `rfmWindowMonths` → "Rfm window months": a readable label for a field this version does not know. */
function wordsOfKey(key: string): string {
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[._-]+/g, ' ')
    .toLowerCase()
    .trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function valueText(value: unknown, language: Language): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return text(value ? 'yes' : 'no', language);
  if (typeof value === 'number') return numberFormat(language).format(value);
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map((v) => valueText(v, language)).join(', ');
  if (typeof value === 'object') {
    const o = value as Record<string, unknown>;
    // A changed setting: { from, to }.
    if ('from' in o && 'to' in o && Object.keys(o).length === 2) return `${valueText(o.from, language)} → ${valueText(o.to, language)}`;
    return Object.entries(o)
      .map(([k, v]) => `${wordsOfKey(k)}: ${valueText(v, language)}`)
      .join('; ');
  }
  return String(value);
}

function factsOf(entry: ActivityEntry, language: Language): Facts {
  const d = entry.details ?? {};
  const numbers = numberFormat(language);
  return {
    who: entry.user_name ?? text('system', language),
    known: entry.user_name !== null,
    d,
    language,
    n: (key) => (typeof d[key] === 'number' ? numbers.format(d[key]) : '?'),
    count: (key) => (typeof d[key] === 'number' ? d[key] : 0),
    s: (key) => (d[key] === null || d[key] === undefined ? '' : String(d[key])),
  };
}

/** The entry as one sentence; an action this version does not know still reads as words. */
export function activitySentence(entry: ActivityEntry, language: Language): string {
  const f = factsOf(entry, language);
  if (!isAuditAction(entry.action)) return text('other', language, { who: f.who, action: wordsOfKey(entry.action) });
  // Someone else's job reads "Sari stopped Budi's import"; one's own, "Sari stopped an import".
  const others = entry.action === 'job.cancel' && f.s('ownerName') !== '' && f.s('ownerName') !== f.who;
  return sentence(others ? 'say.job.cancelOther' : sayKey(entry.action), f);
}

/** The kind of action by name, for the filter and the export's column. */
export function actionName(action: string, language: Language): string {
  return isAuditAction(action) ? text(nameKey(action), language) : wordsOfKey(action);
}

/** The details as labelled fields ("Baris: 503"), ids left out: what "Rincian" opens. */
export function activityFields(entry: ActivityEntry, language: Language): ActivityField[] {
  const d = entry.details ?? {};
  const fields: ActivityField[] = [];
  for (const [key, value] of Object.entries(d)) {
    if (HIDDEN_FIELDS.has(key) || value === undefined) continue;
    if (key === 'owner' && entry.action === 'job.cancel') continue; // a user id; `ownerName` says who
    let shown: string;
    if (key === 'format' && typeof value === 'string') shown = FORMAT_NAME[value] ?? value;
    else if (key === 'report' && typeof value === 'string') shown = reportWhat(factsOf(entry, language));
    else if (key === 'bytes' && typeof value === 'number') shown = `${numberFormat(language).format(Math.round(value / 1024))} KB`;
    else if (key === 'role' && typeof value === 'string') shown = roleName(value, language);
    else if (key === 'channel' && typeof value === 'string') shown = contentChannelLabel(value, language);
    else if (key === 'kind' && typeof value === 'string')
      shown = known(`job.${value}`, language) ?? (IMPORT_KINDS.has(value) ? known(`what.${value}`, language) : undefined) ?? value;
    else if (key === 'amount' && typeof value === 'number') shown = formatRupiah(value);
    else if ((key === 'date' || key === 'asOf') && typeof value === 'string') shown = formatDate(value);
    else if (entry.action === 'settings.update') {
      fields.push({ key, label: known(`setting.${key}`, language) ?? wordsOfKey(key), value: valueText(value, language) });
      continue;
    } else shown = valueText(value, language);
    fields.push({ key, label: known(`field.${key}`, language) ?? wordsOfKey(key), value: shown });
  }
  return fields;
}

/** Every action with its name in the language, for the filter: ordered as the log's areas are. */
export function actionOptions(language: Language): { value: AuditAction; label: string }[] {
  return AUDIT_ACTIONS.map((action) => ({ value: action, label: text(nameKey(action), language) }));
}
