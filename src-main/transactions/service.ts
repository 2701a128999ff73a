import type { z } from 'zod';
import { AppError } from '../../src-shared/errors';
import { transactionAmount, type TransactionRow, type transactionCreateInput, type transactionUpdateInput } from '../../src-shared/schemas/transaction';
import type { Ctx } from '../core/context';
import { newId } from '../core/ids';
import { sql } from 'kysely';
import { write } from '../core/write';
import { earnSales, reEarnSale, reverseSales } from '../loyalty/earn';
import { readLoyaltyRules, shopDay } from '../loyalty/rules';
import { findTransaction } from './queries';

type CreateInput = z.output<typeof transactionCreateInput>;
type UpdateInput = z.output<typeof transactionUpdateInput>;

const notFound = (ctx: Ctx) => ctx.t('err.notFound', { entity: ctx.t('entity.transaction') });

export async function getTransaction(ctx: Ctx, id: string): Promise<TransactionRow> {
  const row = await findTransaction(ctx, id);
  if (!row) throw new AppError('NOT_FOUND', notFound(ctx), { id });
  return row;
}

async function assertCustomerUsable(ctx: Ctx, customerId: string): Promise<void> {
  const customer = await ctx.db.selectFrom('customers').select(['id', 'deleted_at']).where('id', '=', customerId).executeTakeFirst();
  if (!customer)
    throw new AppError('VALIDATION_ERROR', ctx.t('err.notFound', { entity: ctx.t('entity.customer') }), {
      issues: [{ path: 'customer_id', message: ctx.t('err.notFound', { entity: ctx.t('entity.customer') }) }],
    });
  if (customer.deleted_at)
    throw new AppError('VALIDATION_ERROR', ctx.t('err.customerDeleted'), { issues: [{ path: 'customer_id', message: ctx.t('err.customerDeleted') }] });
}

function columnsOf(input: CreateInput) {
  return {
    customer_id: input.customer_id,
    transaction_date: input.transaction_date,
    amount: transactionAmount(input.items, input.amount),
    items: JSON.stringify(input.items),
    channel: input.channel,
    campaign_code: input.campaign_code,
    invoice_no: input.invoice_no,
    notes: input.notes,
  };
}

export async function createTransaction(ctx: Ctx, input: CreateInput): Promise<TransactionRow> {
  await assertCustomerUsable(ctx, input.customer_id);
  const id = newId();
  const values = columnsOf(input);
  write(ctx, (w) => {
    w.insert('transactions', { id, ...values, deleted_at: null });
    earnSales(w, ctx.sqlite, readLoyaltyRules(ctx.sqlite), sql<boolean>`t.id = ${id}`, ctx.userId);
    w.log({
      action: 'transactions.create',
      entity: 'transactions',
      entityId: id,
      details: { customerId: input.customer_id, amount: values.amount, date: input.transaction_date },
    });
  });
  return getTransaction(ctx, id);
}

/** What a sale earns points by: a change to any of these earns it again (loyalty/earn.ts reEarnSale). */
const earnsBy = (row: { customer_id: string; amount: number; channel: string | null; transaction_date: string }) =>
  [row.customer_id, row.amount, row.channel ?? 'offline', row.transaction_date].join('|');

export async function updateTransaction(ctx: Ctx, input: UpdateInput): Promise<TransactionRow> {
  const before = await getTransaction(ctx, input.id);
  await assertCustomerUsable(ctx, input.customer_id);
  const values = columnsOf(input);
  write(ctx, (w) => {
    w.update('transactions', input.id, values, notFound(ctx));
    // A corrected sale earns by what it is now; the points of its old customer or amount go back.
    if (!before.deleted_at && earnsBy(before) !== earnsBy(values))
      reEarnSale(w, ctx.sqlite, readLoyaltyRules(ctx.sqlite), input.id, shopDay(ctx.sqlite, ctx.clock), ctx.t('loyalty.saleChanged'), ctx.userId);
    w.log({ action: 'transactions.update', entity: 'transactions', entityId: input.id, details: { amount: values.amount, date: input.transaction_date } });
  });
  return getTransaction(ctx, input.id);
}

export function setTransactionDeleted(ctx: Ctx, id: string, deleted: boolean): void {
  write(ctx, (w) => {
    if (!w.setDeleted('transactions', id, deleted, notFound(ctx))) return;
    w.log({ action: deleted ? 'transactions.delete' : 'transactions.restore', entity: 'transactions', entityId: id });
    // A deleted sale's points go back; restored, it earns again as it is now (its earn replaces the reversed one).
    if (deleted) reverseSales(w, ctx.sqlite, sql<boolean>`t.id = ${id}`, shopDay(ctx.sqlite, ctx.clock), ctx.t('loyalty.saleDeleted'), ctx.userId);
    else reEarnSale(w, ctx.sqlite, readLoyaltyRules(ctx.sqlite), id, shopDay(ctx.sqlite, ctx.clock), ctx.t('loyalty.saleRestored'), ctx.userId);
  });
}
