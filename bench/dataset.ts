import { join } from 'node:path';
import { addDays } from '../src-shared/format/date';
import { openApp, type App } from '../src-main/app';
import { newId } from '../src-main/core/ids';
import { write } from '../src-main/core/write';
import { insertMany } from '../src-main/import/bulk-insert';
import { CITIES, FIRST_NAMES, LAST_NAMES, MOBILE_PREFIXES } from '../src-main/demo/catalog';
import { Dice, seededRandom } from '../src-main/demo/random';

export interface BigShop {
  app: App;
  customerIds: string[];
  buildSeconds: number;
}

/**
 * A shop of `customers` customers and `transactions` purchases over two years (fixed seed), set up
 * with an owner logged in as client 'bench'. Written through the write helper, outbox included.
 */
export async function bigShop(dir: string, customers: number, transactions: number, seed = 7): Promise<BigShop> {
  const started = performance.now();
  const app = await openApp({ dbPath: join(dir, `shop-${customers}-${transactions}.sqlite`) });
  const setup = await app.call(
    'setup.create',
    { owner: { name: 'Bench Owner', username: 'bench', password: 'bench-password' }, business: { name: 'Toko Bench' } },
    { clientId: 'bench' },
  );
  if (!setup.ok) throw new Error(setup.error.message);
  const dice = new Dice(seededRandom(seed));
  const customerIds = Array.from({ length: customers }, () => newId());
  const ctx = { ...app.services, userId: null };
  write(ctx, (w) => {
    insertMany(
      w,
      'customers',
      customerIds.map((id, i) => {
        const first = dice.pick(FIRST_NAMES);
        const last = dice.pick(LAST_NAMES);
        return {
          id,
          code: `C${String(i + 1).padStart(6, '0')}`,
          name: `${first} ${last}`,
          phone: `+62${dice.pick(MOBILE_PREFIXES)}${String(i).padStart(8, '0')}`,
          email: dice.chance(0.5) ? `${first}.${last}.${i}@contoh.id`.toLowerCase() : null,
          address: null,
          city: dice.pick(CITIES),
          tags: '[]',
          notes: null,
          source: null,
          deleted_at: null,
        };
      }),
    );
  });
  const today = '2026-11-22';
  const batch = 100_000;
  for (let start = 0; start < transactions; start += batch) {
    const count = Math.min(batch, transactions - start);
    write(ctx, (w) => {
      insertMany(
        w,
        'transactions',
        Array.from({ length: count }, (_, i) => {
          // Skewed: a fifth of the customers make most of the purchases, as in real shops.
          const customer_id = customerIds[dice.chance(0.7) ? dice.int(0, Math.floor(customers / 5) - 1) : dice.int(0, customers - 1)];
          const transaction_date = addDays(today, -dice.int(0, 729));
          return {
            id: newId(),
            customer_id,
            transaction_date,
            amount: dice.int(10, 2_000) * 1_000,
            items: '[]',
            channel: 'offline',
            campaign_code: null,
            // Numbered like the demo shop's invoices, so the invoice search has something to find.
            invoice_no: `INV-${transaction_date.replace(/-/g, '')}-${String(start + i + 1).padStart(7, '0')}`,
            notes: null,
            deleted_at: null,
          };
        }),
      );
    });
  }
  app.services.sqlite.pragma('optimize');
  return { app, customerIds, buildSeconds: (performance.now() - started) / 1000 };
}
