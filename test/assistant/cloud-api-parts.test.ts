import { describe, expect, it } from 'vitest';
import { CloudApiGateway, sentId, splitText } from '../../src-cloud/assistant/cloud-api-gateway';
import { GatewayError } from '../../src-cloud/assistant/gateway';
import { cloudApiSignature, readNotification, verifyCloudApiSignature, verifyHandshake } from '../../src-cloud/assistant/cloud-api-webhook';
import { FakeGraph } from './fake-graph';

describe('Cloud API webhook parts', () => {
  it("signs as Meta does: HMAC-SHA256 of the raw bytes, Meta's reference vector", () => {
    expect(cloudApiSignature('test', 'secret')).toBe('0329a06b62cd16b33eb6792be8c60b158d89a2ee3a876fce9a881ebb488c0914');
    const body = Buffer.from('test');
    expect(verifyCloudApiSignature(body, 'secret', 'sha256=0329a06b62cd16b33eb6792be8c60b158d89a2ee3a876fce9a881ebb488c0914')).toBe(true);
    expect(verifyCloudApiSignature(body, 'secret', 'sha256=0329A06B62CD16B33EB6792BE8C60B158D89A2EE3A876FCE9A881EBB488C0914')).toBe(true);
    for (const bad of [
      undefined,
      '',
      '0329a06b62cd16b33eb6792be8c60b158d89a2ee3a876fce9a881ebb488c0914',
      'sha256=0329a06b',
      'sha1=0329a06b62cd16b33eb6792be8c60b158d89a2ee3a876fce9a881ebb488c0914',
      ['sha256=x'],
    ]) {
      expect(verifyCloudApiSignature(body, 'secret', bad as string | undefined)).toBe(false);
    }
    // Never against an empty secret: anyone could compute that one.
    expect(verifyCloudApiSignature(body, '', `sha256=${cloudApiSignature(body, '')}`)).toBe(false);
  });

  it('echoes the challenge byte for byte only for subscribe and the right token', () => {
    expect(verifyHandshake({ 'hub.mode': 'subscribe', 'hub.verify_token': 'rahasia-verifikasi', 'hub.challenge': '1158201444' }, 'rahasia-verifikasi')).toBe(
      '1158201444',
    );
    expect(verifyHandshake({ 'hub.mode': 'subscribe', 'hub.verify_token': 'rahasia-verifikasi', 'hub.challenge': 'abc def' }, 'rahasia-verifikasi')).toBe(
      'abc def',
    );
    expect(verifyHandshake({ 'hub.mode': 'unsubscribe', 'hub.verify_token': 'rahasia-verifikasi', 'hub.challenge': '1' }, 'rahasia-verifikasi')).toBeNull();
    expect(verifyHandshake({ 'hub.mode': 'subscribe', 'hub.verify_token': 'rahasia', 'hub.challenge': '1' }, 'rahasia-verifikasi')).toBeNull();
    expect(verifyHandshake({ 'hub.mode': 'subscribe', 'hub.verify_token': '', 'hub.challenge': '1' }, null)).toBeNull();
  });

  it('reads every entry and change of a notification, not only the first', () => {
    const change = (phoneNumberId: string, value: Record<string, unknown>) => ({
      field: 'messages',
      value: { messaging_product: 'whatsapp', metadata: { display_phone_number: '1', phone_number_id: phoneNumberId }, ...value },
    });
    const verdict = readNotification(
      {
        object: 'whatsapp_business_account',
        entry: [
          {
            id: '1',
            changes: [change('42424242', { messages: [{ from: '6281200000001', id: 'wamid.A', timestamp: '1', type: 'text', text: { body: 'Halo' } }] })],
          },
          {
            id: '1',
            changes: [
              change('42424242', {
                messages: [
                  {
                    from: '6281200000002',
                    id: 'wamid.B',
                    timestamp: '1',
                    type: 'document',
                    document: { filename: 'ktp.pdf', mime_type: 'application/pdf', id: '9' },
                  },
                  {
                    from: '6281200000002',
                    id: 'wamid.C',
                    timestamp: '1',
                    type: 'interactive',
                    interactive: { type: 'button_reply', button_reply: { id: 'x', title: 'Mau daftar' } },
                  },
                  { from: '6281200000002', id: 'wamid.D', timestamp: '1', type: 'reaction', reaction: { message_id: 'wamid.A', emoji: '👍' } },
                ],
              }),
              change('42424242', {
                statuses: [{ id: 'wamid.Z', status: 'failed', timestamp: '1', recipient_id: '6281200000001', errors: [{ code: 131047 }] }],
              }),
            ],
          },
        ],
      },
      '42424242',
    );
    expect(verdict.messages).toEqual([
      { wahaId: 'wamid.A', chatId: '6281200000001', phone: '+6281200000001', body: 'Halo', media: null },
      {
        wahaId: 'wamid.B',
        chatId: '6281200000002',
        phone: '+6281200000002',
        body: '[dokumen] ktp.pdf',
        media: { url: null, mimetype: 'application/pdf', filename: 'ktp.pdf' },
      },
      { wahaId: 'wamid.C', chatId: '6281200000002', phone: '+6281200000002', body: 'Mau daftar', media: null },
    ]);
    expect(verdict.ignored).toEqual(['message type reaction', 'status']);
    expect(readNotification({ object: 'page', entry: [] }, '42424242')).toEqual({ messages: [], ignored: ['not a WhatsApp Business Account notification'] });
  });
});

describe('Cloud API gateway parts', () => {
  it('reads the sent id from messages[0].id', () => {
    expect(sentId({ messaging_product: 'whatsapp', contacts: [{ input: '1', wa_id: '1' }], messages: [{ id: 'wamid.X' }] })).toBe('wamid.X');
    expect(sentId({ success: true })).toBeNull();
  });

  it("splits a reply past Meta's 4,096 characters at a break, losing nothing", () => {
    const long = `${'kata '.repeat(1000)}\n\n${'lagi '.repeat(300)}`.trim();
    const parts = splitText(long, 4096);
    expect(parts.length).toBe(2);
    expect(parts.every((p) => p.length <= 4096)).toBe(true);
    expect(parts.join(' ').replace(/\s+/g, ' ')).toBe(long.replace(/\s+/g, ' '));
    expect(splitText('pendek', 4096)).toEqual(['pendek']);
    expect(splitText('x'.repeat(9000), 4096).map((p) => p.length)).toEqual([4096, 4096, 808]);
  });
});

describe('Cloud API gateway against a fake Graph server', () => {
  it("sends a document with its filename, skips the read receipt with no message to name, and reports Graph's error code", async () => {
    const graph = new FakeGraph('EAAG-token-yang-benar-123456', '106540352242922');
    await graph.start();
    try {
      const config = { baseUrl: graph.baseUrl, version: 'v25.0', phoneNumberId: graph.phoneNumberId, lastIncomingId: async () => null };
      const gateway = new CloudApiGateway({ ...config, accessToken: graph.accessToken });
      const id = await gateway.sendFile(
        '6281200000009',
        { url: 'https://cdn.example.com/brosur.pdf', mimetype: 'application/pdf', filename: 'brosur.pdf' },
        'Brosur',
      );
      expect(id).toMatch(/^wamid\./);
      expect(graph.calls.at(-1)!.body).toEqual({
        messaging_product: 'whatsapp',
        recipient_type: 'individual',
        to: '6281200000009',
        type: 'document',
        document: { link: 'https://cdn.example.com/brosur.pdf', filename: 'brosur.pdf', caption: 'Brosur' },
      });
      await gateway.sendSeen('6281200000009');
      await gateway.startTyping('6281200000009');
      expect(graph.reads()).toEqual([]);

      const wrong = new CloudApiGateway({ ...config, accessToken: 'EAAG-token-kedaluwarsa' });
      const error = await wrong.sendText('6281200000009', 'Halo').catch((e: unknown) => e);
      expect(error).toBeInstanceOf(GatewayError);
      expect((error as GatewayError).status).toBe(401);
      expect((error as GatewayError).message).toContain('code 190: Invalid OAuth access token');
    } finally {
      await graph.stop();
    }
  });
});
