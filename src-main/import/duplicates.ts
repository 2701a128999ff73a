import { AppError } from '../../src-shared/errors';
import type { PossibleDuplicate } from '../../src-shared/schemas/import';
import type { Ctx } from '../core/context';
import { write } from '../core/write';

/**
 * A marketplace buyer (a customer with a channel identity, made by an order export's import) who
 * may be a customer the shop already had: the same real phone, or the same name in the same city.
 * Never merged by the import (a recipient's name is no proof): the owner links them from this list.
 */
export function possibleDuplicates(ctx: Ctx): PossibleDuplicate[] {
  type Row = {
    mId: string;
    mCode: string;
    mName: string;
    identity: string;
    mCity: string | null;
    sId: string;
    sCode: string;
    sName: string;
    sPhone: string | null;
    sCity: string | null;
    byPhone: number;
  };
  const rows = ctx.sqlite
    .prepare(
      `SELECT m.id AS mId, m.code AS mCode, m.name AS mName, m.channel_identity AS identity, m.city AS mCity,
              s.id AS sId, s.code AS sCode, s.name AS sName, s.phone AS sPhone, s.city AS sCity,
              (m.phone IS NOT NULL AND m.phone = s.phone) AS byPhone
         FROM customers m
         JOIN customers s ON s.id != m.id AND s.deleted_at IS NULL AND s.channel_identity IS NULL
          AND ((m.phone IS NOT NULL AND s.phone = m.phone)
           OR (m.city IS NOT NULL AND lower(s.name) = lower(m.name) AND lower(trim(s.city)) = lower(trim(m.city))))
        WHERE m.channel_identity IS NOT NULL AND m.deleted_at IS NULL
        ORDER BY m.name, s.name
        LIMIT 500`,
    )
    .all() as Row[];
  return rows.map((r) => ({
    marketplace: { id: r.mId, code: r.mCode, name: r.mName, identity: r.identity, city: r.mCity },
    shop: { id: r.sId, code: r.sCode, name: r.sName, phone: r.sPhone, city: r.sCity },
    reason: r.byPhone ? 'phone' : 'nameCity',
  }));
}

/**
 * The owner's answer "the same person": the marketplace buyer's sales move to the shop's customer,
 * who takes the buyer's channel identity (later exports find them), and the buyer's own record is
 * deleted (restorable, as any deleted customer). One transaction, logged.
 */
export function linkDuplicate(ctx: Ctx, marketplaceId: string, shopId: string): { transactions: number } {
  const notFound = ctx.t('err.notFound', { entity: ctx.t('entity.customer') });
  type Customer = { id: string; code: string; channel_identity: string | null; deleted_at: string | null };
  const get = (id: string) => ctx.sqlite.prepare('SELECT id, code, channel_identity, deleted_at FROM customers WHERE id = ?').get(id) as Customer | undefined;
  const buyer = get(marketplaceId);
  const shop = get(shopId);
  if (!buyer || !shop || buyer.deleted_at || shop.deleted_at || buyer.id === shop.id) throw new AppError('NOT_FOUND', notFound);
  if (!buyer.channel_identity || shop.channel_identity) throw new AppError('CONFLICT', ctx.t('imp.linkRefused'));
  const sales = ctx.sqlite.prepare('SELECT id FROM transactions WHERE customer_id = ?').pluck().all(buyer.id) as string[];
  write(ctx, (w) => {
    const missing = ctx.t('err.notFound', { entity: ctx.t('entity.transaction') });
    for (const id of sales) w.update('transactions', id, { customer_id: shop.id }, missing);
    // The identity moves, not copies: restored later, the buyer's record must not claim it too.
    w.update('customers', buyer.id, { channel_identity: null }, notFound);
    w.setDeleted('customers', buyer.id, true, notFound);
    w.update('customers', shop.id, { channel_identity: buyer.channel_identity }, notFound);
    w.log({
      action: 'customers.link',
      entity: 'customers',
      entityId: shop.id,
      details: { code: shop.code, from: buyer.code, identity: buyer.channel_identity, transactions: sales.length },
    });
  });
  return { transactions: sales.length };
}
