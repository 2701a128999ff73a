import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  analyticsResponse,
  conversationResponse,
  conversationsResponse,
  handoversResponse,
  overviewResponse,
  promptsResponse,
  settingsResponse,
} from '../../src-shared/cloud/assistant-schemas';
import { maskPhone } from '../../src-cloud/assistant/conversation-reads';
import { adminCall } from '../cloud/admin-client';
import { answer } from './fake-model';
import { conversationOf, say, startWorld, type Shop, type World } from './harness';

/**
 * The console's reads over conversations made through the real webhook: list, audit trail, handover
 * queue and hand-back, analytics, prompt versions, settings without secrets.
 */
let world: World;
beforeAll(async () => {
  world = await startWorld();
});
afterAll(async () => world.close());

const base = (shop: Shop) => `/api/admin/businesses/${shop.businessId}/assistant`;
const get = async (path: string) => {
  const res = await adminCall(world.cloud, 'GET', path, world.session);
  expect(res.status, `${path}: ${JSON.stringify(res.body)}`).toBe(200);
  return res.body;
};
const later = (seconds: number) => {
  world.cloud.clock.now = new Date(world.cloud.clock.now.getTime() + seconds * 1000);
};
/** A customer writes, and the reply goes out `wait` seconds later (the clock moves while it is queued). */
async function sayAfter(shop: Shop, phone: string, body: string, wait: number) {
  const res = await world.waha.deliver(shop.webhook, shop.hmacKey, { from: `${phone}@c.us`, body });
  expect(res.status).toBe(200);
  later(wait);
  await world.assistant.idle();
}

const P1 = '6281300000001';
const P2 = '6281300000002';
const P3 = '6281300000003';

describe("the console's assistant pages, read from the cloud", () => {
  beforeAll(async () => {
    world.model.script.push(
      answer({
        reply: 'Paket Umroh Maret 2025 Hemat, Rp 25.000.000.',
        media: [{ type: 'image', url: 'https://cdn.example.com/umr-mar-hemat.jpg', caption: null }],
      }),
    );
    await sayAfter(world.a, P1, 'Halo, saya dari iklan UMR_MAR_2025_HEMAT', 40);
    later(60);
    world.model.script.push(answer({ reply: 'Harganya Rp 25.000.000 per orang.', newPhase: 'INTEREST' }));
    await sayAfter(world.a, P1, 'Berapa harganya??', 20);
    later(60);
    world.model.script.push(answer({ reply: 'Paket kami mulai Rp 25.000.000.', newPhase: 'INTEREST' }));
    await sayAfter(world.a, P2, 'berapa  harganya', 30);
    later(60);
    world.model.script.push(
      answer({ reply: 'Baik, admin kami akan membantu pembayarannya.', newPhase: 'BOOKING', summary: 'Pelanggan mau bayar DP paket Maret.' }),
    );
    await sayAfter(world.a, P2, 'DP berapa?', 10);
    later(60);
    world.model.script.push(answer({ reply: 'Assalamualaikum, ada yang bisa dibantu?' }));
    await sayAfter(world.a, P3, 'halo', 20);
    later(60);
    world.model.script.push(answer({ reply: 'Baik, kami sambungkan ke admin.' }));
    await say(world, world.a, P3, 'mau bicara dengan admin');
  });

  it('masks the customer numbers, keeping the prefix and the last three digits', () => {
    expect(maskPhone('+6281300000001')).toBe('+62813•••••001');
    expect(maskPhone('+628123')).toBe('••••••');
  });

  it('lists the conversations newest first, masked, with phase, last message, code and handover flag', async () => {
    const { conversations } = conversationsResponse.parse(await get(`${base(world.a)}/conversations`));
    expect(conversations.map((c) => c.phone)).toEqual(['+62813•••••003', '+62813•••••002', '+62813•••••001']);
    expect(JSON.stringify(conversations)).not.toContain('6281300000001');
    expect(conversations[1]).toMatchObject({
      phase: 'BOOKING',
      handedOver: true,
      handoverReason: 'payment_intent',
      lastMessage: 'Baik, admin kami akan membantu pembayarannya.',
      lastDirection: 'out',
      messages: 4,
    });
    expect(conversations[2]).toMatchObject({ phase: 'INTEREST', campaignCode: 'UMR_MAR_2025_HEMAT', handedOver: false, messages: 5 });
    const handed = conversationsResponse.parse(await get(`${base(world.a)}/conversations?handedOver=true`));
    expect(handed.conversations.map((c) => c.phone)).toEqual(['+62813•••••003', '+62813•••••002']);
    const interest = conversationsResponse.parse(await get(`${base(world.a)}/conversations?phase=INTEREST`));
    expect(interest.conversations.map((c) => c.phone)).toEqual(['+62813•••••001']);
    // The other shop sees none of them.
    expect(conversationsResponse.parse(await get(`${base(world.b)}/conversations`)).conversations).toEqual([]);
  });

  it("shows a conversation's whole audit trail: messages, phases, confidence, trigger, media, prompt version, handover", async () => {
    const conv = await conversationOf(world, world.a, P2);
    const trail = conversationResponse.parse(await get(`${base(world.a)}/conversations/${conv!.id}`));
    expect(trail.conversation).toMatchObject({ phone: '+62813•••••002', phase: 'BOOKING', handedOver: true, summary: 'Pelanggan mau bayar DP paket Maret.' });
    expect(trail.messages.map((m) => [m.direction, m.body, m.phaseBefore, m.phaseAfter])).toEqual([
      ['in', 'berapa  harganya', null, null],
      ['out', 'Paket kami mulai Rp 25.000.000.', 'LEADS', 'INTEREST'],
      ['in', 'DP berapa?', null, null],
      ['out', 'Baik, admin kami akan membantu pembayarannya.', 'INTEREST', 'BOOKING'],
    ]);
    expect(trail.messages[3]).toMatchObject({ confidence: 0.9, escalationTrigger: 'payment_intent: DP berapa?', promptVersion: 0, tokens: 1020 });
    expect(trail.handovers).toEqual([
      expect.objectContaining({ reason: 'payment_intent', stage: 'booking', phone: '+62813•••••002', returnedAt: null, trigger: 'DP berapa?' }),
    ]);

    const withImage = conversationResponse.parse(await get(`${base(world.a)}/conversations/${(await conversationOf(world, world.a, P1))!.id}`));
    expect(withImage.messages[2]).toMatchObject({ direction: 'out', media: { type: 'image', url: 'https://cdn.example.com/umr-mar-hemat.jpg' } });
    expect(withImage.messages[0].campaignCode).toBe('UMR_MAR_2025_HEMAT');
    // Another shop's path does not reach it.
    expect((await adminCall(world.cloud, 'GET', `${base(world.b)}/conversations/${conv!.id}`, world.session)).status).toBe(404);
  });

  it('queues open handovers oldest first, and a hand-back takes one off and is recorded on the trail', async () => {
    const queue = handoversResponse.parse(await get(`${base(world.a)}/handovers`));
    expect(queue.handovers.map((h) => [h.phone, h.reason])).toEqual([
      ['+62813•••••002', 'payment_intent'],
      ['+62813•••••003', 'person_request'],
    ]);
    expect(queue.handovers[0].summary).toBe('Pelanggan mau bayar DP paket Maret.');

    const conv = await conversationOf(world, world.a, P2);
    expect((await adminCall(world.cloud, 'POST', `${base(world.a)}/conversations/${conv!.id}/handback`, world.session, {})).status).toBe(200);
    const after = handoversResponse.parse(await get(`${base(world.a)}/handovers`));
    expect(after.handovers.map((h) => h.phone)).toEqual(['+62813•••••003']);
    const trail = conversationResponse.parse(await get(`${base(world.a)}/conversations/${conv!.id}`));
    expect(trail.conversation.handedOver).toBe(false);
    expect(trail.handovers[0]).toMatchObject({ returnedBy: 'root' });
    expect(trail.handovers[0].returnedAt).not.toBeNull();
  });

  it('computes phases, campaign bookings, escalation rate, response time, common questions and drop-off', async () => {
    const a = analyticsResponse.parse(await get(`${base(world.a)}/analytics`));
    expect(a.conversations).toBe(3);
    expect(a.phases).toEqual([
      { phase: 'LEADS', conversations: 1 },
      { phase: 'INTEREST', conversations: 1 },
      { phase: 'BOOKING', conversations: 1 },
    ]);
    expect(a.funnel).toEqual([
      { phase: 'LEADS', reached: 3, dropOff: null },
      { phase: 'INTEREST', reached: 2, dropOff: 1 / 3 },
      { phase: 'BOOKING', reached: 1, dropOff: 0.5 },
    ]);
    expect(a.campaigns).toEqual([
      { code: null, conversations: 2, bookings: 1, handovers: 2 },
      { code: 'UMR_MAR_2025_HEMAT', conversations: 1, bookings: 0, handovers: 0 },
    ]);
    expect(a.escalation).toEqual({
      conversations: 2,
      rate: 2 / 3,
      reasons: [
        { reason: 'payment_intent', count: 1 },
        { reason: 'person_request', count: 1 },
      ],
    });
    // Six replies; the customer waited 40, 20, 30, 10, 20 and 0 seconds.
    expect(a.responseSeconds).toEqual({ average: 20, replies: 6 });
    expect(a.questions[0]).toEqual({ text: 'berapa harganya', count: 2 });
    // A range with nothing in it, and a range back to front.
    const empty = analyticsResponse.parse(await get(`${base(world.a)}/analytics?from=2020-01-01&to=2020-01-31`));
    expect(empty).toMatchObject({ conversations: 0, escalation: { rate: null }, responseSeconds: { average: null, replies: 0 } });
    expect(await adminCall(world.cloud, 'GET', `${base(world.a)}/analytics?from=2026-12-02&to=2026-12-01`, world.session)).toMatchObject({
      status: 400,
      body: { message: 'from: must not be after to' },
    });
    // A day PostgreSQL cannot take is refused as input, not a server error.
    expect(await adminCall(world.cloud, 'GET', `${base(world.a)}/analytics?from=0000-01-01&to=2026-12-01`, world.session)).toMatchObject({ status: 400 });
  });

  it('lists prompt versions newest first with who saved each', async () => {
    const before = promptsResponse.parse(await get(`${base(world.b)}/prompts`));
    expect(before).toMatchObject({ current: { version: 0, createdBy: null }, versions: [] });
    for (const basePrompt of ['Versi satu.', 'Versi dua.']) {
      const res = await adminCall(world.cloud, 'POST', `${base(world.b)}/prompts`, world.session, {
        basePrompt,
        businessProfile: 'Travel Barokah',
        rules: 'Sopan.',
        escalationCriteria: 'Bayar ke admin.',
        faq: [{ question: 'Ada manasik?', answer: 'Ada.' }],
      });
      expect(res.status).toBe(200);
    }
    const after = promptsResponse.parse(await get(`${base(world.b)}/prompts`));
    expect(after.versions.map((v) => [v.version, v.basePrompt, v.createdBy])).toEqual([
      [2, 'Versi dua.', 'root'],
      [1, 'Versi satu.', 'root'],
    ]);
    expect(after.current).toMatchObject({ version: 2, faq: [{ question: 'Ada manasik?', answer: 'Ada.' }] });
  });

  it('shows the settings without any secret, and a save that leaves the secrets out keeps them', async () => {
    const res = await adminCall(world.cloud, 'GET', `${base(world.a)}/settings`, world.session);
    const text = JSON.stringify(res.body);
    for (const secret of [world.waha.apiKey, world.a.hmacKey, 'sk-model-rahasia', 'v1.']) expect(text).not.toContain(secret);
    const view = settingsResponse.parse(res.body);
    expect(view.settings).toMatchObject({
      enabled: true,
      hasWahaApiKey: true,
      hasWebhookHmacKey: true,
      hasModelApiKey: true,
      modelName: 'gpt-4o-mini',
      modelPrices: {},
    });
    expect(view.spend).toMatchObject({ tokens: 6120, assistantCost: 0, priced: false, quota: null, spent: false });

    const {
      hasWahaApiKey: _w,
      hasWebhookHmacKey: _h,
      hasModelApiKey: _m,
      hasCloudApiAccessToken: _t,
      hasCloudApiAppSecret: _s,
      hasCloudApiVerifyToken: _v,
      updatedAt: _u,
      ...editable
    } = view.settings!;
    const saved = await adminCall(world.cloud, 'PUT', `${base(world.a)}/settings`, world.session, { ...editable, modelPrices: { 'gpt-4o-mini': 2.5 } });
    expect(saved.status).toBe(200);
    const again = settingsResponse.parse(await get(`${base(world.a)}/settings`));
    expect(again.settings).toMatchObject({ hasWahaApiKey: true, hasWebhookHmacKey: true, hasModelApiKey: true, modelPrices: { 'gpt-4o-mini': 2.5 } });
    expect(again.spend.priced).toBe(true);
    // The webhook key kept: a signed message is still taken.
    world.model.script.push(answer({ reply: 'Masih di sini.' }));
    expect((await say(world, world.a, '6281300000009', 'tes')).status).toBe(200);
    expect(world.waha.texts('6281300000009@c.us')).toEqual(['Masih di sini.']);
    // A shop set up for the first time must give the webhook key.
    const fresh = await adminCall(world.cloud, 'POST', '/api/admin/businesses', world.session, { name: 'Travel Baru' });
    const first = await adminCall(world.cloud, 'PUT', `/api/admin/businesses/${String(fresh.body.id)}/assistant/settings`, world.session, editable);
    expect(first).toMatchObject({ status: 400, body: { message: 'body.webhookHmacKey: required when the assistant is first set up' } });
    expect(settingsResponse.parse(await get(`/api/admin/businesses/${String(fresh.body.id)}/assistant/settings`)).settings).toBeNull();
  });

  it('gives an all-shops overview with open handovers first', async () => {
    const { shops } = overviewResponse.parse(await get('/api/admin/assistant/overview'));
    expect(shops.map((s) => [s.name, s.openHandovers, s.conversations])).toEqual([
      ['Travel Amanah', 1, 4],
      ['Travel Barokah', 0, 0],
    ]);
  });
});
