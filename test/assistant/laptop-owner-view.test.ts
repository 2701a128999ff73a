import { createServer, type Server } from 'node:net';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueEnrolCode } from '../../src-cloud/admin/enrol-codes';
import { defaultRange } from '../../src-cloud/assistant/analytics';
import { analyticsResponse } from '../../src-shared/cloud/assistant-schemas';
import { withAssistant } from '../../src-cloud/assistant/schema';
import { translator } from '../../src-shared/i18n/messages';
import { assistantConversations } from '../../src-main/assistant/owner-view';
import type { Ctx } from '../../src-main/core/context';
import { pullNow } from '../../src-main/sync/pull';
import { enrol } from '../../src-main/sync/service';
import { tokenStore } from '../../src-main/sync/token-store';
import type { App } from '../../src-main/app';
import { adminCall } from '../cloud/admin-client';
import { fails, loginAsNewUser, ok, shopWithOwner } from '../helpers';
import { answer } from './fake-model';
import { conversationOf, messagesOf, say, startWorld, type Shop, type World } from './harness';

/**
 * The owner's view of the assistant on the laptop: the real cloud (fake WAHA, fake model), a real
 * laptop SQLite enrolled with the real sync client, and the laptop's channels reading the device routes.
 */
let world: World;
beforeAll(async () => {
  world = await startWorld();
});
afterAll(async () => world.close());

async function laptopOf(businessId: string): Promise<App> {
  const app = await shopWithOwner();
  const { code } = await issueEnrolCode(world.cloud.db, businessId, null, new Date());
  await enrol(app.services, { server: world.cloud.url, code });
  return app;
}
const pull = (app: App) => pullNow({ ...app.services, token: tokenStore(app.services).get() as string });
const range = () => defaultRange(world.cloud.clock.now);
const console_ = async (shop: Shop, path: string) => {
  const res = await adminCall(world.cloud, 'GET', `/api/admin/businesses/${shop.businessId}/assistant${path}`, world.session);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
};

const P1 = '6281255500001';
const P2 = '6281255500002';

describe("the shop owner's view of the WhatsApp assistant on the laptop", () => {
  beforeAll(async () => {
    world.model.script.push(answer({ reply: 'Paket Maret Hemat Rp 25.000.000.', newPhase: 'LEADS' }));
    await say(world, world.a, P1, 'Halo, dari iklan UMR_MAR_2025_HEMAT');
    world.model.script.push(answer({ reply: 'Baik Kak, admin kami akan menjelaskan DP.', newPhase: 'INTEREST', summary: 'Menanyakan DP paket Maret Hemat.' }));
    await say(world, world.a, P1, 'DP berapa?');
    world.model.script.push(answer({ reply: 'Paket kami mulai Rp 25.000.000.', newPhase: 'INTEREST' }));
    await say(world, world.a, P2, 'berapa harganya');
  });

  it('lists the conversation made through the webhook, newest first, with the whole number and the lead the handover made', async () => {
    const a = await laptopOf(world.a.businessId);
    // Before the pull there is no lead of that number on this laptop.
    const before = await ok(a, 'assistant.conversations', {});
    expect(before.conversations.find((c) => c.phone === `+${P1}`)?.leadId).toBeNull();
    expect((await pull(a)).handedOver).toHaveLength(1);
    const lead = a.services.sqlite.prepare('SELECT id FROM leads WHERE phone = ? AND deleted_at IS NULL').get(`+${P1}`) as { id: string };

    const page = await ok(a, 'assistant.conversations', {});
    expect(page.enabled).toBe(true);
    expect(page.nextOffset).toBeNull();
    expect(page.conversations.map((c) => c.phone)).toEqual([`+${P2}`, `+${P1}`]);
    expect(page.conversations[1]).toMatchObject({
      phone: `+${P1}`,
      phase: 'BOOKING',
      campaignCode: 'UMR_MAR_2025_HEMAT',
      handedOver: true,
      handoverReason: 'payment_intent',
      lastMessage: 'Baik Kak, admin kami akan menjelaskan DP.',
      lastDirection: 'out',
      messages: 4,
      leadId: lead.id,
    });
    expect(page.conversations[0]).toMatchObject({ phone: `+${P2}`, handedOver: false, leadId: null });
    // The console shows the same conversations, numbers masked.
    const consoleList = (await console_(world.a, '/conversations')).conversations as { id: string; phone: string }[];
    expect(consoleList.map((c) => c.id)).toEqual(page.conversations.map((c) => c.id));
    expect(consoleList[1].phone).not.toContain('55500001');
  });

  it("opens one conversation's transcript: every message in and out as the cloud stored it, and its handover", async () => {
    const a = await laptopOf(world.a.businessId);
    await pull(a);
    const stored = await conversationOf(world, world.a, P1);
    const transcript = await ok(a, 'assistant.conversation', { id: stored!.id });
    const messages = await messagesOf(world, world.a, stored!.id);
    expect(transcript.messages.map((m) => [m.direction, m.body])).toEqual(messages.map((m) => [m.direction, m.body]));
    expect(transcript.messages.map((m) => m.body)).toEqual([
      'Halo, dari iklan UMR_MAR_2025_HEMAT',
      'Paket Maret Hemat Rp 25.000.000.',
      'DP berapa?',
      'Baik Kak, admin kami akan menjelaskan DP.',
    ]);
    expect(transcript.conversation).toMatchObject({ phone: `+${P1}`, summary: 'Menanyakan DP paket Maret Hemat.' });
    expect(transcript.handovers).toMatchObject([{ phone: `+${P1}`, reason: 'payment_intent', stage: 'booking' }]);
    expect(transcript.leadId).not.toBeNull();
  });

  it("gives the console's analytics figures for the same range", async () => {
    const a = await laptopOf(world.a.businessId);
    const { from, to } = range();
    const laptop = await ok(a, 'assistant.analytics', { from, to });
    const consoleFigures = analyticsResponse.parse(await console_(world.a, `/analytics?from=${from}&to=${to}`));
    expect(laptop).toEqual(consoleFigures);
    expect(laptop.conversations).toBe(2);
    expect(laptop.escalation.conversations).toBe(1);
    expect(laptop.campaigns).toContainEqual({ code: 'UMR_MAR_2025_HEMAT', conversations: 1, bookings: 1, handovers: 1 });
    expect((await fails(a, 'assistant.analytics', { from: to, to: from })).code).toBe('VALIDATION_ERROR');
  });

  it("shows a second shop's laptop none of it, not even by the conversation's id", async () => {
    const b = await laptopOf(world.b.businessId);
    // Staff do not read the chats (owner and manager do).
    const staff = await loginAsNewUser(b, 'staff', 'kasir');
    expect((await fails(b, 'assistant.conversations', {}, staff)).code).toBe('FORBIDDEN');
    const manager = await loginAsNewUser(b, 'manager', 'manajer');
    expect((await ok(b, 'assistant.conversations', {}, manager)).conversations).toEqual([]);
    const page = await ok(b, 'assistant.conversations', {});
    expect(page).toEqual({ enabled: true, conversations: [], nextOffset: null });
    const stored = await conversationOf(world, world.a, P1);
    const refused = await fails(b, 'assistant.conversation', { id: stored!.id });
    expect(refused).toMatchObject({ code: 'NOT_FOUND', message: 'Percakapan itu tidak ada di toko ini.' });
    const { from, to } = range();
    const figures = await ok(b, 'assistant.analytics', { from, to });
    expect(figures.conversations).toBe(0);
    expect(JSON.stringify(figures)).not.toContain('UMR_MAR_2025_HEMAT');
  });

  it('pages the list newest first, 50 at a time', async () => {
    // A third shop with 53 stored conversations (written straight into its rows: the webhook path is covered above).
    const created = await adminCall(world.cloud, 'POST', '/api/admin/businesses', world.session, { name: 'Travel Cahaya' });
    const businessId = String(created.body.id);
    const put = await adminCall(world.cloud, 'PUT', `/api/admin/businesses/${businessId}/assistant/settings`, world.session, {
      enabled: true,
      wahaBaseUrl: world.waha.baseUrl,
      wahaSession: 'default',
      wahaApiKey: world.waha.apiKey,
      webhookHmacKey: 'hmac-cahaya-0001',
      modelBaseUrl: world.model.baseUrl,
      modelName: 'gpt-4o-mini',
      modelApiKey: 'sk-model-rahasia',
      confidenceThreshold: 0.6,
      monthlyTokenLimit: null,
    });
    expect(put.status).toBe(200);
    await withAssistant(world.cloud.db, businessId, async (tx) => {
      for (let i = 0; i < 53; i++) {
        const phone = `62813000${String(i).padStart(5, '0')}`;
        await tx
          .insertInto('assistant_conversations')
          .values({
            id: uuidv7(),
            business_id: businessId,
            phone: `+${phone}`,
            chat_id: `${phone}@c.us`,
            last_message_at: new Date(Date.UTC(2026, 0, 1, 0, i)),
          })
          .execute();
      }
    });
    const c = await laptopOf(businessId);
    const first = await ok(c, 'assistant.conversations', {});
    expect(first.conversations).toHaveLength(50);
    expect(first.nextOffset).toBe(50);
    expect(first.conversations[0].phone).toBe('+6281300000052');
    const second = await ok(c, 'assistant.conversations', { offset: 50 });
    expect(second.conversations.map((x) => x.phone)).toEqual(['+6281300000002', '+6281300000001', '+6281300000000']);
    expect(second.nextOffset).toBeNull();
  });

  it("says, in the owner's language, when the assistant is not turned on, the laptop is not linked, or the cloud is offline", async () => {
    const created = await adminCall(world.cloud, 'POST', '/api/admin/businesses', world.session, { name: 'Toko Tanpa Asisten' });
    const plain = await laptopOf(String(created.body.id));
    expect(await fails(plain, 'assistant.conversations', {})).toMatchObject({
      code: 'CONFLICT',
      message: 'Asisten WhatsApp belum diaktifkan untuk toko ini. Minta admin cloud untuk mengaktifkannya.',
      details: { reason: 'notEnabled' },
    });

    const alone = await shopWithOwner();
    expect(await fails(alone, 'assistant.conversations', {})).toMatchObject({ code: 'CONFLICT', details: { reason: 'notEnrolled' } });
    expect((await fails(alone, 'assistant.analytics', { from: '2026-01-01', to: '2026-01-31' })).message).toContain('belum tersambung ke cloud');

    // Enrolled, then the cloud goes away: a port nothing listens on.
    const offline = await laptopOf(world.a.businessId);
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as { port: number }).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    offline.services.sqlite.prepare('UPDATE sync_state SET server_url = ?').run(`http://127.0.0.1:${port}`);
    const error = await fails(offline, 'assistant.conversations', {});
    expect(error).toMatchObject({
      code: 'CONFLICT',
      message: 'Cloud tidak bisa dihubungi, jadi percakapan asisten WhatsApp belum bisa ditampilkan. Periksa koneksi internet, lalu coba lagi.',
      details: { reason: 'offline' },
    });
    expect(error.message).not.toMatch(/at |Error|ECONNREFUSED/);
  });

  it('gives up on a cloud that accepts the connection and never answers, in English for an English owner', async () => {
    const hanging: Server = createServer(() => undefined);
    await new Promise<void>((resolve) => hanging.listen(0, '127.0.0.1', resolve));
    try {
      const app = await laptopOf(world.a.businessId);
      app.services.sqlite.prepare('UPDATE sync_state SET server_url = ?').run(`http://127.0.0.1:${(hanging.address() as { port: number }).port}`);
      const ctx = { ...app.services, language: 'en', t: translator('en') } as unknown as Ctx;
      const started = Date.now();
      await expect(assistantConversations(ctx, { offset: 0 }, { timeoutMs: 300 })).rejects.toMatchObject({
        code: 'CONFLICT',
        message: "The cloud cannot be reached, so the WhatsApp assistant's chats cannot be shown now. Check the internet connection, then try again.",
      });
      expect(Date.now() - started).toBeLessThan(5_000);
    } finally {
      hanging.close();
    }
  });
});
