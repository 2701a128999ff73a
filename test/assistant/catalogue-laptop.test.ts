import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueEnrolCode } from '../../src-cloud/admin/enrol-codes';
import { restoreFromCloud } from '../../src-main/sync/restore';
import { enrol, pushNow } from '../../src-main/sync/service';
import { adminCall, adminSession } from '../cloud/admin-client';
import { ok, shopWithOwner } from '../helpers';
import { answer } from './fake-model';
import { conversationOf, say, startWorld, type World } from './harness';

let world: World;
let support: string;
beforeAll(async () => {
  world = await startWorld();
  // The laptop stamps its changes with its own clock: the cloud's must be as real, or a second edit
  // would be clamped onto the first one's stamp and lose to it. Sessions are made on that clock too.
  Object.defineProperty(world.cloud.clock, 'now', { get: () => new Date() });
  // A support account: the catalogue is there to read, not to edit.
  support = (await adminSession(world.cloud, 'cs', 'support')).session;
});
afterAll(async () => world.close());

const chat = (phone: string) => `${phone}@c.us`;
const code = async (businessId: string) => (await issueEnrolCode(world.cloud.db, businessId, null, new Date())).code;

const VIP = {
  name: 'Umroh Juni 2026 VIP',
  category: 'Umroh',
  price: 41_000_000,
  campaign_code: 'umr_jun_2026_vip',
  start_date: '2026-06-05',
  end_date: '2026-06-17',
  quota_status: 'limited' as const,
  features: ['Hotel bintang 5 pelataran Haram', 'Durasi 12 hari', 'Kereta cepat Makkah–Madinah'],
  image_url: 'https://cdn.tokoamanah.id/umr-jun-vip.png',
  brochure_url: 'https://cdn.tokoamanah.id/umr-jun-vip.pdf',
  assistant_offered: true,
};

describe("the catalogue comes from the laptop's products", () => {
  it('a product edited on the laptop and pushed is what a WhatsApp message with its code gets, image included', async () => {
    const laptop = await shopWithOwner();
    await enrol(laptop.services, { server: world.cloud.url, code: await code(world.a.businessId) });
    const product = await ok(laptop, 'products.create', { ...VIP, price: 39_000_000 });
    expect(product).toMatchObject({ campaign_code: 'UMR_JUN_2026_VIP', features: VIP.features, assistant_offered: true, quota_status: 'limited' });
    // Edited after it was made: the price and the quota change, and the newer row is the one pushed.
    await ok(laptop, 'products.update', { ...VIP, id: product.id, code: product.code, quota_status: 'full' });
    await pushNow(laptop.services);

    const phone = '6281300000001';
    world.model.script.push(
      answer({
        reply: 'Assalamualaikum! Paket Umroh Juni 2026 VIP: Rp 41.000.000, berangkat 5 Juni 2026. Kuota sudah penuh, bisa masuk daftar tunggu.',
        media: [{ type: 'image', url: VIP.image_url, caption: 'Umroh Juni 2026 VIP' }],
      }),
    );
    await say(world, world.a, phone, 'Halo, saya lihat iklan umr_jun_2026_vip');

    const system = world.model.requests.at(-1)!.body.messages[0].content;
    expect(system).toContain('kode kampanye UMR_JUN_2026_VIP');
    expect(system).toContain('- UMR_JUN_2026_VIP: Umroh Juni 2026 VIP, Rp 41.000.000');
    expect(system).toContain('berangkat/mulai 2026-06-05 s.d. 2026-06-17');
    expect(system).toContain('kuota: penuh');
    expect(system).toContain('fasilitas: Hotel bintang 5 pelataran Haram; Durasi 12 hari; Kereta cepat Makkah–Madinah');
    expect(system).toContain(`brosur: ${VIP.brochure_url}`);
    expect(system).not.toContain('Rp 39.000.000');

    const sends = world.waha.sends(chat(phone));
    expect(sends.map((s) => s.path)).toEqual(['/api/sendText', '/api/sendImage']);
    expect(String(sends[0].body.text)).toContain('Rp 41.000.000');
    expect(sends[1].body.file).toEqual({ url: VIP.image_url, mimetype: 'image/png', filename: 'umr-jun-vip.png' });
    expect(await conversationOf(world, world.a, phone)).toMatchObject({ campaign_code: 'UMR_JUN_2026_VIP' });

    // The console shows the same package, read-only.
    const shown = await adminCall(world.cloud, 'GET', `/api/admin/businesses/${world.a.businessId}/catalogue`, support);
    expect(shown.status).toBe(200);
    expect((shown.body.packages as { code: string }[]).find((p) => p.code === 'UMR_JUN_2026_VIP')).toEqual({
      code: 'UMR_JUN_2026_VIP',
      name: VIP.name,
      price: 41_000_000,
      startDate: VIP.start_date,
      endDate: VIP.end_date,
      quotaStatus: 'full',
      features: VIP.features,
      imageUrl: VIP.image_url,
      brochureUrl: VIP.brochure_url,
    });
  }, 120_000);

  it('a product the owner stops offering, or deletes, is no longer a package its code resolves to', async () => {
    const laptop = await shopWithOwner();
    await enrol(laptop.services, { server: world.cloud.url, code: await code(world.b.businessId) });
    const offered = await ok(laptop, 'products.create', { ...VIP, campaign_code: 'UMR_AGU_2026_HEMAT', name: 'Umroh Agustus 2026 Hemat' });
    const gone = await ok(laptop, 'products.create', { ...VIP, campaign_code: 'UMR_SEP_2026_HEMAT', name: 'Umroh September 2026 Hemat' });
    await pushNow(laptop.services);
    const catalogue = async () =>
      ((await adminCall(world.cloud, 'GET', `/api/admin/businesses/${world.b.businessId}/catalogue`, support)).body.packages as { code: string }[]).map(
        (p) => p.code,
      );
    expect(await catalogue()).toEqual(expect.arrayContaining(['UMR_AGU_2026_HEMAT', 'UMR_SEP_2026_HEMAT']));

    await ok(laptop, 'products.update', {
      ...VIP,
      id: offered.id,
      code: offered.code,
      campaign_code: 'UMR_AGU_2026_HEMAT',
      name: 'Umroh Agustus 2026 Hemat',
      assistant_offered: false,
    });
    await ok(laptop, 'products.delete', { id: gone.id });
    await pushNow(laptop.services);
    expect(await catalogue()).not.toContain('UMR_AGU_2026_HEMAT');
    expect(await catalogue()).not.toContain('UMR_SEP_2026_HEMAT');

    const phone = '6281300000002';
    world.model.script.push(answer({ reply: 'Assalamualaikum! Berapa orang yang akan berangkat, dan bulan apa?' }));
    await say(world, world.b, phone, 'Mau tanya UMR_AGU_2026_HEMAT dan UMR_SEP_2026_HEMAT');
    const system = world.model.requests.at(-1)!.body.messages[0].content;
    expect(system).toContain('tanpa kode kampanye yang dikenal');
    expect(system).not.toContain('Umroh Agustus 2026 Hemat');
    expect(await conversationOf(world, world.b, phone)).toMatchObject({ campaign_code: null });
  }, 120_000);

  it('a restore onto a new laptop brings the catalogue fields back', async () => {
    const fresh = await shopWithOwner();
    await restoreFromCloud(fresh.services, { server: world.cloud.url, code: await code(world.a.businessId) });
    const { rows } = await ok(fresh, 'products.list', { search: 'UMR_JUN', page: 1, pageSize: 5 });
    expect(rows.find((p) => p.campaign_code === 'UMR_JUN_2026_VIP')).toMatchObject({
      name: VIP.name,
      price: 41_000_000,
      start_date: VIP.start_date,
      end_date: VIP.end_date,
      quota_status: 'full',
      features: VIP.features,
      image_url: VIP.image_url,
      brochure_url: VIP.brochure_url,
      assistant_offered: true,
    });
  }, 120_000);
});
