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

const chat = (phone: string) => `${phone}@c.us`;

describe('the WhatsApp assistant, end to end over WAHA and the model', () => {
  it('answers a campaign code with its package and image, from the model, with the WAHA key', async () => {
    const phone = '6281200000001';
    world.model.script.push(
      answer({
        reply: 'Assalamualaikum! Terima kasih telah tertarik dengan Paket Umroh Maret 2025 Hemat kami. Harga: Rp 25.000.000. Keberangkatan: 15 Maret 2025.',
        media: [{ type: 'image', url: 'https://cdn.example.com/umr-mar-hemat.jpg', caption: null }],
      }),
    );
    const res = await say(world, world.a, phone, 'Halo, saya dari iklan UMR_MAR_2025_HEMAT');
    expect(res).toEqual({ status: 200, body: { stored: true, ignored: null } });

    const sends = world.waha.sends(chat(phone));
    expect(sends.map((s) => s.path)).toEqual(['/api/sendText', '/api/sendImage']);
    expect(String(sends[0].body.text)).toContain('Paket Umroh Maret 2025 Hemat');
    expect(sends[1].body.file).toEqual({ url: 'https://cdn.example.com/umr-mar-hemat.jpg', mimetype: 'image/jpeg', filename: 'umr-mar-hemat.jpg' });
    expect(sends.every((s) => s.apiKey === 'waha-kunci-rahasia' && s.body.session === 'default')).toBe(true);
    // Seen and typing went out around the model call.
    expect(world.waha.calls.filter((c) => c.body.chatId === chat(phone)).map((c) => c.path)).toEqual([
      '/api/sendSeen',
      '/api/startTyping',
      '/api/stopTyping',
      '/api/sendText',
      '/api/sendImage',
    ]);

    const request = world.model.requests.at(-1)!;
    expect(request.auth).toBe('Bearer sk-model-rahasia');
    expect(request.body.response_format?.json_schema?.name).toBe('assistant_reply');
    const system = request.body.messages[0].content;
    expect(system).toContain('kode kampanye UMR_MAR_2025_HEMAT');
    expect(system).toContain('Paket Umroh April 2025 Plus');

    const conv = await conversationOf(world, world.a, phone);
    expect(conv).toMatchObject({ campaign_code: 'UMR_MAR_2025_HEMAT', phase: 'LEADS', handed_over: false });
    const messages = await messagesOf(world, world.a, conv!.id);
    expect(messages.map((m) => m.direction)).toEqual(['in', 'out', 'out']);
    expect(messages[1]).toMatchObject({ prompt_version: 0, phase_before: 'LEADS', phase_after: 'LEADS', prompt_tokens: 900, completion_tokens: 120 });
    expect(messages[1].waha_id).toMatch(/^true_6281200000001@c\.us_/);
    expect(messages[2].media).toEqual({ type: 'image', url: 'https://cdn.example.com/umr-mar-hemat.jpg' });
  });

  it('without a code, asks for preferences under the general greeting; an unknown code is logged', async () => {
    const phone = '6281200000002';
    world.model.script.push(answer({ reply: 'Assalamualaikum! Selamat datang. 1. Berapa orang yang akan berangkat? 2. Bulan apa yang Bapak/Ibu inginkan?' }));
    await say(world, world.a, phone, 'Assalamualaikum, mau tanya umroh. Kode UMR_DES_2030_MEWAH');
    expect(world.waha.texts(chat(phone))).toEqual([
      'Assalamualaikum! Selamat datang. 1. Berapa orang yang akan berangkat? 2. Bulan apa yang Bapak/Ibu inginkan?',
    ]);
    expect(world.model.requests.at(-1)!.body.messages[0].content).toContain('tanpa kode kampanye yang dikenal');
    const conv = await conversationOf(world, world.a, phone);
    expect(conv?.campaign_code).toBeNull();
    const [incoming] = await messagesOf(world, world.a, conv!.id);
    expect(incoming.ignored_codes).toEqual(['UMR_DES_2030_MEWAH']);
  });

  it('takes the first valid code of a message and logs the later ones', async () => {
    const phone = '6281200000003';
    world.model.script.push(answer({ reply: 'Paket April Plus tersedia.' }));
    await say(world, world.a, phone, 'umr_xyz_2025_x? bukan, maksud saya UMR_APR_2025_PLUS atau UMR_MAR_2025_HEMAT');
    const conv = await conversationOf(world, world.a, phone);
    expect(conv?.campaign_code).toBe('UMR_APR_2025_PLUS');
    const [incoming] = await messagesOf(world, world.a, conv!.id);
    expect(incoming).toMatchObject({ campaign_code: 'UMR_APR_2025_PLUS', ignored_codes: ['UMR_MAR_2025_HEMAT'] });
  });

  it('hands over on "DP berapa?" even when the model did not, records the lead-to-be, and stays quiet after', async () => {
    const phone = '6281200000004';
    world.model.script.push(answer({ reply: 'Paket Maret Hemat Rp 25.000.000.', newPhase: 'LEADS' }));
    await say(world, world.a, phone, 'UMR_MAR_2025_HEMAT');
    world.model.script.push(
      answer({ reply: 'Baik Kak, admin kami akan menjelaskan pembayaran DP.', newPhase: 'INTEREST', summary: 'Tertarik paket Maret Hemat, menanyakan DP.' }),
    );
    await say(world, world.a, phone, 'DP berapa?');

    const conv = await conversationOf(world, world.a, phone);
    expect(conv).toMatchObject({
      phase: 'BOOKING',
      handed_over: true,
      handover_reason: 'payment_intent',
      summary: 'Tertarik paket Maret Hemat, menanyakan DP.',
    });
    const handovers = (await handoversOf(world, world.a)).filter((h) => h.phone === `+${phone}`);
    expect(handovers).toHaveLength(1);
    expect(handovers[0]).toMatchObject({
      stage: 'booking',
      reason: 'payment_intent',
      campaign_code: 'UMR_MAR_2025_HEMAT',
      summary: 'Tertarik paket Maret Hemat, menanyakan DP.',
      trigger_text: 'DP berapa?',
    });

    const before = world.model.requests.length;
    const sent = world.waha.sends(chat(phone)).length;
    const res = await say(world, world.a, phone, 'Halo? Masih di sana?');
    expect(res.body).toEqual({ stored: true, ignored: null });
    expect(world.model.requests.length).toBe(before);
    expect(world.waha.sends(chat(phone)).length).toBe(sent);
  });

  it('hands a conversation back: the bot answers again from the phase it reached', async () => {
    const phone = '6281200000005';
    world.model.script.push(answer({ reply: 'Baik, saya sambungkan dengan admin.', escalate: true, reason: 'pelanggan minta admin' }));
    await say(world, world.a, phone, 'saya mau bicara dengan admin');
    const conv = await conversationOf(world, world.a, phone);
    expect(conv).toMatchObject({ handed_over: true, handover_reason: 'person_request' });
    expect((await handoversOf(world, world.a)).find((h) => h.phone === `+${phone}`)).toMatchObject({
      stage: 'follow_up',
      reason: 'person_request',
      returned_at: null,
    });

    const back = await adminCall(
      world.cloud,
      'POST',
      `/api/admin/businesses/${world.a.businessId}/assistant/conversations/${conv!.id}/handback`,
      world.session,
      {},
    );
    expect(back.status).toBe(200);
    world.model.script.push(answer({ reply: 'Ada lagi yang bisa dibantu?', newPhase: 'LEADS' }));
    await say(world, world.a, phone, 'oke terima kasih');
    expect(world.waha.texts(chat(phone)).at(-1)).toBe('Ada lagi yang bisa dibantu?');
    expect((await handoversOf(world, world.a)).find((h) => h.phone === `+${phone}`)?.returned_at).not.toBeNull();
  });

  it('stores and answers nothing new for a replayed webhook', async () => {
    const phone = '6281200000007';
    const id = `false_${phone}@c.us_3EB0REPLAY0001`;
    world.model.script.push(answer({ reply: 'Halo Kak!' }));
    const first = await say(world, world.a, phone, 'Halo', id);
    expect(first.body).toEqual({ stored: true, ignored: null });
    const calls = world.model.requests.length;
    const replay = await say(world, world.a, phone, 'Halo', id);
    expect(replay).toEqual({ status: 200, body: { stored: false, ignored: 'already received' } });
    expect(world.model.requests.length).toBe(calls);
    expect(world.waha.texts(chat(phone))).toEqual(['Halo Kak!']);
    const conv = await conversationOf(world, world.a, phone);
    expect(await messagesOf(world, world.a, conv!.id)).toHaveLength(2);
  });

  it("refuses a forged webhook (401) and one signed with another shop's key, storing nothing", async () => {
    const phone = '6281200000008';
    const forged = await world.waha.deliver(
      world.a.webhook,
      world.a.hmacKey,
      { from: chat(phone), body: 'UMR_MAR_2025_HEMAT' },
      { signature: 'ab'.repeat(64) },
    );
    expect(forged.status).toBe(401);
    const unsigned = await fetch(world.a.webhook, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ event: 'message', session: 'default', payload: { id: 'x', from: `${phone}@c.us`, body: 'hi' } }),
    });
    expect(unsigned.status).toBe(401);
    const wrongKey = await world.waha.deliver(world.a.webhook, world.b.hmacKey, { from: chat(phone), body: 'halo' });
    expect(wrongKey.status).toBe(401);
    expect(await conversationOf(world, world.a, phone)).toBeUndefined();
    expect(world.waha.sends(chat(phone))).toEqual([]);
  });

  it('ignores own messages, groups and status broadcasts', async () => {
    const calls = world.model.requests.length;
    const own = await world.waha.deliver(world.a.webhook, world.a.hmacKey, { from: '6281200000009@c.us', body: 'dari HP', fromMe: true });
    const group = await world.waha.deliver(world.a.webhook, world.a.hmacKey, { from: '120363000000000000@g.us', body: 'halo grup' });
    const status = await world.waha.deliver(world.a.webhook, world.a.hmacKey, { from: 'status@broadcast', body: 'story' });
    const other = await world.waha.post(world.a.webhook, world.a.hmacKey, { event: 'session.status', session: 'default', payload: { status: 'WORKING' } });
    await world.assistant.idle();
    for (const r of [own, group, status, other]) expect(r.status).toBe(200);
    expect([own, group, status, other].map((r) => r.body.stored)).toEqual([false, false, false, false]);
    expect(world.model.requests.length).toBe(calls);
  });

  it('never moves a conversation backwards, whatever the model says', async () => {
    const phone = '6281200000010';
    world.model.script.push(
      answer({ reply: 'Ini brosurnya.', newPhase: 'INTEREST', media: [{ type: 'file', url: 'https://cdn.example.com/umr-apr-plus.pdf', caption: 'Brosur' }] }),
    );
    await say(world, world.a, phone, 'UMR_APR_2025_PLUS minta detail fasilitas hotelnya');
    expect((await conversationOf(world, world.a, phone))?.phase).toBe('INTEREST');
    expect(world.waha.sends(chat(phone)).at(-1)).toMatchObject({
      path: '/api/sendFile',
      body: { file: { url: 'https://cdn.example.com/umr-apr-plus.pdf', mimetype: 'application/pdf', filename: 'umr-apr-plus.pdf' }, caption: 'Brosur' },
    });
    world.model.script.push(
      answer({ reply: 'Ada yang lain?', newPhase: 'LEADS', media: [{ type: 'image', url: 'https://evil.example.com/x.jpg', caption: null }] }),
    );
    await say(world, world.a, phone, 'oke');
    const conv = await conversationOf(world, world.a, phone);
    expect(conv?.phase).toBe('INTEREST');
    const out = (await messagesOf(world, world.a, conv!.id)).filter((m) => m.direction === 'out').at(-1);
    expect(out).toMatchObject({ phase_before: 'INTEREST', phase_after: 'INTEREST' });
    // A link the model made up is not sent: only the catalogue's media go out.
    expect(world.waha.sends(chat(phone)).at(-1)?.path).toBe('/api/sendText');
  });

  it('hands over below the confidence threshold with the holding message', async () => {
    const phone = '6281200000011';
    world.model.script.push(answer({ reply: 'Mungkin visa sudah termasuk?', confidence: 0.3 }));
    await say(world, world.a, phone, 'Visa progresif ditanggung siapa?');
    expect(world.waha.texts(chat(phone))).toEqual([HANDOVER_TEXT]);
    expect(await conversationOf(world, world.a, phone)).toMatchObject({ handed_over: true, handover_reason: 'low_confidence' });
  });

  it("keeps another business's conversations out of reach", async () => {
    const phone = '6281200000012';
    world.model.script.push(answer({ reply: 'Halo dari Barokah' }));
    await say(world, world.b, phone, 'halo');
    const convB = await conversationOf(world, world.b, phone);
    expect(convB).toBeDefined();
    // Scoped to shop A, shop B's rows do not exist, even without a business_id filter (row-level security).
    const seenFromA = await withAssistant(world.cloud.db, world.a.businessId, (tx) =>
      tx.selectFrom('assistant_conversations').select('id').where('id', '=', convB!.id).execute(),
    );
    expect(seenFromA).toEqual([]);
    const messagesFromA = await withAssistant(world.cloud.db, world.a.businessId, (tx) =>
      tx.selectFrom('assistant_messages').select('id').where('conversation_id', '=', convB!.id).execute(),
    );
    expect(messagesFromA).toEqual([]);
    // Handing back B's conversation through A's path finds nothing.
    const back = await adminCall(
      world.cloud,
      'POST',
      `/api/admin/businesses/${world.a.businessId}/assistant/conversations/${convB!.id}/handback`,
      world.session,
      {},
    );
    expect(back.status).toBe(404);
    // The same customer writing to A starts a conversation of A's own.
    world.model.script.push(answer({ reply: 'Halo dari Amanah' }));
    await say(world, world.a, phone, 'halo juga');
    const convA = await conversationOf(world, world.a, phone);
    expect(convA!.id).not.toBe(convB!.id);
  });

  it('keeps the WAHA, webhook and model keys sealed at rest', async () => {
    const rows = await withAssistant(world.cloud.db, world.a.businessId, (tx) => tx.selectFrom('assistant_settings').selectAll().execute());
    const text = JSON.stringify(rows);
    for (const secret of ['waha-kunci-rahasia', world.a.hmacKey, 'sk-model-rahasia']) expect(text).not.toContain(secret);
    expect(rows[0].webhook_hmac_key_enc).toMatch(/^v1\./);
  });
});
