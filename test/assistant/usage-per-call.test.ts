import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { settingsResponse } from '../../src-shared/cloud/assistant-schemas';
import type { ModelAnswer } from '../../src-cloud/assistant/model';
import { adminCall } from '../cloud/admin-client';
import { answer } from './fake-model';
import { conversationOf, handoversOf, say, startWorld, type Shop, type World } from './harness';

/**
 * Every model call is paid for, whatever became of its answer: an empty reply that sends nothing, an
 * answer that is not the JSON asked for, a reply WAHA failed to deliver. Each counts against the
 * month's token limit and the shop's rupiah quota (the fake model bills 1,020 tokens a call).
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
const saveSettings = async (shop: Shop, over: Record<string, unknown>) =>
  expect((await adminCall(world.cloud, 'PUT', `/api/admin/businesses/${shop.businessId}/assistant/settings`, world.session, settings(shop, over))).status).toBe(
    200,
  );

describe('model calls that send nothing', () => {
  it('are counted against the token limit and the rupiah quota all the same', async () => {
    const { a } = world;
    await saveSettings(a, { modelPrices: { 'gpt-4o-mini': 10 } });

    // An empty reply, no media, no escalation: nothing goes out.
    world.model.script.push(answer({ reply: '' }), answer({ reply: '' }));
    await say(world, a, '6281500000101', 'pesan satu');
    await say(world, a, '6281500000101', 'pesan dua');
    // Valid JSON, but not the answer's shape: the server billed it even so.
    world.model.script.push('bukan jawaban terstruktur' as unknown as ModelAnswer);
    await say(world, a, '6281500000102', 'halo');
    // WAHA down: the reply is lost and the message waits, but the call was made.
    world.waha.down = true;
    world.model.script.push(answer({ reply: 'Halo Kak' }));
    await say(world, a, '6281500000103', 'halo');
    world.waha.down = false;

    expect(world.model.requests).toHaveLength(4);
    expect(world.model.script).toHaveLength(0);
    expect(await spendOf(a)).toMatchObject({ tokens: 4 * 1020, assistantCost: 40.8 });

    // The token limit sees them too: 4,080 of 4,000 used, so the next customer gets a person, not a model call.
    await saveSettings(a, { modelPrices: { 'gpt-4o-mini': 10 }, monthlyTokenLimit: 4000 });
    await say(world, a, '6281500000104', 'paket april ada?');
    expect(world.model.requests).toHaveLength(4);
    expect(await conversationOf(world, a, '6281500000104')).toMatchObject({ handed_over: true, handover_reason: 'quota' });
    expect((await handoversOf(world, a)).at(-1)).toMatchObject({ reason: 'quota', trigger_text: '4080 of 4000 tokens used this month' });
  });
});
