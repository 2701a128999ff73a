import { sql } from 'kysely';
import { customerCode } from '../../src-shared/codes';
import type { z } from 'zod';
import { AppError } from '../../src-shared/errors';
import { normalizePhone } from '../../src-shared/format/phone';
import type { CustomerRow, DuplicateMatch, customerCreateInput, customerUpdateInput } from '../../src-shared/schemas/customer';
import type { Ctx } from '../core/context';
import { newId } from '../core/ids';
import { write } from '../core/write';
import { customerColumns, customerSummary, toCustomerRow } from './queries';

type CreateInput = z.output<typeof customerCreateInput>;
type UpdateInput = z.output<typeof customerUpdateInput>;

const notFound = (ctx: Ctx) => ctx.t('err.notFound', { entity: ctx.t('entity.customer') });

export async function getCustomer(ctx: Ctx, id: string): Promise<CustomerRow> {
  const row = await ctx.db.selectFrom('customers').select(customerColumns).where('id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', notFound(ctx), { id });
  return toCustomerRow(row);
}

export async function customerDetail(ctx: Ctx, id: string) {
  const [customer, summary] = await Promise.all([getCustomer(ctx, id), customerSummary(ctx, id)]);
  return { customer, summary };
}

/** Customers (deleted ones too, flagged) sharing the phone or email: the same person entered twice. */
export async function findDuplicates(ctx: Ctx, phone: string | null, email: string | null, excludeId?: string): Promise<DuplicateMatch[]> {
  if (!phone && !email) return [];
  let q = ctx.db
    .selectFrom('customers')
    .select(['id', 'code', 'name', 'phone', 'email', 'deleted_at'])
    .where((eb) => eb.or([...(phone ? [eb('phone', '=', phone)] : []), ...(email ? [eb('email', '=', email)] : [])]));
  if (excludeId) q = q.where('id', '!=', excludeId);
  const rows = await q.limit(10).execute();
  return rows.map((r) => ({ id: r.id, code: r.code, name: r.name, field: phone && r.phone === phone ? 'phone' : 'email', deleted: r.deleted_at !== null }));
}

/** The duplicate check the form runs while the user types: raw text, normalised here. */
export function checkDuplicates(ctx: Ctx, input: { phone?: string | null; email?: string | null; excludeId?: string }) {
  const phone = input.phone ? normalizePhone(input.phone) : null;
  const email = input.email?.trim().toLowerCase() || null;
  return findDuplicates(ctx, phone, email, input.excludeId);
}

/** Next automatic code `C000001`: one past the highest automatic code ever used (deleted included). */
export async function nextCustomerCode(ctx: Ctx): Promise<string> {
  const row = await sql<{
    n: number | null;
  }>`SELECT MAX(CAST(SUBSTR(code, 2) AS INTEGER)) AS n FROM customers WHERE code GLOB 'C[0-9][0-9][0-9][0-9][0-9][0-9]*'`.execute(ctx.db);
  return customerCode((row.rows[0]?.n ?? 0) + 1);
}

async function assertNoConflicts(ctx: Ctx, input: CreateInput, excludeId?: string): Promise<void> {
  if (input.code) {
    let q = ctx.db.selectFrom('customers').select('id').where('code', '=', input.code);
    if (excludeId) q = q.where('id', '!=', excludeId);
    if (await q.executeTakeFirst()) throw new AppError('CONFLICT', ctx.t('err.codeTaken', { code: input.code }), { field: 'code' });
  }
  if (input.allowDuplicate) return;
  const duplicates = (await findDuplicates(ctx, input.phone, input.email, excludeId)).filter((d) => !d.deleted);
  if (duplicates.length > 0) {
    const first = duplicates[0];
    throw new AppError(
      'CONFLICT',
      ctx.t('err.duplicateCustomer', { field: ctx.t(first.field === 'phone' ? 'field.phone' : 'field.email'), name: first.name, code: first.code }),
      { duplicates },
    );
  }
}

function columnsOf(input: CreateInput) {
  return {
    name: input.name,
    phone: input.phone,
    email: input.email,
    address: input.address,
    city: input.city,
    tags: JSON.stringify(input.tags),
    notes: input.notes,
    source: input.source,
  };
}

export async function createCustomer(ctx: Ctx, input: CreateInput): Promise<CustomerRow> {
  await assertNoConflicts(ctx, input);
  const id = newId();
  const code = input.code ?? (await nextCustomerCode(ctx));
  write(ctx, (w) => {
    w.insert('customers', { id, code, ...columnsOf(input), deleted_at: null });
    w.log({
      action: 'customers.create',
      entity: 'customers',
      entityId: id,
      details: { code, name: input.name, duplicateAccepted: input.allowDuplicate || undefined },
    });
  });
  return getCustomer(ctx, id);
}

export async function updateCustomer(ctx: Ctx, input: UpdateInput): Promise<CustomerRow> {
  const before = await getCustomer(ctx, input.id);
  await assertNoConflicts(ctx, input, input.id);
  write(ctx, (w) => {
    w.update('customers', input.id, { code: input.code ?? before.code, ...columnsOf(input) }, notFound(ctx));
    w.log({ action: 'customers.update', entity: 'customers', entityId: input.id, details: { code: input.code ?? before.code } });
  });
  return getCustomer(ctx, input.id);
}

export function setCustomerDeleted(ctx: Ctx, id: string, deleted: boolean): void {
  write(ctx, (w) => {
    if (w.setDeleted('customers', id, deleted, notFound(ctx)))
      w.log({ action: deleted ? 'customers.delete' : 'customers.restore', entity: 'customers', entityId: id });
  });
}
