import { describe, expect, it } from 'vitest';
import { AppError } from '../../src-shared/errors';
import { addDays } from '../../src-shared/format/date';
import { sql } from 'kysely';
import { ManualClock } from '../manual-clock';
import { newId } from '../../src-main/core/ids';
import { write } from '../../src-main/core/write';
import { insertMany } from '../../src-main/import/bulk-insert';
import { earnSales } from '../../src-main/loyalty/earn';
import { balanceOf } from '../../src-main/loyalty/entries';
import { expirePoints } from '../../src-main/loyalty/expire';
import { lotState, spendable, type LedgerEntry } from '../../src-main/loyalty/lots';
import { shopDay } from '../../src-main/loyalty/rules';
import { adjustPoints, redeemPoints } from '../../src-main/loyalty/service';
import { setTransactionDeleted } from '../../src-main/transactions/service';
import { ok, OWNER_PASSWORD, shopWithOwner } from '../helpers';
import { importFile } from '../import/harness';
import { ownerCtx, salesCsv, sqlBalances, turnOn } from './harness';

const OPERATIONS = Number(process.env.LOYALTY_OPS ?? 100_000);
// Ledgers of about 50 entries each by the end (a regular's few years): 400 customers made them 250
// long, and every redeem, adjustment and expiry replays its customer's whole ledger.
const CUSTOMERS = 2_000;

describe('the loyalty ledger under random operations', () => {
  it(
    `over ${OPERATIONS.toLocaleString('en')} random earns, redeems, adjustments, expiries, reversals and undone imports, every balance is the straight SQL sum`,
    { timeout: 900_000 },
    async () => {
      const cpu = process.cpuUsage(); // the machine is shared: its CPU time says more than the wall clock
      const clock = new ManualClock(new Date('2025-01-01T03:00:00Z'));
      const app = await shopWithOwner({ clock });
      // Durability is not what this test is about: without a flush per commit it takes seconds, not minutes.
      app.services.sqlite.pragma('synchronous = OFF');
      const rules = await turnOn(app, { points: 3, perRupiah: 7_000, minTransaction: 15_000, expiryMonths: 4 });
      const ctx = ownerCtx(app);
      const customers = Array.from({ length: CUSTOMERS }, (_, i) => ({ id: newId(), code: `R${i}` }));
      write(ctx, (w) =>
        insertMany(
          w,
          'customers',
          customers.map((c) => ({
            id: c.id,
            code: c.code,
            name: `Pelanggan ${c.code}`,
            phone: null,
            email: null,
            address: null,
            city: null,
            tags: '[]',
            notes: null,
            source: null,
            deleted_at: null,
            upload_id: null,
          })),
        ),
      );

      let seed = 20_261_207;
      const random = () => (seed = (seed * 48_271) % 2_147_483_647) / 2_147_483_647;
      const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
      const liveSales: string[] = [];
      const uploads: string[] = [];
      const counts = { earn: 0, redeem: 0, adjust: 0, expire: 0, reversal: 0, refused: 0, imports: 0, undone: 0 };

      // Every customer's ledger in one read, in the order customerEntries gives it.
      const everyLedger = app.services.sqlite.prepare(
        'SELECT customer_id AS customerId, id, kind, points, day, expires_on AS expiresOn, lot_id AS lotId FROM loyalty_ledger ORDER BY customer_id, day, id',
      );
      const ledgers = () => {
        const by = new Map<string, LedgerEntry[]>();
        for (const { customerId, ...entry } of everyLedger.all() as (LedgerEntry & { customerId: string })[]) {
          const list = by.get(customerId);
          if (list) list.push(entry);
          else by.set(customerId, [entry]);
        }
        return by;
      };

      // At each checkpoint (every 10,000 operations) and at the end, not after each operation: the
      // invariant holds after every committed write, so a break shows at the next checkpoint.
      const check = async () => {
        const today = shopDay(app.services.sqlite, clock);
        const sums = sqlBalances(app);
        const all = ledgers();
        for (const c of customers) {
          const entries = all.get(c.id) ?? [];
          const { lots, owed } = lotState(entries);
          const sum = sums.get(c.id) ?? 0;
          expect(lots.reduce((s, l) => s + l.remaining, 0) - owed, c.code).toBe(sum);
          expect(spendable(entries, today), c.code).toBeGreaterThanOrEqual(0);
        }
        // The page's balance for a sample, through the real handler.
        for (const c of customers.slice(0, 50))
          expect((await ok(app, 'loyalty.customer', { id: c.id, pageSize: 5 })).balance, c.code).toBe(sums.get(c.id) ?? 0);
        // Every earn follows the rules on its sale's amount; no sale earned or was reversed twice.
        const wrong = app.services.sqlite
          .prepare(
            "SELECT COUNT(*) FROM loyalty_ledger e JOIN transactions t ON t.id = e.transaction_id WHERE e.kind = 'earn' AND e.points <> (t.amount / CAST(? AS INTEGER)) * CAST(? AS INTEGER)",
          )
          .pluck()
          .get(rules.perRupiah, rules.points);
        expect(wrong).toBe(0);
        expect(
          app.services.sqlite
            .prepare(
              "SELECT COUNT(*) FROM (SELECT transaction_id FROM loyalty_ledger WHERE kind IN ('earn', 'reversal') GROUP BY transaction_id, kind HAVING COUNT(*) > 1)",
            )
            .pluck()
            .get(),
        ).toBe(0);
        // A live sale was never reversed; a deleted one that earned and had points left was.
        expect(
          app.services.sqlite
            .prepare("SELECT COUNT(*) FROM loyalty_ledger r JOIN transactions t ON t.id = r.transaction_id WHERE r.kind = 'reversal' AND t.deleted_at IS NULL")
            .pluck()
            .get(),
        ).toBe(0);
        const unreversed = app.services.sqlite.prepare(
          `SELECT COUNT(*) FROM loyalty_ledger e JOIN transactions t ON t.id = e.transaction_id
         WHERE e.kind = 'earn' AND t.deleted_at IS NOT NULL
           AND e.points + coalesce((SELECT SUM(x.points) FROM loyalty_ledger x WHERE x.lot_id = e.id AND x.kind = 'expire'), 0) > 0
           AND NOT EXISTS (SELECT 1 FROM loyalty_ledger r WHERE r.transaction_id = t.id AND r.kind = 'reversal')`,
        );
        expect(unreversed.pluck().get()).toBe(0);
      };

      const operate = () => {
        const today = shopDay(app.services.sqlite, clock);
        const r = random();
        const customer = pick(customers);
        try {
          if (r < 0.4) {
            // A sale typed in, as createTransaction writes it and earns on it (its checks and read-back
            // left out: at 10⁵ operations they were most of the test's time).
            const id = newId();
            write(ctx, (w) => {
              w.insert('transactions', {
                id,
                customer_id: customer.id,
                transaction_date: addDays(today, -Math.floor(random() * 40)),
                amount: Math.floor(random() * 400_000),
                items: '[]',
                channel: null,
                campaign_code: null,
                invoice_no: null,
                notes: null,
                deleted_at: null,
                upload_id: null,
              });
              earnSales(w, ctx.sqlite, rules, sql<boolean>`t.id = ${id}`, ctx.userId);
            });
            liveSales.push(id);
            counts.earn += 1;
          } else if (r < 0.62) {
            // The balance bounds what can be spent (expired points are not): the ledger's sum by its index.
            const free = Math.max(0, balanceOf(app.services.sqlite, customer.id));
            // Mostly what can be spent; sometimes more, which must be refused.
            redeemPoints(ctx, {
              customerId: customer.id,
              points: random() < 0.9 ? Math.max(1, Math.ceil(random() * free)) : free + 1 + Math.floor(random() * 50),
              transactionId: null,
            });
            counts.redeem += 1;
          } else if (r < 0.74) {
            adjustPoints(ctx, { customerId: customer.id, points: (random() < 0.5 ? -1 : 1) * (1 + Math.floor(random() * 60)), reason: 'Koreksi acak' });
            counts.adjust += 1;
          } else if (r < 0.86 && liveSales.length > 0) {
            const at = Math.floor(random() * liveSales.length);
            setTransactionDeleted(ctx, liveSales[at], true);
            liveSales.splice(at, 1);
            counts.reversal += 1;
          } else if (r < 0.995) {
            clock.advance(86_400_000); // another day
          } else {
            const first = expirePoints(ctx, today);
            expect(expirePoints(ctx, today), 'the second run the same day').toEqual({ day: today, lots: 0, points: 0 });
            counts.expire += first.lots;
          }
        } catch (error) {
          if (!(error instanceof AppError) || error.code !== 'VALIDATION_ERROR') throw error;
          counts.refused += 1;
        }
      };

      // 500 operations per commit: each is still its own write() (a savepoint inside), and a refused
      // one rolls back alone; committing each of 10⁵ would time the disk, not the ledger.
      const CHUNK = 500;
      for (let op = CHUNK; op <= OPERATIONS; op += CHUNK) {
        app.services.sqlite
          .transaction(() => {
            for (let i = 0; i < CHUNK; i++) operate();
          })
          .immediate();
        if (op % 10_000 === 0) {
          // An import of the customers' sales, through the wizard's calls; every other one undone.
          await ok(app, 'auth.login', { username: 'sari', password: OWNER_PASSWORD });
          const today = shopDay(app.services.sqlite, clock);
          const rows = Array.from({ length: 60 }, (_, i) => ({
            code: pick(customers).code,
            date: addDays(today, -(i % 20)),
            amount: Math.floor(random() * 300_000),
            invoice: `IMP-${op}-${i}`,
          }));
          const { report } = await importFile(app, salesCsv(rows), 'transactions');
          expect(report.status).toBe('completed');
          uploads.push(report.uploadId as string);
          counts.imports += 1;
          if (counts.imports % 2 === 0) {
            await ok(app, 'import.undo', { uploadId: uploads.shift() as string });
            uploads.shift();
            counts.undone += 1;
          }
          await check();
        }
      }
      await check();
      const kinds = Object.fromEntries(
        app.services.sqlite.prepare('SELECT kind, COUNT(*) FROM loyalty_ledger GROUP BY kind').raw().all() as [string, number][],
      );
      const used = process.cpuUsage(cpu);
      console.log(`loyalty random: ${JSON.stringify(counts)}; ledger ${JSON.stringify(kinds)}; ${((used.user + used.system) / 1e6).toFixed(1)} s of CPU`);
      // Every kind of entry was exercised, in numbers.
      for (const kind of ['earn', 'redeem', 'adjust', 'expire', 'reversal']) expect(kinds[kind], kind).toBeGreaterThan(1_000);
      expect(counts.undone).toBe(5);
      const report = await ok(app, 'loyalty.report', { months: 120 });
      expect(report.months.at(-1)?.outstanding).toBe([...sqlBalances(app).values()].reduce((s, p) => s + p, 0));
    },
  );
});
