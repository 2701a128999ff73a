import { describe, expect, it } from 'vitest';
import { ManualClock } from '../manual-clock';
import { expirePoints } from '../../src-main/loyalty/expire';
import { fails, loginAsNewUser, ok, OWNER_PASSWORD, shopWithOwner } from '../helpers';
import { importFile, scalar } from '../import/harness';
import { salesCsv, sqlBalances, turnOn } from './harness';

const customer = (app: Awaited<ReturnType<typeof shopWithOwner>>, code: string) => ok(app, 'customers.create', { name: `Pelanggan ${code}`, code });

describe('loyalty points', () => {
  it('a sale typed in earns once by the rules; deleted, its points go back; restored, it earns again', async () => {
    const app = await shopWithOwner({ clock: new ManualClock(new Date('2026-03-10T03:00:00Z')) });
    await turnOn(app, { points: 2, perRupiah: 10_000, minTransaction: 20_000, channels: ['offline', 'whatsapp'], expiryMonths: 6 });
    const c = await customer(app, 'A1');
    const sale = await ok(app, 'transactions.create', { customer_id: c.id, transaction_date: '2026-03-09', amount: 125_000, channel: 'whatsapp' });
    await ok(app, 'transactions.create', { customer_id: c.id, transaction_date: '2026-03-09', amount: 15_000, channel: 'offline' }); // under the minimum
    await ok(app, 'transactions.create', { customer_id: c.id, transaction_date: '2026-03-09', amount: 500_000, channel: 'instagram' }); // a channel that does not earn
    const view = await ok(app, 'loyalty.customer', { id: c.id });
    // 125.000 / 10.000 = 12 full steps, 2 points each; expiring 6 months after the sale's day.
    expect(view).toMatchObject({ enabled: true, balance: 24, spendable: 24, nextExpiry: { day: '2026-09-09', points: 24 } });
    expect(view.ledger.rows).toMatchObject([{ kind: 'earn', points: 24, day: '2026-03-09', transactionId: sale.id, expiresOn: '2026-09-09' }]);
    await ok(app, 'transactions.delete', { id: sale.id });
    await ok(app, 'transactions.delete', { id: sale.id }); // already deleted: nothing more
    expect((await ok(app, 'loyalty.customer', { id: c.id })).balance).toBe(0);
    await ok(app, 'transactions.restore', { id: sale.id });
    await ok(app, 'transactions.restore', { id: sale.id }); // already restored: nothing more
    expect(scalar(app, "SELECT COUNT(*) FROM loyalty_ledger WHERE transaction_id = ? AND kind = 'earn'", sale.id)).toBe(2);
    expect(scalar(app, "SELECT COUNT(*) FROM loyalty_ledger WHERE transaction_id = ? AND kind = 'reversal'", sale.id)).toBe(1);
    // The first earn has the sale's id; the earn after the restore one of its own.
    expect(
      app.services.sqlite
        .prepare("SELECT id = transaction_id FROM loyalty_ledger WHERE transaction_id = ? AND kind = 'earn' ORDER BY rowid")
        .pluck()
        .all(sale.id),
    ).toEqual([1, 0]);
    expect(scalar(app, 'SELECT SUM(points) FROM loyalty_ledger WHERE customer_id = ?', c.id)).toBe(24);
  });

  it('earns nothing while the rules are off (the default)', async () => {
    const app = await shopWithOwner();
    const c = await customer(app, 'B1');
    await ok(app, 'transactions.create', { customer_id: c.id, transaction_date: '2026-03-09', amount: 900_000 });
    expect(scalar(app, 'SELECT COUNT(*) FROM loyalty_ledger')).toBe(0);
    expect((await ok(app, 'loyalty.customer', { id: c.id })).enabled).toBe(false);
  });

  it('an import earns in bulk, once, in its transaction; a dry run earns nothing; its undo reverses it all', async () => {
    const app = await shopWithOwner({ clock: new ManualClock(new Date('2026-06-01T03:00:00Z')) });
    await turnOn(app, { expiryMonths: 12 });
    const rows = Array.from({ length: 300 }, (_, i) => ({
      code: `K${i % 40}`,
      date: `2026-0${1 + (i % 5)}-${String(1 + (i % 27)).padStart(2, '0')}`,
      amount: 5_000 + i * 1_337,
      invoice: `INV-${i}`,
    }));
    const path = salesCsv(rows);
    await importFile(app, path, 'transactions', {}, undefined, 'import.validate');
    expect(scalar(app, 'SELECT COUNT(*) FROM loyalty_ledger')).toBe(0);
    const { report } = await importFile(app, path, 'transactions');
    expect(report).toMatchObject({ status: 'completed', records: 300 });
    const earning = rows.filter((r) => r.amount >= 10_000);
    expect(scalar(app, "SELECT COUNT(*) FROM loyalty_ledger WHERE kind = 'earn'")).toBe(earning.length);
    expect(scalar(app, 'SELECT SUM(points) FROM loyalty_ledger')).toBe(earning.reduce((s, r) => s + Math.floor(r.amount / 10_000), 0));
    // The ledger's indexes, built after the rows by this first import, are all back.
    const indexes = app.services.sqlite
      .prepare("SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'loyalty_ledger' AND sql IS NOT NULL ORDER BY name")
      .pluck()
      .all();
    expect(indexes).toEqual(['idx_loyalty_customer', 'idx_loyalty_earn_sale', 'idx_loyalty_expire_lot', 'idx_loyalty_lot_expiry', 'idx_loyalty_reversal_lot']);
    // A sale's first earn has the sale's own id (none drawn per row), and the expiry index is keyed by the day alone.
    expect(scalar(app, "SELECT COUNT(*) FROM loyalty_ledger WHERE kind = 'earn' AND id = transaction_id")).toBe(earning.length);
    expect(app.services.sqlite.prepare("SELECT name FROM pragma_index_info('idx_loyalty_lot_expiry')").pluck().all()).toEqual(['expires_on']);
    // The same file again: every invoice is skipped as a duplicate, and nothing earns twice.
    const again = await importFile(app, path, 'transactions');
    expect(again.report.status).toBe('stopped');
    expect(scalar(app, "SELECT COUNT(*) FROM loyalty_ledger WHERE kind = 'earn'")).toBe(earning.length);
    // A customer redeems some of their points before the import is undone: they end up owing them.
    const k1 = scalar(app, "SELECT id FROM customers WHERE code = 'K1'") as string;
    const before = (await ok(app, 'loyalty.customer', { id: k1 })).balance;
    await ok(app, 'loyalty.redeem', { customerId: k1, points: 5 });
    await ok(app, 'import.undo', { uploadId: report.uploadId as string });
    expect(scalar(app, "SELECT COUNT(*) FROM loyalty_ledger WHERE kind = 'reversal'")).toBe(earning.length);
    expect(scalar(app, "SELECT COUNT(*) FROM loyalty_ledger WHERE kind = 'earn'")).toBe(earning.length);
    const balances = sqlBalances(app);
    for (const [id, points] of balances) expect(points, id).toBe(id === k1 ? -5 : 0);
    expect(before).toBeGreaterThan(5);
    expect((await ok(app, 'loyalty.customer', { id: k1 })).spendable).toBe(0);
  });

  it('expiry run twice expires once; what was redeemed first is not expired', async () => {
    const clock = new ManualClock(new Date('2026-01-10T03:00:00Z'));
    const app = await shopWithOwner({ clock });
    await turnOn(app, { expiryMonths: 3 });
    const c = await customer(app, 'E1');
    await ok(app, 'transactions.create', { customer_id: c.id, transaction_date: '2026-01-05', amount: 400_000 }); // 40 points until 2026-04-05
    await ok(app, 'transactions.create', { customer_id: c.id, transaction_date: '2026-02-01', amount: 100_000 }); // 10 points until 2026-05-01
    await ok(app, 'loyalty.redeem', { customerId: c.id, points: 15 }); // from the oldest lot: 25 of it left
    expect(expirePoints({ ...app.services, userId: null }, '2026-04-04')).toMatchObject({ lots: 0, points: 0 });
    expect(expirePoints({ ...app.services, userId: null }, '2026-04-05')).toEqual({ day: '2026-04-05', lots: 1, points: 25 });
    expect(expirePoints({ ...app.services, userId: null }, '2026-04-05')).toEqual({ day: '2026-04-05', lots: 0, points: 0 });
    clock.set(new Date('2026-04-06T03:00:00Z'));
    await ok(app, 'auth.login', { username: 'sari', password: OWNER_PASSWORD }); // the session ended months ago
    // The job itself, as start-up and the daily timer run it, in the worker: nothing new today.
    expect(await app.services.jobs.run('loyalty.expire', {}, null).done).toEqual({ day: '2026-04-06', lots: 0, points: 0 });
    expect((await ok(app, 'loyalty.customer', { id: c.id })).balance).toBe(10);
    clock.set(new Date('2026-05-02T03:00:00Z'));
    await ok(app, 'auth.login', { username: 'sari', password: OWNER_PASSWORD });
    expect(await app.services.jobs.run('loyalty.expire', {}, null).done).toEqual({ day: '2026-05-02', lots: 1, points: 10 });
    expect(await app.services.jobs.run('loyalty.expire', {}, null).done).toMatchObject({ lots: 0 });
    expect((await ok(app, 'loyalty.customer', { id: c.id })).balance).toBe(0);
    const report = await ok(app, 'loyalty.report', {});
    expect(report.months.map((m) => [m.month, m.issued, m.redeemed, m.expired, m.outstanding, m.liability])).toEqual([
      ['2026-01', 40, 15, 0, 25, 2_500],
      ['2026-02', 10, 0, 0, 35, 3_500],
      ['2026-04', 0, 0, 25, 10, 1_000],
      ['2026-05', 0, 0, 10, 0, 0],
    ]);
    // Sales deleted once their points expired take back only what was not expired: the 15 redeemed
    // from the first are owed; the second's 10 all expired, so it has nothing to reverse.
    const sales = app.services.sqlite.prepare('SELECT id FROM transactions WHERE customer_id = ? ORDER BY transaction_date').pluck().all(c.id) as string[];
    for (const id of sales) await ok(app, 'transactions.delete', { id });
    expect(app.services.sqlite.prepare("SELECT transaction_id, points FROM loyalty_ledger WHERE kind = 'reversal'").raw().all()).toEqual([[sales[0], -15]]);
    expect(scalar(app, 'SELECT SUM(points) FROM loyalty_ledger WHERE customer_id = ?', c.id)).toBe(-15);
    expect((await ok(app, 'loyalty.report', {})).months.at(-1)).toMatchObject({ month: '2026-05', reversed: 15, outstanding: -15 });
  });

  it('redeeming: staff up to the limit, never more than can be spent; adjusting: owners and managers, with a reason in the log', async () => {
    const app = await shopWithOwner({ clock: new ManualClock(new Date('2026-03-10T03:00:00Z')) });
    await turnOn(app, { staffRedeemLimit: 50, redeemValue: 250 });
    const c = await customer(app, 'R1');
    const sale = await ok(app, 'transactions.create', { customer_id: c.id, transaction_date: '2026-03-09', amount: 2_000_000 }); // 200 points
    const staff = await loginAsNewUser(app, 'staff', 'kasir');
    const manager = await loginAsNewUser(app, 'manager', 'manajer');
    expect(await ok(app, 'loyalty.redeem', { customerId: c.id, points: 50, transactionId: sale.id }, staff)).toEqual({ balance: 150, value: 12_500 });
    const tooMany = await fails(app, 'loyalty.redeem', { customerId: c.id, points: 51 }, staff);
    expect(tooMany).toMatchObject({ code: 'FORBIDDEN', message: 'Staf bisa menukar paling banyak 50 poin sekaligus. Minta pemilik atau manajer.' });
    expect((await fails(app, 'loyalty.adjust', { customerId: c.id, points: 10, reason: 'Hadiah ulang tahun' }, staff)).code).toBe('FORBIDDEN');
    expect((await fails(app, 'loyalty.report', {}, staff)).code).toBe('FORBIDDEN');
    const overdraw = await fails(app, 'loyalty.redeem', { customerId: c.id, points: 151 }, manager);
    expect(overdraw).toMatchObject({ code: 'VALIDATION_ERROR', message: 'Poin yang bisa dipakai hanya 150.' });
    expect((await fails(app, 'loyalty.adjust', { customerId: c.id, points: 5, reason: '' }, manager)).code).toBe('VALIDATION_ERROR');
    expect(await ok(app, 'loyalty.adjust', { customerId: c.id, points: -20, reason: 'Salah input kemarin' }, manager)).toEqual({ balance: 130 });
    expect(await ok(app, 'loyalty.redeem', { customerId: c.id, points: 130 }, manager)).toEqual({ balance: 0, value: 32_500 });
    const other = await customer(app, 'R2');
    expect((await fails(app, 'loyalty.redeem', { customerId: other.id, points: 1, transactionId: sale.id })).code).toBe('VALIDATION_ERROR');
    const audit = await ok(app, 'audit.list', { action: 'loyalty.adjust' });
    expect(audit.rows[0]).toMatchObject({ action: 'loyalty.adjust', details: { points: -20, reason: 'Salah input kemarin' } });
    await ok(app, 'settings.update', { loyalty: { ...(await ok(app, 'settings.get', {})).loyalty, enabled: false } });
    expect((await fails(app, 'loyalty.redeem', { customerId: c.id, points: 1 })).code).toBe('CONFLICT');
  });

  it('tiers by balance or by 12 months of spending, with the names the shop gave them', async () => {
    const app = await shopWithOwner({ clock: new ManualClock(new Date('2026-03-10T03:00:00Z')) });
    const tiers = [
      { name: 'Perunggu', min: 10 },
      { name: 'Perak', min: 50 },
      { name: 'Emas', min: 100 },
    ];
    await turnOn(app, { tiers });
    const c = await customer(app, 'T1');
    await ok(app, 'transactions.create', { customer_id: c.id, transaction_date: '2026-03-09', amount: 600_000 });
    await ok(app, 'transactions.create', { customer_id: c.id, transaction_date: '2024-03-09', amount: 9_000_000 });
    expect((await ok(app, 'loyalty.customer', { id: c.id })).tier).toBe('Emas'); // 960 points
    await turnOn(app, { tiers: tiers.map((t) => ({ ...t, min: t.min * 10_000 })), tierBasis: 'spend12m' });
    expect((await ok(app, 'loyalty.customer', { id: c.id })).tier).toBe('Perak'); // Rp 600.000 in the last 12 months
    const bad = await fails(app, 'settings.update', { loyalty: { ...(await ok(app, 'settings.get', {})).loyalty, tiers: [tiers[1], tiers[0], tiers[2]] } });
    expect(bad.code).toBe('VALIDATION_ERROR');
  });

  it("{poin} and {tier} in a message are each customer's balance and tier", async () => {
    const app = await shopWithOwner({ clock: new ManualClock(new Date('2026-03-10T03:00:00Z')) });
    await turnOn(app, {
      tiers: [
        { name: 'Perunggu', min: 10 },
        { name: 'Perak', min: 1_000 },
        { name: 'Emas', min: 5_000 },
      ],
    });
    const rich = await customer(app, 'P1');
    const none = await customer(app, 'P2');
    await ok(app, 'transactions.create', { customer_id: rich.id, transaction_date: '2026-03-09', amount: 12_345_678 }); // 1.234 points
    const page = await ok(app, 'content.personalise', { body: 'Halo {nama}, poin Anda {poin} ({tier}).', customerIds: [rich.id, none.id] });
    expect(page.rows.map((r) => r.message)).toEqual(['Halo Pelanggan P1, poin Anda 1.234 (Perak).', 'Halo Pelanggan P2, poin Anda 0 ().']);
  });
  it('{poin} is what can be spent on the day: a lot past its expiry is not, before the expiry job ran', async () => {
    const app = await shopWithOwner({ clock: new ManualClock(new Date('2026-03-10T03:00:00Z')) });
    await turnOn(app, { expiryMonths: 3 });
    const c = await customer(app, 'S1');
    await ok(app, 'transactions.create', { customer_id: c.id, transaction_date: '2025-10-01', amount: 300_000 }); // 30 points, gone on 2026-01-01
    await ok(app, 'transactions.create', { customer_id: c.id, transaction_date: '2026-03-01', amount: 70_000 }); // 7 points until 2026-06-01
    expect(scalar(app, 'SELECT SUM(points) FROM loyalty_ledger WHERE customer_id = ?', c.id)).toBe(37); // no expiry written yet
    const page = await ok(app, 'content.personalise', { subject: 'Poin {poin}', body: 'Poin Anda {poin}.', customerIds: [c.id] });
    expect(page.rows.map((r) => [r.subject, r.message])).toEqual([['Poin 7', 'Poin Anda 7.']]);
  });

  it('the customers list filters by tier and balance, and its export carries points and tier', async () => {
    const app = await shopWithOwner({ clock: new ManualClock(new Date('2026-03-10T03:00:00Z')) });
    await turnOn(app, {
      tiers: [
        { name: 'Perunggu', min: 10 },
        { name: 'Perak', min: 50 },
        { name: 'Emas', min: 100 },
      ],
    });
    const points = { A: 5, B: 20, C: 60, D: 150 };
    for (const [code, p] of Object.entries(points)) {
      const c = await customer(app, code);
      await ok(app, 'transactions.create', { customer_id: c.id, transaction_date: '2026-03-09', amount: p * 10_000 });
    }
    const codes = async (filters: { tier?: 'none' | 'tier1' | 'tier2' | 'tier3'; minPoints?: number }) =>
      (await ok(app, 'customers.list', { ...filters, sort: 'code' })).rows.map((r) => r.code);
    expect(await codes({ tier: 'none' })).toEqual(['A']);
    expect(await codes({ tier: 'tier1' })).toEqual(['B']);
    expect(await codes({ tier: 'tier2' })).toEqual(['C']);
    expect(await codes({ tier: 'tier3' })).toEqual(['D']);
    expect(await codes({ minPoints: 20 })).toEqual(['B', 'C', 'D']);
    expect(await codes({ tier: 'tier2', minPoints: 100 })).toEqual([]);
    const preview = await ok(app, 'export.preview', { report: 'customers', filters: { minPoints: 50, sort: 'code' } });
    const at = (key: string) => preview.columns.findIndex((c) => c.key === key);
    expect(preview.rows.map((r) => [r[at('code')], r[at('loyalty_points')], r[at('loyalty_tier')]])).toEqual([
      ['C', 60, 'Perak'],
      ['D', 150, 'Emas'],
    ]);
  });
});
