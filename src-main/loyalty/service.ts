import type { z } from 'zod';
import { AppError } from '../../src-shared/errors';
import type { adjustInput, LedgerRow, loyaltyCustomerOutput, redeemInput } from '../../src-shared/schemas/loyalty';
import type { Ctx } from '../core/context';
import { newId } from '../core/ids';
import { write } from '../core/write';
import { balanceOf, customerEntries } from './entries';
import { nextExpiry, spendable } from './lots';
import { prepared } from './prepared';
import { readLoyaltyRules, shopDay } from './rules';
import { tierFigure, tierFor } from './tier';

type Output = z.output<typeof loyaltyCustomerOutput>;

async function assertCustomer(ctx: Ctx, id: string): Promise<void> {
  const found = await ctx.db.selectFrom('customers').select('id').where('id', '=', id).executeTakeFirst();
  if (!found) throw new AppError('NOT_FOUND', ctx.t('err.notFound', { entity: ctx.t('entity.customer') }), { id });
}

/** The customer page's points: balance (the ledger's sum), what can be spent today, tier, next expiry, a page of the ledger. */
export async function customerLoyalty(ctx: Ctx, input: { id: string; page: number; pageSize: number }): Promise<Output> {
  await assertCustomer(ctx, input.id);
  const rules = readLoyaltyRules(ctx.sqlite);
  const today = shopDay(ctx.sqlite, ctx.clock);
  const entries = customerEntries(ctx.sqlite, input.id);
  const balance = entries.reduce((sum, e) => sum + e.points, 0);
  const free = spendable(entries, today);
  const rows = await ctx.db
    .selectFrom('loyalty_ledger as l')
    .leftJoin('transactions as t', 't.id', 'l.transaction_id')
    .leftJoin('users as u', 'u.id', 'l.created_by')
    .select([
      'l.id',
      'l.kind',
      'l.points',
      'l.day',
      'l.transaction_id as transactionId',
      't.invoice_no as invoiceNo',
      'l.expires_on as expiresOn',
      'l.value',
      'l.reason',
      'u.name as createdBy',
      'l.created_at as createdAt',
    ])
    .where('l.customer_id', '=', input.id)
    .orderBy('l.day', 'desc')
    .orderBy('l.id', 'desc')
    .limit(input.pageSize)
    .offset((input.page - 1) * input.pageSize)
    .execute();
  return {
    enabled: rules.enabled,
    balance,
    spendable: free,
    value: free * rules.redeemValue,
    tier: tierFor(rules, tierFigure(ctx.sqlite, rules, input.id, balance, today)),
    nextExpiry: nextExpiry(entries, today),
    ledger: { rows: rows as LedgerRow[], total: entries.length, page: input.page, pageSize: input.pageSize },
  };
}

/**
 * Redeems points, on a sale of the customer's or on its own. The check and the entry are one
 * write transaction, so two counters redeeming at once never spend the same points. Staff may
 * redeem up to the shop's limit on one sale (or, without a sale, for one customer in a day);
 * owners and managers without one. A sale's discount never exceeds the sale.
 */
export function redeemPoints(ctx: Ctx, input: z.output<typeof redeemInput>): { balance: number; value: number } {
  const rules = readLoyaltyRules(ctx.sqlite);
  if (!rules.enabled) throw new AppError('CONFLICT', ctx.t('loyalty.off'));
  if (ctx.user?.role === 'staff' && input.points > rules.staffRedeemLimit)
    throw new AppError('FORBIDDEN', ctx.t('loyalty.staffLimit', { limit: rules.staffRedeemLimit }));
  const today = shopDay(ctx.sqlite, ctx.clock);
  const value = input.points * rules.redeemValue;
  return write(ctx, (w) => {
    const customer = prepared(ctx.sqlite, 'SELECT id FROM customers WHERE id = ? AND deleted_at IS NULL').get(input.customerId);
    if (!customer) throw new AppError('NOT_FOUND', ctx.t('err.notFound', { entity: ctx.t('entity.customer') }), { id: input.customerId });
    // What was redeemed before on the same sale, or (without one) by the same person for this
    // customer today: staff's limit holds for all of it, not for each call of a split redemption.
    const before = prepared(
      ctx.sqlite,
      input.transactionId !== null
        ? "SELECT coalesce(-sum(points), 0) AS points, coalesce(sum(value), 0) AS value FROM loyalty_ledger WHERE customer_id = ? AND transaction_id = ? AND kind = 'redeem'"
        : "SELECT coalesce(-sum(points), 0) AS points, coalesce(sum(value), 0) AS value FROM loyalty_ledger WHERE customer_id = ? AND day = ? AND created_by IS ? AND transaction_id IS NULL AND kind = 'redeem'",
    ).get(...(input.transactionId !== null ? [input.customerId, input.transactionId] : [input.customerId, today, ctx.userId])) as {
      points: number;
      value: number;
    };
    if (ctx.user?.role === 'staff' && before.points + input.points > rules.staffRedeemLimit) {
      throw new AppError('FORBIDDEN', ctx.t('loyalty.staffLimitUsed', { limit: rules.staffRedeemLimit, used: before.points }));
    }
    if (input.transactionId !== null) {
      const sale = prepared(ctx.sqlite, 'SELECT amount FROM transactions WHERE id = ? AND customer_id = ? AND deleted_at IS NULL').get(
        input.transactionId,
        input.customerId,
      ) as { amount: number } | undefined;
      if (!sale)
        throw new AppError('VALIDATION_ERROR', ctx.t('loyalty.saleNotCustomer'), {
          issues: [{ path: 'transactionId', message: ctx.t('loyalty.saleNotCustomer') }],
        });
      // A discount on a sale is never more than the sale.
      if (before.value + value > sale.amount) {
        const message = ctx.t('loyalty.overSale', { points: Math.max(0, Math.floor((sale.amount - before.value) / rules.redeemValue)) });
        throw new AppError('VALIDATION_ERROR', message, { issues: [{ path: 'points', message }] });
      }
    }
    const free = spendable(customerEntries(ctx.sqlite, input.customerId), today);
    if (input.points > free)
      throw new AppError('VALIDATION_ERROR', ctx.t('loyalty.notEnough', { points: free }), {
        issues: [{ path: 'points', message: ctx.t('loyalty.notEnough', { points: free }) }],
      });
    const id = newId();
    w.local(
      ctx.db.insertInto('loyalty_ledger').values({
        id,
        customer_id: input.customerId,
        kind: 'redeem',
        points: -input.points,
        day: today,
        transaction_id: input.transactionId,
        value,
        created_by: ctx.userId,
        created_at: w.now,
      }),
    );
    w.log({
      action: 'loyalty.redeem',
      entity: 'customers',
      entityId: input.customerId,
      details: { points: input.points, value, transactionId: input.transactionId },
    });
    return { balance: balanceOf(ctx.sqlite, input.customerId), value };
  });
}

/**
 * A correction with its reason, kept in the activity log. Adding opens a lot that expires as an
 * earn would; taking away spends the oldest valid lots and never more than can be spent.
 */
export function adjustPoints(ctx: Ctx, input: z.output<typeof adjustInput>): { balance: number } {
  const rules = readLoyaltyRules(ctx.sqlite);
  const today = shopDay(ctx.sqlite, ctx.clock);
  return write(ctx, (w) => {
    const customer = prepared(ctx.sqlite, 'SELECT id FROM customers WHERE id = ? AND deleted_at IS NULL').get(input.customerId);
    if (!customer) throw new AppError('NOT_FOUND', ctx.t('err.notFound', { entity: ctx.t('entity.customer') }), { id: input.customerId });
    if (input.points < 0) {
      const free = spendable(customerEntries(ctx.sqlite, input.customerId), today);
      if (-input.points > free)
        throw new AppError('VALIDATION_ERROR', ctx.t('loyalty.notEnough', { points: free }), {
          issues: [{ path: 'points', message: ctx.t('loyalty.notEnough', { points: free }) }],
        });
    }
    const expires =
      input.points > 0 && rules.expiryMonths !== null
        ? (prepared(ctx.sqlite, 'SELECT date(?, ?)').pluck().get(today, `+${rules.expiryMonths} months`) as string)
        : null;
    w.local(
      ctx.db.insertInto('loyalty_ledger').values({
        id: newId(),
        customer_id: input.customerId,
        kind: 'adjust',
        points: input.points,
        day: today,
        expires_on: expires,
        reason: input.reason,
        created_by: ctx.userId,
        created_at: w.now,
      }),
    );
    w.log({ action: 'loyalty.adjust', entity: 'customers', entityId: input.customerId, details: { points: input.points, reason: input.reason } });
    return { balance: balanceOf(ctx.sqlite, input.customerId) };
  });
}
