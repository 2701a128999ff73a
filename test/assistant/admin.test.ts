import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HANDOVER_TEXT } from '../../src-cloud/assistant/decide';
import { withAssistant } from '../../src-cloud/assistant/schema';
import { adminCall } from '../cloud/admin-client';
import { answer } from './fake-model';
import { conversationOf, handoversOf, messagesOf, say, startWorld, type World } from './harness';

let world: World;
beforeAll(async () => {
  world = await startWorld();
});
afterAll(async () => world.close());

const settingsPath = () => `/api/admin/businesses/${world.b.businessId}/assistant/settings`;
const settings = (over: Record<string, unknown> = {}) => ({
  enabled: true,
  wahaBaseUrl: world.waha.baseUrl,
  wahaSession: 'default',
  wahaApiKey: world.waha.apiKey,
  webhookHmacKey: world.b.hmacKey,
  modelBaseUrl: world.model.baseUrl,
  modelName: 'gpt-4o-mini',
  modelApiKey: 'sk-model-rahasia',
  confidenceThreshold: 0.6,
  monthlyTokenLimit: null,
  ...over,
});

describe("the assistant's console routes and limits", () => {
  it('answers with the newest prompt version and records it on every reply', async () => {
    const res = await adminCall(world.cloud, 'POST', `/api/admin/businesses/${world.a.businessId}/assistant/prompts`, world.session, {
      basePrompt: 'Anda konsultan umroh Travel Amanah yang santun.',
      businessProfile: 'Travel Amanah, Solo, izin PPIU resmi.',
      rules: 'Selalu sapa dengan salam.',
      escalationCriteria: 'Pembayaran dan keluhan ke admin.',
      faq: [{ question: 'Apakah ada manasik?', answer: 'Ada, dua kali di Solo.' }],
    });
    expect(res).toMatchObject({ status: 200, body: { version: 1 } });
    world.model.script.push(answer({ reply: 'Assalamualaikum, ada yang bisa dibantu?' }));
    await say(world, world.a, '6281400000001', 'halo');
    const system = world.model.requests.at(-1)!.body.messages[0].content;
    for (const part of [
      'Anda konsultan umroh Travel Amanah',
      'izin PPIU resmi',
      'Selalu sapa dengan salam',
      'Pembayaran dan keluhan ke admin',
      'J: Ada, dua kali di Solo.',
    ])
      expect(system).toContain(part);
    const conv = await conversationOf(world, world.a, '6281400000001');
    expect((await messagesOf(world, world.a, conv!.id)).find((m) => m.direction === 'out')?.prompt_version).toBe(1);
    const second = await adminCall(world.cloud, 'POST', `/api/admin/businesses/${world.a.businessId}/assistant/prompts`, world.session, {
      basePrompt: 'Versi dua.',
      businessProfile: '',
      rules: '',
      escalationCriteria: '',
      faq: [],
    });
    expect(second.body).toEqual({ version: 2 });
  });

  it('hands over with the holding message when the model fails, instead of leaving the customer waiting', async () => {
    // Nothing scripted: the fake model answers 500.
    await say(world, world.a, '6281400000002', 'halo, ada paket?');
    expect(world.waha.texts('6281400000002@c.us')).toEqual([HANDOVER_TEXT]);
    const conv = await conversationOf(world, world.a, '6281400000002');
    expect(conv).toMatchObject({ handed_over: true, handover_reason: 'low_confidence' });
    expect((await handoversOf(world, world.a)).find((h) => h.phone === '+6281400000002')?.trigger_text).toBe('the model server answered 500');
  });

  it("stops calling the model once the month's token limit is spent, and hands over", async () => {
    expect((await adminCall(world.cloud, 'PUT', settingsPath(), world.session, settings({ monthlyTokenLimit: 1500 }))).status).toBe(200);
    world.model.script.push(answer({ reply: 'Halo dari Barokah' }));
    await say(world, world.b, '6281400000003', 'halo');
    expect(world.waha.texts('6281400000003@c.us')).toEqual(['Halo dari Barokah']);
    // 1,020 tokens spent, under 1,500: one more call.
    world.model.script.push(answer({ reply: 'Paket Maret tersedia' }));
    await say(world, world.b, '6281400000003', 'paket maret?');
    const calls = world.model.requests.length;
    await say(world, world.b, '6281400000003', 'fasilitasnya?');
    expect(world.model.requests.length).toBe(calls);
    expect(world.waha.texts('6281400000003@c.us').at(-1)).toBe(HANDOVER_TEXT);
    expect(await conversationOf(world, world.b, '6281400000003')).toMatchObject({ handed_over: true, handover_reason: 'quota' });
  });

  it('keeps quiet while the assistant is disabled, and says why to the webhook', async () => {
    expect((await adminCall(world.cloud, 'PUT', settingsPath(), world.session, settings({ enabled: false }))).status).toBe(200);
    const res = await say(world, world.b, '6281400000004', 'halo');
    expect(res).toEqual({ status: 200, body: { stored: false, ignored: 'assistant disabled' } });
    expect(await conversationOf(world, world.b, '6281400000004')).toBeUndefined();
    expect((await adminCall(world.cloud, 'PUT', settingsPath(), world.session, settings())).status).toBe(200);
  });

  it('refuses bad input with a sentence naming the field, and unknown businesses with 404', async () => {
    const weak = await adminCall(world.cloud, 'PUT', settingsPath(), world.session, settings({ webhookHmacKey: 'pendek' }));
    expect(weak).toMatchObject({ status: 400, body: { message: 'body.webhookHmacKey: at least 16 characters' } });
    const unknown = '01900000-0000-7000-8000-000000000000';
    expect((await adminCall(world.cloud, 'PUT', `/api/admin/businesses/${unknown}/assistant/settings`, world.session, settings())).status).toBe(404);
    expect((await adminCall(world.cloud, 'GET', `/api/admin/businesses/${unknown}/catalogue`, world.session)).status).toBe(404);
    expect(
      (await world.waha.deliver(`${world.cloud.url}/api/assistant/waha/${unknown}`, 'x'.repeat(16), { from: '6281400000005@c.us', body: 'halo' })).status,
    ).toBe(404);
    // Without a console session nothing is read or written.
    expect((await adminCall(world.cloud, 'PUT', settingsPath(), null, settings())).status).toBe(401);
  });

  it('writes every console change to the audit log, without the secrets', async () => {
    const rows = await world.cloud.db.selectFrom('audit_log').select(['action', 'details']).where('action', 'like', 'assistant.%').execute();
    expect(new Set(rows.map((r) => r.action))).toEqual(new Set(['assistant.settings', 'assistant.prompt']));
    const text = JSON.stringify(rows);
    for (const secret of [world.waha.apiKey, world.a.hmacKey, world.b.hmacKey, 'sk-model-rahasia']) expect(text).not.toContain(secret);
    const sealed = await withAssistant(world.cloud.db, world.b.businessId, (tx) =>
      tx.selectFrom('assistant_settings').select('model_api_key_enc').executeTakeFirstOrThrow(),
    );
    expect(sealed.model_api_key_enc).toMatch(/^v1\./);
  });
});
