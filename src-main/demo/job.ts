import { newId } from '../core/ids';
import { write } from '../core/write';
import { insertMany } from '../import/bulk-insert';
import type { JobCtx } from '../jobs/types';
import { createShop } from '../setup/shop';
import { generateDemoShop } from './generate';

export interface DemoParams {
  today: string;
  ownerPasswordHash: string;
  seed?: number;
}

export interface DemoResult {
  ownerId: string;
  customers: number;
  transactions: number;
}

export const DEMO_USERNAME = 'demo';

/** Writes the generated demo shop in one transaction: cancel or failure leaves the DB untouched. */
export function generateDemoJob(params: DemoParams, ctx: JobCtx): DemoResult {
  const shop = generateDemoShop(params.today, params.seed);
  const total = shop.customers.length + shop.transactions.length;
  return write(ctx, (w) => {
    const { ownerId } = createShop(w, {
      business: {
        name: 'Toko Batik Sekar Arum (Demo)',
        type: 'Fashion & kerajinan',
        phone: '+6281234567890',
        email: 'halo@sekararum.id',
        address: 'Jl. Malioboro No. 52',
        city: 'Yogyakarta',
        currency: 'IDR',
        timezone: 'Asia/Jakarta',
      },
      owner: { name: 'Pemilik Demo', username: DEMO_USERNAME, passwordHash: params.ownerPasswordHash },
      language: 'id',
    });
    const productIds = new Map<string, string>();
    insertMany(
      w,
      'products',
      shop.products.map((p) => {
        const id = newId();
        productIds.set(p.code, id);
        return { id, code: p.code, name: p.name, category: p.category, price: p.price, active: 1, deleted_at: null };
      }),
    );
    const customerIds = shop.customers.map(() => newId());
    insertMany(
      w,
      'customers',
      shop.customers.map((c, i) => ({
        id: customerIds[i],
        code: c.code,
        name: c.name,
        phone: c.phone,
        email: c.email,
        address: c.address,
        city: c.city,
        tags: JSON.stringify(c.tags),
        notes: null,
        source: c.source,
        created_at: `${c.firstDate}T02:00:00.000Z`,
        deleted_at: null,
      })),
      (i) => {
        if (i % 100 === 0) ctx.throwIfCancelled();
        ctx.progress('customers', i + 1, total);
      },
    );
    insertMany(
      w,
      'transactions',
      shop.transactions.map((t) => ({
        id: newId(),
        customer_id: customerIds[t.customerIndex],
        transaction_date: t.date,
        amount: t.amount,
        items: JSON.stringify(t.items.map((it) => ({ ...it, product_id: productIds.get(it.product_id ?? '') ?? null }))),
        channel: t.channel,
        campaign_code: null,
        invoice_no: t.invoiceNo,
        notes: null,
        created_at: `${t.date}T03:00:00.000Z`,
        deleted_at: null,
      })),
      (i) => {
        if (i % 500 === 0) ctx.throwIfCancelled();
        ctx.progress('transactions', shop.customers.length + i + 1, total);
      },
    );
    w.log({ action: 'demo.open', entity: 'business', details: { customers: shop.customers.length, transactions: shop.transactions.length }, userId: ownerId });
    return { ownerId, customers: shop.customers.length, transactions: shop.transactions.length };
  });
}
