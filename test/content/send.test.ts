import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { stagedFile } from '../../src-main/files/staging';
import { CAMPAIGN_CODE, suggestCampaignCode } from '../../src-shared/content/placeholders';
import { translator } from '../../src-shared/i18n/messages';
import { fails, loginAsNewUser, ok } from '../helpers';
import { analysedDemoShop } from './harness';

const CODE = 'BERISIKO_DES_2026_DISKON';

describe('personalising and sending', () => {
  it('fills the placeholders per customer, builds wa.me links, exports the broadcast list and records contacts', async () => {
    const app = await analysedDemoShop();
    const generated = await ok(app, 'content.generate', { segment: 'at_risk', channel: 'whatsapp', offer: 'diskon 15%', variants: 2 });
    const edited = await ok(app, 'content.update', {
      id: generated.variants[0].id,
      body: 'Halo Kak {nama} dari {kota}! Terakhir belanja {terakhir_beli}, total {total_belanja}. {segmen}: {penawaran}. Kode {kode_kampanye}. <b>bukan html</b>',
      status: 'approved',
    });
    expect(edited).toMatchObject({ status: 'approved' });

    const page = await ok(app, 'content.personalise', { contentId: edited.id, segment: 'at_risk', campaignCode: CODE, pageSize: 200 });
    const members = await ok(app, 'rfm.members', { segment: 'at_risk', pageSize: 200 });
    expect(page.total).toBe(members.total);
    const member = members.rows[0];
    const row = page.rows.find((r) => r.customerId === member.customerId)!;
    const dmy = member.lastPurchase.split('-').reverse().join('/');
    expect(row.message).toBe(
      `Halo Kak ${member.name} dari ${member.city}! Terakhir belanja ${dmy}, total Rp ${member.monetary.toLocaleString('id-ID')}. Berisiko: diskon 15%. Kode ${CODE}. <b>bukan html</b>`,
    );
    expect(row.waLink).toBe(`https://wa.me/${member.phone!.slice(1)}?text=${encodeURIComponent(row.message)}`);

    // Only the list here; recording everyone in it as contacted is test/content/broadcast-job.test.ts's.
    const broadcast = await ok(app, 'content.broadcast', {
      contentId: edited.id,
      segment: 'at_risk',
      campaignCode: CODE,
      kind: 'whatsapp',
      format: 'csv',
      markContacted: false,
    });
    expect(broadcast.contacted).toBe(0);
    const file = readFileSync(stagedFile(app.services.dbPath, broadcast.fileId, translator('id')).path, 'utf8');
    expect(file.startsWith('\uFEFF')).toBe(true);
    const parsed = Papa.parse<string[]>(file.slice(1).trim()).data;
    expect(parsed[0]).toEqual(['No HP', 'Nama', 'Pesan']);
    expect(parsed.length - 1).toBe(broadcast.rows);
    expect(parsed.find((r) => r[1] === row.name)).toEqual([`'${row.phone}`, row.name, row.message]); // '+62…' neutralised for spreadsheets

    const contacted = await ok(app, 'content.markContacted', {
      customerIds: [member.customerId],
      channel: 'whatsapp',
      contentId: edited.id,
      campaignCode: CODE,
    });
    expect(contacted.recorded).toBe(1);
    const history = await ok(app, 'customers.communications', { id: member.customerId });
    expect(history).toMatchObject([{ channel: 'whatsapp', message: row.message, campaignCode: null, userName: 'Pemilik Demo' }]);
    const after = await ok(app, 'content.personalise', { contentId: edited.id, customerIds: [member.customerId], campaignCode: CODE });
    expect(after.rows[0].lastContactedAt).toBe(history[0].sentAt);

    expect(await ok(app, 'content.get', { id: edited.id })).toMatchObject({ id: edited.id, status: 'approved' });
    expect((await ok(app, 'content.list', { generationId: edited.generationId })).total).toBe(2);
    const sms = await ok(app, 'content.generate', { segment: 'lost', channel: 'sms', variants: 1 });
    const tooLong = await fails(app, 'content.update', { id: sms.variants[0].id, body: 'x'.repeat(161) });
    expect(tooLong).toMatchObject({ code: 'VALIDATION_ERROR', message: expect.stringContaining('161') });

    const staff = await loginAsNewUser(app, 'staff', 'rina');
    expect((await fails(app, 'content.broadcast', { segment: 'at_risk', body: 'x', kind: 'whatsapp' }, staff)).code).toBe('FORBIDDEN');
    expect((await fails(app, 'content.generate', { segment: 'at_risk', channel: 'sms' }, staff)).code).toBe('FORBIDDEN');
    expect((await ok(app, 'content.personalise', { contentId: edited.id, customerIds: [member.customerId] }, staff)).total).toBe(1);
  });
});

describe('a placeholder that would be empty', () => {
  it("withholds a segment sending that uses {kode_kampanye} without a code, and fills the code typed or the campaign's", async () => {
    const app = await analysedDemoShop();
    // The built-in template: "… Sebutkan kode {kode_kampanye} saat pesan ya."
    const generated = await ok(app, 'content.generate', { segment: 'at_risk', channel: 'whatsapp', offer: 'gratis ongkir', variants: 1 });
    const variant = generated.variants[0];
    expect(variant.body).toContain('{kode_kampanye}');

    const blocked = await ok(app, 'content.personalise', { contentId: variant.id, segment: 'at_risk', pageSize: 200 });
    expect(blocked.total).toBeGreaterThan(0);
    for (const row of blocked.rows) {
      expect(row.missing).toEqual(['kode_kampanye']);
      expect(row.waLink).toBeNull();
    }
    const customerIds = [blocked.rows[0].customerId];
    const noFile = await fails(app, 'content.broadcast', { contentId: variant.id, segment: 'at_risk', kind: 'whatsapp' });
    expect(noFile).toMatchObject({ code: 'VALIDATION_ERROR', message: expect.stringContaining('{kode_kampanye}') });
    expect((await fails(app, 'content.markContacted', { customerIds, channel: 'whatsapp', contentId: variant.id })).code).toBe('VALIDATION_ERROR');
    expect(app.services.sqlite.prepare('SELECT COUNT(*) FROM customer_communications').pluck().get()).toBe(0);

    // A code typed for this sending fills it (upper-cased, checked like a campaign's).
    expect((await fails(app, 'content.personalise', { contentId: variant.id, segment: 'at_risk', campaignCode: 'promo' })).code).toBe('VALIDATION_ERROR');
    const filled = await ok(app, 'content.personalise', { contentId: variant.id, segment: 'at_risk', campaignCode: 'berisiko_des_2026_ongkir' });
    expect(filled.rows[0]).toMatchObject({ missing: [], message: expect.stringContaining('Sebutkan kode BERISIKO_DES_2026_ONGKIR saat pesan ya.') });
    expect(filled.rows.find((r) => r.phone)?.waLink).toContain(encodeURIComponent('BERISIKO_DES_2026_ONGKIR'));
    expect(
      (await ok(app, 'content.markContacted', { customerIds, channel: 'whatsapp', contentId: variant.id, campaignCode: 'BERISIKO_DES_2026_ONGKIR' })).recorded,
    ).toBe(1);

    // Messages that do not use the placeholder are not held back.
    const plain = await ok(app, 'content.personalise', { body: 'Halo Kak {nama}', segment: 'at_risk' });
    expect(plain.rows.every((r) => r.missing.length === 0 && (r.waLink !== null) === (r.phone !== null))).toBe(true);
  });

  it('suggests a PKG_MONTH_YEAR_TYPE code from the segment, the month and the offer', () => {
    const march = new Date(2025, 2, 14);
    expect(suggestCampaignCode('at_risk', march, 'gratis ongkir')).toBe('BERISIKO_MAR_2025_ONGKIR');
    expect(suggestCampaignCode('champions', new Date(2026, 11, 1), 'diskon 15% untuk belanja berikutnya')).toBe('JUARA_DES_2026_DISKON');
    expect(suggestCampaignCode('lost', new Date(2026, 4, 1), 'Voucher Rp 20.000')).toBe('HILANG_MEI_2026_VOUCHER');
    expect(suggestCampaignCode('loyal', march, 'Kopi susu 1 liter')).toBe('SETIA_MAR_2025_KOPI');
    expect(suggestCampaignCode(null, march, '')).toBe('PROMO_MAR_2025_PROMO');
    for (const segment of [
      'champions',
      'loyal',
      'potential_loyalist',
      'new_customers',
      'promising',
      'need_attention',
      'about_to_sleep',
      'at_risk',
      'cant_lose_them',
      'hibernating',
      'lost',
    ]) {
      for (const offer of ['', 'gratis ongkir', '🎉', 'beli 2 gratis 1', 'x'.repeat(40)])
        expect(suggestCampaignCode(segment, march, offer)).toMatch(CAMPAIGN_CODE);
    }
  });
});

describe('the broadcast list as XLSX', () => {
  it('holds every message whole, emoji included', async () => {
    const app = await analysedDemoShop();
    // Emoji are two UTF-16 units and four UTF-8 bytes: dense here, so the file's XML has many
    // places where a writer cutting it in fixed-size pieces would split one (exceljs's Workbook
    // writer did: U+FFFD halves).
    const body = `Halo Kak {nama}! ${'🎉🛍️😀 '.repeat(40)}Sampai jumpa di toko 🙏`;
    const customerIds = app.services.sqlite
      .prepare('SELECT id FROM customers WHERE phone IS NOT NULL AND deleted_at IS NULL ORDER BY name, id LIMIT 200')
      .pluck()
      .all() as string[];
    expect(customerIds).toHaveLength(200); // about 80 KB of messages: the XML crosses many 16 KB marks
    const broadcast = await ok(app, 'content.broadcast', { body, customerIds, kind: 'whatsapp', format: 'xlsx' });
    const expected = await ok(app, 'content.personalise', { body, customerIds, pageSize: 200 });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(stagedFile(app.services.dbPath, broadcast.fileId, translator('id')).path);
    const sheet = workbook.getWorksheet('Broadcast')!;
    expect(sheet.getRow(1).values).toEqual([undefined, 'No HP', 'Nama', 'Pesan']);
    expect(sheet.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const messages = new Map<string, string>();
    sheet.eachRow((row, number) => {
      if (number > 1) messages.set(`${String(row.getCell(1).value)} ${String(row.getCell(2).value)}`, String(row.getCell(3).value));
    });
    expect(messages.size).toBe(broadcast.rows);
    const withPhone = expected.rows.filter((r) => r.phone);
    expect(withPhone.length).toBe(broadcast.rows);
    for (const r of withPhone) expect(messages.get(`${r.phone} ${r.name}`)).toBe(r.message);
  });
});

describe('campaigns', () => {
  it('validates the code, snapshots the segment and counts conversions from transactions carrying the code', async () => {
    const app = await analysedDemoShop();
    const base = { name: 'Ajak kembali November', segment: 'at_risk', channel: 'whatsapp', startDate: '2026-11-01', endDate: '2026-11-30' } as const;
    const bad = await fails(app, 'campaigns.create', { ...base, code: 'promo november' });
    expect(bad).toMatchObject({ code: 'VALIDATION_ERROR', message: expect.stringContaining('UMR_MAR_2025_HEMAT') });
    const campaign = await ok(app, 'campaigns.create', { ...base, code: 'btk_nov_2026_balik' });
    const members = await ok(app, 'rfm.members', { segment: 'at_risk', pageSize: 200 });
    expect(campaign).toMatchObject({ code: 'BTK_NOV_2026_BALIK', recipients: members.total, contacted: 0, converted: 0, revenue: 0 });
    expect((await fails(app, 'campaigns.create', { ...base, code: 'BTK_NOV_2026_BALIK' })).code).toBe('CONFLICT');
    // The snapshot is synced like any domain write: one outbox entry naming the campaign, with an op id of its own.
    const entries = app.services.sqlite.prepare('SELECT op_id, entity, op FROM outbox WHERE entity_id = ? ORDER BY seq').all(campaign.id) as {
      op_id: string;
      entity: string;
      op: string;
    }[];
    expect(entries.map((e) => [e.entity, e.op])).toEqual([
      ['campaigns', 'insert'],
      ['campaign_recipients', 'insert'],
      ['campaigns', 'update'],
    ]);
    expect(new Set(entries.map((e) => e.op_id)).size).toBe(3);

    const [a, b] = members.rows;
    await ok(app, 'content.markContacted', {
      customerIds: [a.customerId, b.customerId],
      channel: 'whatsapp',
      campaignId: campaign.id,
      body: 'Halo {nama}, kode {kode_kampanye}',
    });
    await ok(app, 'transactions.create', { customer_id: a.customerId, transaction_date: '2026-11-05', amount: 250_000, campaign_code: 'BTK_NOV_2026_BALIK' });
    await ok(app, 'transactions.create', { customer_id: a.customerId, transaction_date: '2026-11-06', amount: 100_000, campaign_code: ' btk_nov_2026_balik ' }); // typed loosely
    await ok(app, 'transactions.create', { customer_id: b.customerId, transaction_date: '2026-10-20', amount: 999_000, campaign_code: 'BTK_NOV_2026_BALIK' }); // before the start

    const report = await ok(app, 'campaigns.get', { id: campaign.id });
    expect(report).toMatchObject({ contacted: 2, converted: 1, conversions: 2, revenue: 350_000 });
    expect(report.conversionPct).toBeCloseTo(100 / members.total, 6);
    expect(await ok(app, 'campaigns.list', {})).toMatchObject([{ id: campaign.id, converted: 1 }]);
    expect((await ok(app, 'customers.communications', { id: a.customerId }))[0]).toMatchObject({
      campaignCode: 'BTK_NOV_2026_BALIK',
      message: `Halo ${a.name}, kode BTK_NOV_2026_BALIK`,
    });
  });
});
