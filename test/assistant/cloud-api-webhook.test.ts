import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withAssistant } from '../../src-cloud/assistant/schema';
import { adminCall } from '../cloud/admin-client';
import { FakeGraph } from './fake-graph';
import { answer } from './fake-model';
import { conversationOf, messagesOf, startWorld, type World } from './harness';

/**
 * Shop B answers through Meta's WhatsApp Cloud API (a fake Graph server on loopback), shop A stays on
 * WAHA: the real cloud, the real routes, the real engine and the fake model.
 */
let world: World;
let graph: FakeGraph;
let callback: string;
const appSecret = `app-${randomBytes(16).toString('hex')}`;
const verifyToken = `verify-${randomBytes(12).toString('hex')}`;

const cloudSettings = (over: Record<string, unknown> = {}) => ({
  enabled: true,
  provider: 'cloud_api',
  cloudApiBaseUrl: graph.baseUrl,
  cloudApiVersion: 'v25.0',
  cloudApiPhoneNumberId: graph.phoneNumberId,
  cloudApiAccessToken: graph.accessToken,
  cloudApiAppSecret: appSecret,
  cloudApiVerifyToken: verifyToken,
  modelBaseUrl: world.model.baseUrl,
  modelName: 'gpt-4o-mini',
  modelApiKey: 'sk-model-rahasia',
  confidenceThreshold: 0.6,
  monthlyTokenLimit: null,
  ...over,
});
const settingsPath = () => `/api/admin/businesses/${world.b.businessId}/assistant/settings`;

/** A customer's notification arrives; resolves once the webhook answered and every reply went out. */
async function deliver(payload: unknown, options: { signature?: string } = {}) {
  const res = await graph.deliver(callback, appSecret, payload, options);
  await world.assistant.idle();
  return res;
}

async function messageCount(): Promise<number> {
  const rows = await withAssistant(world.cloud.db, world.b.businessId, (tx) =>
    tx.selectFrom('assistant_messages').select('id').where('business_id', '=', world.b.businessId).execute(),
  );
  return rows.length;
}

beforeAll(async () => {
  world = await startWorld();
  graph = new FakeGraph(`EAAG${randomBytes(24).toString('hex')}`, '106540352242922');
  await graph.start();
  const put = await adminCall(world.cloud, 'PUT', settingsPath(), world.session, cloudSettings());
  expect(put.status).toBe(200);
  callback = `${world.cloud.url}/api/assistant/cloud-api/${world.b.businessId}`;
});
afterAll(async () => {
  await world.close();
  await graph.stop();
});

describe('the assistant over the WhatsApp Cloud API', () => {
  it("answers Meta's verification handshake with the challenge, only for the shop's verify token", async () => {
    expect(await graph.verify(callback, verifyToken, '1158201444')).toEqual({ status: 200, text: '1158201444' });
    const wrong = await graph.verify(callback, `${verifyToken}x`);
    expect(wrong.status).toBe(403);
    expect(wrong.text).not.toContain('1158201444');
    const noMode = await fetch(`${callback}?hub.challenge=1&hub.verify_token=${verifyToken}`);
    expect(noMode.status).toBe(403);
    // A WAHA shop and an unknown one have no Cloud API callback.
    expect((await graph.verify(`${world.cloud.url}/api/assistant/cloud-api/${world.a.businessId}`, verifyToken)).status).toBe(404);
  });

  it("answers a signed text with a campaign code with the package's answer and image through the send endpoint", async () => {
    const phone = '6281300000001';
    world.model.script.push(
      answer({
        reply: 'Assalamualaikum! Paket Umroh Maret 2025 Hemat: Rp 25.000.000, berangkat 15 Maret 2025.',
        media: [{ type: 'image', url: 'https://cdn.example.com/umr-mar-hemat.jpg', caption: 'Paket Maret Hemat' }],
      }),
    );
    const incoming = graph.textMessage(phone, 'Halo, saya dari iklan UMR_MAR_2025_HEMAT');
    const res = await deliver(graph.notification({ contacts: [{ profile: { name: 'Siti' }, wa_id: phone }], messages: [incoming] }));
    expect(res).toEqual({ status: 200, body: { stored: 1, ignored: [] } });

    const sends = graph.sends(phone);
    expect(sends.map((s) => s.body.type)).toEqual(['text', 'image']);
    expect(sends[0].path).toBe(`/v25.0/${graph.phoneNumberId}/messages`);
    expect(sends[0].body).toMatchObject({ messaging_product: 'whatsapp', recipient_type: 'individual', to: phone, text: { preview_url: false } });
    expect(String((sends[0].body.text as { body: string }).body)).toContain('Paket Umroh Maret 2025 Hemat');
    expect(sends[1].body.image).toEqual({ link: 'https://cdn.example.com/umr-mar-hemat.jpg', caption: 'Paket Maret Hemat' });
    expect(graph.calls.every((c) => c.auth === `Bearer ${graph.accessToken}`)).toBe(true);
    // Read receipt, then read + typing bubble around the model call, both naming the customer's message.
    expect(graph.reads().map((r) => [r.body.message_id, r.body.typing_indicator ?? null])).toEqual([
      [incoming.id, null],
      [incoming.id, { type: 'text' }],
    ]);

    const conv = await conversationOf(world, world.b, phone);
    expect(conv).toMatchObject({ chat_id: phone, campaign_code: 'UMR_MAR_2025_HEMAT', phase: 'LEADS', handed_over: false });
    const messages = await messagesOf(world, world.b, conv!.id);
    expect(messages.map((m) => [m.direction, m.waha_id?.startsWith('wamid.')])).toEqual([
      ['in', true],
      ['out', true],
      ['out', true],
    ]);
    expect(messages[0].waha_id).toBe(incoming.id);
  });

  it('refuses a forged signature (401), storing and sending nothing', async () => {
    const before = { messages: await messageCount(), calls: graph.calls.length };
    const payload = graph.notification({ messages: [graph.textMessage('6281300000002', 'UMR_MAR_2025_HEMAT')] });
    const forged = await deliver(payload, { signature: `sha256=${'0'.repeat(64)}` });
    expect(forged.status).toBe(401);
    expect(forged.body.message).toContain('X-Hub-Signature-256');
    // Signed with another secret, unsigned, or in WAHA's header style: all refused.
    const otherSecret = await graph.deliver(callback, 'not-the-app-secret', payload);
    expect(otherSecret.status).toBe(401);
    expect((await deliver(payload, { signature: '' })).status).toBe(401);
    await world.assistant.idle();
    expect({ messages: await messageCount(), calls: graph.calls.length }).toEqual(before);
    expect(await conversationOf(world, world.b, '6281300000002')).toBeUndefined();
  });

  it('stores a replayed notification once and answers it once', async () => {
    const phone = '6281300000003';
    world.model.script.push(answer({ reply: 'Paket April Plus masih tersedia, Kak.' }));
    const payload = graph.notification({ messages: [graph.textMessage(phone, 'Info UMR_APR_2025_PLUS dong')] });
    expect((await deliver(payload)).body).toEqual({ stored: 1, ignored: [] });
    const after = { messages: await messageCount(), sends: graph.sends(phone).length, requests: world.model.requests.length };
    expect(after.sends).toBe(1);
    const replay = await deliver(payload);
    expect(replay).toEqual({ status: 200, body: { stored: 0, ignored: ['already received'] } });
    expect({ messages: await messageCount(), sends: graph.sends(phone).length, requests: world.model.requests.length }).toEqual(after);
  });

  it('acknowledges a status-only notification and does nothing with it', async () => {
    const before = { messages: await messageCount(), calls: graph.calls.length, requests: world.model.requests.length };
    const statuses = [
      {
        id: 'wamid.HBgLNjI4MTMwMDAwMDAwMRUCABEYEjQ',
        status: 'delivered',
        timestamp: '1764500100',
        recipient_id: '6281300000001',
        conversation: { id: 'c1', origin: { type: 'service' } },
        pricing: { billable: false, pricing_model: 'PMP', category: 'service' },
      },
      { id: 'wamid.HBgLNjI4MTMwMDAwMDAwMRUCABEYEjR', status: 'read', timestamp: '1764500200', recipient_id: '6281300000001' },
    ];
    const res = await deliver(graph.notification({ statuses }));
    expect(res).toEqual({ status: 200, body: { stored: 0, ignored: ['status', 'status'] } });
    expect({ messages: await messageCount(), calls: graph.calls.length, requests: world.model.requests.length }).toEqual(before);
  });

  it("drops a change for another phone number and another field; the shop's WAHA webhook is closed", async () => {
    const before = await messageCount();
    const other = graph.notification({ messages: [graph.textMessage('6281300000004', 'Halo')] }, '999999999999');
    expect((await deliver(other)).body).toEqual({ stored: 0, ignored: ['another phone number'] });
    const echo = { object: 'whatsapp_business_account', entry: [{ id: '1', changes: [{ field: 'smb_message_echoes', value: {} }] }] };
    expect((await deliver(echo)).body).toEqual({ stored: 0, ignored: ['field smb_message_echoes'] });
    expect(await messageCount()).toBe(before);
    // Shop B kept its old WAHA key, but it answers through the Cloud API now: its WAHA webhook is gone.
    const waha = await world.waha.deliver(world.b.webhook, world.b.hmacKey, { from: '6281300000004@c.us', body: 'Halo' });
    expect(waha.status).toBe(404);
  });

  it('takes a captioned image as its caption, an uncaptioned one as a placeholder', async () => {
    const phone = '6281300000005';
    world.model.script.push(answer({ reply: 'Terima kasih, Kak.' }));
    const image = (id: string, caption?: string) => ({
      from: phone,
      id,
      timestamp: '1764500300',
      type: 'image',
      image: { ...(caption && { caption }), mime_type: 'image/jpeg', sha256: 'abc', id: '1479537139650973' },
    });
    const res = await deliver(graph.notification({ messages: [image('wamid.IMG1', 'Ini paket UMR_MAR_2025_HEMAT?'), image('wamid.IMG2')] }));
    expect(res.body).toEqual({ stored: 2, ignored: [] });
    const conv = await conversationOf(world, world.b, phone);
    const messages = await messagesOf(world, world.b, conv!.id);
    expect(messages.filter((m) => m.direction === 'in').map((m) => [m.body, m.media])).toEqual([
      ['Ini paket UMR_MAR_2025_HEMAT?', { url: null, mimetype: 'image/jpeg', filename: null }],
      ['[gambar]', { url: null, mimetype: 'image/jpeg', filename: null }],
    ]);
    // Both came in one notification: one reply answers them.
    expect(graph.sends(phone).filter((s) => s.body.type === 'text')).toHaveLength(1);
  });
});

describe('the Cloud API settings', () => {
  it('are kept sealed and shown to the console only as set or not', async () => {
    const res = await adminCall(world.cloud, 'GET', settingsPath(), world.session);
    expect(res.status).toBe(200);
    expect(res.body.settings).toMatchObject({
      provider: 'cloud_api',
      wahaBaseUrl: null,
      cloudApiBaseUrl: graph.baseUrl,
      cloudApiVersion: 'v25.0',
      cloudApiPhoneNumberId: graph.phoneNumberId,
      hasCloudApiAccessToken: true,
      hasCloudApiAppSecret: true,
      hasCloudApiVerifyToken: true,
    });
    expect(res.body.cloudApiWebhookPath).toBe(`/api/assistant/cloud-api/${world.b.businessId}`);
    const text = JSON.stringify(res.body);
    for (const secret of [graph.accessToken, appSecret, verifyToken]) expect(text).not.toContain(secret);
    const row = await withAssistant(world.cloud.db, world.b.businessId, (tx) =>
      tx.selectFrom('assistant_settings').selectAll().where('business_id', '=', world.b.businessId).executeTakeFirstOrThrow(),
    );
    for (const secret of [graph.accessToken, appSecret, verifyToken]) expect(JSON.stringify(row)).not.toContain(secret);
    expect(row.cloud_api_app_secret_enc).toMatch(/^v1\./);
  });

  it('refuse a Cloud API without its phone number id, or set up for the first time without its secrets', async () => {
    const noNumber = await adminCall(world.cloud, 'PUT', settingsPath(), world.session, cloudSettings({ cloudApiPhoneNumberId: undefined }));
    expect(noNumber).toMatchObject({ status: 400, body: { message: 'body.cloudApiPhoneNumberId: required when the gateway is the Cloud API' } });
    const badVersion = await adminCall(world.cloud, 'PUT', settingsPath(), world.session, cloudSettings({ cloudApiVersion: '25' }));
    expect(badVersion).toMatchObject({ status: 400, body: { message: 'body.cloudApiVersion: a Graph API version such as v25.0' } });
    const removeSecret = await adminCall(world.cloud, 'PUT', settingsPath(), world.session, cloudSettings({ cloudApiAppSecret: null }));
    expect(removeSecret).toMatchObject({ status: 400, body: { message: 'body.cloudApiAppSecret: required for this gateway' } });

    const created = await adminCall(world.cloud, 'POST', '/api/admin/businesses', world.session, { name: 'Travel Cahaya' });
    const fresh = `/api/admin/businesses/${String(created.body.id)}/assistant/settings`;
    const first = await adminCall(world.cloud, 'PUT', fresh, world.session, cloudSettings({ cloudApiVerifyToken: undefined }));
    expect(first).toMatchObject({ status: 400, body: { message: 'body.cloudApiVerifyToken: required when the assistant is first set up' } });
    // Secrets left out on a later save keep the stored ones.
    const keep = await adminCall(
      world.cloud,
      'PUT',
      settingsPath(),
      world.session,
      cloudSettings({ cloudApiAccessToken: undefined, cloudApiAppSecret: undefined, cloudApiVerifyToken: undefined }),
    );
    expect(keep.status).toBe(200);
    expect((await graph.verify(callback, verifyToken, 'masih')).text).toBe('masih');
  });
});
