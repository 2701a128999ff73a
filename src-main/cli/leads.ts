/** `leads list` and `leads move`: the leads table and a stage move, through dispatch as the shop's owner. */
import { formatPhone, normalizePhone } from '../../src-shared/format/phone';
import { wholeNumber, type Values } from './args';
import { CliError, table, type Call } from './io';
import { say } from './messages';

export interface ListArgs {
  stage?: string;
  owner?: string;
  overdue: boolean;
  search?: string;
  page: number;
  pageSize: number;
  json: boolean;
}

export function listArgs(values: Values): ListArgs {
  return {
    stage: values.stage,
    owner: values.owner,
    overdue: Boolean(values.overdue),
    search: values.search,
    page: wholeNumber(values, 'page', 1, 1_000_000) ?? 1,
    pageSize: wholeNumber(values, 'page-size', 5, 200) ?? 50, // leads.list's own bounds
    json: Boolean(values.json),
  };
}

export interface MoveArgs {
  lead: string;
  stage: string;
  reason?: string;
}

export function moveArgs(values: Values): MoveArgs {
  if (!values.lead || !values.stage) throw new CliError(say('usage.leadsMove'), 2);
  return { lead: values.lead, stage: values.stage, reason: values.reason };
}

/** A stage by its id or its name, as the board shows it; the ids are listed when none matches. */
async function stageOf(call: Call, text: string) {
  const stages = await call('leads.stages', {});
  const key = text.trim().toLowerCase();
  const stage = stages.find((s) => s.id === text || s.name.toLowerCase() === key);
  if (!stage) throw new CliError(say('err.leadStage', { stage: text, stages: stages.map((s) => s.id).join(', ') }));
  return stage;
}

/** `me`, `none` (unassigned), a username or a user id: what leads.list's owner filter takes. */
async function ownerOf(call: Call, text: string): Promise<string> {
  if (text === 'me' || text === 'none') return text;
  const users = await call('users.list', {});
  const user = users.find((u) => u.id === text || u.username.toLowerCase() === text.trim().toLowerCase());
  if (!user) throw new CliError(say('err.leadOwner', { owner: text, users: users.map((u) => u.username).join(', ') }));
  return user.id;
}

export async function leadsList(call: Call, args: ListArgs): Promise<void> {
  const stageIds = args.stage ? [(await stageOf(call, args.stage)).id] : undefined;
  const owner = args.owner ? await ownerOf(call, args.owner) : undefined;
  const result = await call('leads.list', {
    stageIds,
    owner,
    overdue: args.overdue || undefined,
    search: args.search,
    page: args.page,
    pageSize: args.pageSize,
  });
  if (args.json) {
    console.log(JSON.stringify(result));
    return;
  }
  const [code, name, phone, stage, ownerColumn, value, next] = say('leads.columns').split(',');
  const rows = result.rows.map((r) => ({
    [code]: r.code,
    [name]: r.name,
    [phone]: formatPhone(r.phone),
    [stage]: r.stageName,
    [ownerColumn]: r.ownerName,
    [value]: r.value,
    [next]: r.nextDue ? `${r.nextDue}${r.overdue ? say('leads.overdueMark') : ''}` : '',
  }));
  console.log(table(rows, [code, name, phone, stage, ownerColumn, value, next]));
  console.log(say('leads.count', { shown: result.rows.length, total: result.total }));
}

/** The lead `--lead` names: its id, its code (L-00001), or a phone a live lead has. */
async function leadOf(call: Call, text: string): Promise<string> {
  const given = text.trim();
  if (/^L-\d+$/i.test(given)) {
    const found = (await call('leads.list', { search: given.toUpperCase(), page: 1, pageSize: 5, status: 'all' })).rows.find(
      (r) => r.code === given.toUpperCase(),
    );
    if (found) return found.id;
  } else {
    const phone = /\d{6}/.test(given.replace(/\D/g, '')) ? normalizePhone(given) : null;
    if (phone) {
      const lead = (await call('leads.checkPhone', { phone })).find((m) => m.kind === 'lead');
      if (lead) return lead.id;
    }
    try {
      return (await call('leads.get', { id: given })).lead.id;
    } catch {
      // not an id either: said below
    }
  }
  throw new CliError(say('err.noLead', { lead: text }));
}

export async function leadsMove(call: Call, args: MoveArgs): Promise<void> {
  const id = await leadOf(call, args.lead);
  const stage = await stageOf(call, args.stage);
  const before = (await call('leads.get', { id })).lead;
  // A refusal (going back or to Lost without --reason) comes back as dispatch's own sentence.
  const after = await call('leads.move', { id, stageId: stage.id, reason: args.reason });
  console.log(say('leads.moved', { code: after.code, name: after.name, from: before.stageName, to: after.stageName }));
}
