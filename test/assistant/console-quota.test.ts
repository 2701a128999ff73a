import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { settingsResponse } from '../../src-shared/cloud/assistant-schemas';
import { HANDOVER_TEXT } from '../../src-cloud/assistant/decide';
import { adminCall } from '../cloud/admin-client';
import { pushSmallShop } from '../cloud/admin-shop';
import { enrolledShop } from '../cloud/cloud-server';
import { answer } from './fake-model';
import { conversationOf, handoversOf, messagesOf, say, startWorld, type Shop, type World } from './harness';

/**
 * The assistant's tokens in rupiah (the model's price per 1,000 tokens, set in the assistant settings)
 * against the shop's AI quota (businesses.ai_monthly_quota), together with the laptop's own AI calls:
 * spent, the assistant stops calling the model and hands the conversation over.
 */
let world: World;
beforeAll(async () => {
  world = await startWorld();
});
afterAll(async () => world.close());

const settings = (shop: Shop, over: Record<string, unknown> = {}) => ({
  enabled: true,
  wahaBaseUrl: world.waha.baseUrl,
  wahaSession: 'default',
  wahaApiKey: world.waha.apiKey,
  webhookHmacKey: shop.hmacKey,
  modelBaseUrl: world.model.baseUrl,
  modelName: 'gpt-4o-mini',
  modelApiKey: 'sk-model-rahasia',
  confidenceThreshold: 0.6,
  monthlyTokenLimit: null,
  ...over,
});
const spendOf = async (shop: Shop) =>
  settingsResponse.parse((await adminCall(world.cloud, 'GET', `/api/admin/businesses/${shop.businessId}/assistant/settings`, world.session)).body).spend;
const setQuota = async (shop: Shop, monthlyQuota: number | null) =>
  expect((await adminCall(world.cloud, 'PUT', `/api/admin/businesses/${shop.businessId}/ai-quota`, world.session, { monthlyQuota })).status).toBe(200);

describe("the assistant's cost against the shop's AI quota", () => {
  it('prices each reply when it is made, and stops answering once the quota is spent', async () => {
    const { a } = world;
    expect(
      (
        await adminCall(
          world.cloud,
          'PUT',
          `/api/admin/businesses/${a.businessId}/assistant/settings`,
          world.session,
          settings(a, { modelPrices: { 'gpt-4o-mini': 10 } }),
        )
      ).status,
    ).toBe(200);
    await setQuota(a, 15);
    const phone = '6281500000001';

    world.model.script.push(answer({ reply: 'Halo, ada yang bisa dibantu?' }));
    await say(world, a, phone, 'halo');
    // 1,020 tokens at Rp 10 per 1,000.
    expect(await spendOf(a)).toMatchObject({ tokens: 1020, assistantCost: 10.2, laptopCost: 0, quota: 15, priced: true, spent: false });

    world.model.script.push(answer({ reply: 'Paket Maret masih tersedia.' }));
    await say(world, a, phone, 'paket maret?');
    expect(await spendOf(a)).toMatchObject({ assistantCost: 20.4, spent: true });

    // A later price does not rewrite what was spent.
    expect(
      (
        await adminCall(
          world.cloud,
          'PUT',
          `/api/admin/businesses/${a.businessId}/assistant/settings`,
          world.session,
          settings(a, { modelPrices: { 'gpt-4o-mini': 1 } }),
        )
      ).status,
    ).toBe(200);
    expect((await spendOf(a)).assistantCost).toBe(20.4);

    const calls = world.model.requests.length;
    await say(world, a, phone, 'fasilitasnya apa saja?');
    expect(world.model.requests.length).toBe(calls);
    expect(world.waha.texts(`${phone}@c.us`).at(-1)).toBe(HANDOVER_TEXT);
    const conv = await conversationOf(world, a, phone);
    expect(conv).toMatchObject({ handed_over: true, handover_reason: 'quota' });
    expect((await handoversOf(world, a)).at(-1)).toMatchObject({ reason: 'quota', trigger_text: 'Rp 20 of the Rp 15 AI quota used this month' });
    const out = (await messagesOf(world, a, conv!.id)).filter((m) => m.direction === 'out');
    expect(out.map((m) => (m.cost_rupiah === null ? null : Number(m.cost_rupiah)))).toEqual([10.2, 10.2, 0]);

    // A bigger quota and a hand-back: the assistant answers again.
    await setQuota(a, 100);
    expect(
      (await adminCall(world.cloud, 'POST', `/api/admin/businesses/${a.businessId}/assistant/conversations/${conv!.id}/handback`, world.session, {})).status,
    ).toBe(200);
    world.model.script.push(answer({ reply: 'Fasilitasnya hotel bintang 3.' }));
    await say(world, a, phone, 'fasilitasnya?');
    expect(world.waha.texts(`${phone}@c.us`).at(-1)).toBe('Fasilitasnya hotel bintang 3.');
  });

  it("counts the laptop's own AI calls in the same quota", async () => {
    const laptop = await enrolledShop(world.cloud, 'Travel Laptop');
    // Rp 120.5 this month (and Rp 20 last month) of the laptop's message writer, pushed through sync.
    await pushSmallShop(world.cloud, laptop.token);
    const shop: Shop = {
      businessId: laptop.businessId,
      hmacKey: `hmac-${randomBytes(12).toString('hex')}`,
      webhook: `${world.cloud.url}/api/assistant/waha/${laptop.businessId}`,
    };
    expect((await adminCall(world.cloud, 'PUT', `/api/admin/businesses/${shop.businessId}/assistant/settings`, world.session, settings(shop))).status).toBe(
      200,
    );
    await setQuota(shop, 100);
    expect(await spendOf(shop)).toMatchObject({ assistantCost: 0, laptopCost: 120.5, quota: 100, priced: false, spent: true });

    const calls = world.model.requests.length;
    await say(world, shop, '6281500000002', 'halo, ada paket umroh?');
    expect(world.model.requests.length).toBe(calls);
    expect(await conversationOf(world, shop, '6281500000002')).toMatchObject({ handed_over: true, handover_reason: 'quota' });

    // No quota, no limit: the same shop answers.
    await setQuota(shop, null);
    world.model.script.push(answer({ reply: 'Ada, Kak.' }));
    await say(world, shop, '6281500000003', 'halo');
    expect(world.waha.texts('6281500000003@c.us')).toEqual(['Ada, Kak.']);
  });
});
