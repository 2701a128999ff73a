import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createAssistant } from '../../src-cloud/assistant';
import { codesIn, pickCode } from '../../src-cloud/assistant/campaign-code';
import { assistantKey, AssistantKeyError, seal, unseal } from '../../src-cloud/assistant/secrets';
import { asksForPerson, furthest, hasPaymentIntent } from '../../src-cloud/assistant/triggers';
import { sentId } from '../../src-cloud/assistant/waha-gateway';
import { readWebhook, verifyWahaSignature, wahaSignature } from '../../src-cloud/assistant/waha-webhook';

describe('WAHA webhook signature', () => {
  const body = '{"event":"message","session":"default","engine":"WEBJS"}';
  const vector = '208f8a55dde9e05519e898b10b89bf0d0b3b0fdf11fdbf09b6b90476301b98d8097c462b2b17a6ce93b6b47a136cf2e78a33a63f6752c2c1631777076153fa89';

  it('matches the test vector of the WAHA docs', () => {
    expect(wahaSignature(body, 'my-secret-key')).toBe(vector);
    expect(verifyWahaSignature(Buffer.from(body), 'my-secret-key', vector)).toBe(true);
    expect(verifyWahaSignature(Buffer.from(body), 'my-secret-key', vector.toUpperCase())).toBe(true);
  });

  it('refuses another key, a changed byte, a short or missing header', () => {
    expect(verifyWahaSignature(Buffer.from(body), 'other-key', vector)).toBe(false);
    expect(verifyWahaSignature(Buffer.from(body.replace('WEBJS', 'GOWS')), 'my-secret-key', vector)).toBe(false);
    expect(verifyWahaSignature(Buffer.from(` ${body}`), 'my-secret-key', vector)).toBe(false);
    expect(verifyWahaSignature(Buffer.from(body), 'my-secret-key', vector.slice(0, 64))).toBe(false);
    expect(verifyWahaSignature(Buffer.from(body), 'my-secret-key', undefined)).toBe(false);
    expect(verifyWahaSignature(Buffer.from(body), 'my-secret-key', [vector, vector])).toBe(false);
  });
});

describe('WAHA shapes', () => {
  it('reads the sent id of every engine', () => {
    expect(sentId({ id: 'true_628123456789@c.us_3EB0ABCDEF', _data: {} })).toBe('true_628123456789@c.us_3EB0ABCDEF');
    expect(sentId({ id: { fromMe: true, remote: '628123456789@c.us', id: '3EB0', _serialized: 'true_628123456789@c.us_3EB0' } })).toBe(
      'true_628123456789@c.us_3EB0',
    );
    expect(sentId({ key: { remoteJid: '628123456789@s.whatsapp.net', fromMe: true, id: 'BAE5F' }, status: 1 })).toBe('BAE5F');
    expect(sentId({ result: true })).toBeNull();
  });

  it("turns a person's message into E.164 and media; tolerates an envelope without id or timestamp", () => {
    const verdict = readWebhook({
      event: 'message',
      session: 'default',
      payload: {
        id: 'false_628123456789@c.us_AAA',
        from: '628123456789@c.us',
        body: 'foto paket',
        hasMedia: true,
        media: { url: 'http://waha/api/files/a.jpg', mimetype: 'image/jpeg', filename: null },
      },
    });
    expect(verdict).toEqual({
      kind: 'message',
      message: {
        wahaId: 'false_628123456789@c.us_AAA',
        chatId: '628123456789@c.us',
        phone: '+628123456789',
        body: 'foto paket',
        media: { url: 'http://waha/api/files/a.jpg', mimetype: 'image/jpeg', filename: null },
      },
    });
    expect(readWebhook({ event: 'message', payload: { id: 'x', from: '123@lid', body: 'hi' } }).kind).toBe('ignored');
    expect(readWebhook({ event: 'message', payload: { id: 'x', from: 'status@broadcast', body: 'hi' } }).kind).toBe('ignored');
    expect(readWebhook({ event: 'message.any', payload: { id: 'x', from: '628123456789@c.us', body: 'hi' } }).kind).toBe('ignored');
    expect(readWebhook('not json object').kind).toBe('ignored');
  });
});

describe('campaign codes', () => {
  const known = new Set(['UMR_MAR_2025_HEMAT', 'UMR_APR_2025_PLUS']);
  it('finds codes case-insensitively and in order, not inside longer words', () => {
    expect(codesIn('kode umr_mar_2025_hemat dan UMR_APR_2025_PLUS.')).toEqual(['UMR_MAR_2025_HEMAT', 'UMR_APR_2025_PLUS']);
    expect(codesIn('XUMR_MAR_2025_HEMAT_EXTRA tanpa kode')).toEqual([]);
    expect(codesIn('harga 25_000_000')).toEqual([]);
  });
  it('lets the first valid code win and logs every other', () => {
    expect(pickCode(['UMR_JAN_2020_LAMA lalu UMR_APR_2025_PLUS', 'UMR_MAR_2025_HEMAT'], known)).toEqual({
      code: 'UMR_APR_2025_PLUS',
      ignored: ['UMR_JAN_2020_LAMA', 'UMR_MAR_2025_HEMAT'],
    });
    expect(pickCode(['UMR_JAN_2020_LAMA'], known)).toEqual({ code: null, ignored: ['UMR_JAN_2020_LAMA'] });
    expect(pickCode(['halo'], known)).toEqual({ code: null, ignored: [] });
  });
});

describe('handover triggers', () => {
  it("sees payment intent in the seed's phrases and their variants", () => {
    for (const t of [
      'Cara bayar?',
      'DP berapa?',
      'Mau daftar',
      'dp nya brp kak',
      'Bagaimana cara pembayaran DP?',
      'nomor rekening nya apa',
      'saya mau booking 2 orang',
      'uang muka berapa',
      'rekeningnya apa',
      'cara pembayarannya gimana',
      'DPnya berapa',
    ])
      expect(hasPaymentIntent(t), t).toBe(true);
    for (const t of ['Berapa harganya?', 'hotelnya dekat haram?', 'ada cicilan?', 'berangkat kapan', 'Dpt apa saja?'])
      expect(hasPaymentIntent(t), t).toBe(false);
  });
  it('sees a request for a person', () => {
    for (const t of [
      'saya mau bicara dengan admin',
      'Bisa telpon sama cs?',
      'admin dong',
      'minta nomor admin',
      'saya mau ngobrol langsung dengan orang',
      'ini bukan bot kan?',
    ])
      expect(asksForPerson(t), t).toBe(true);
    for (const t of ['adminnya ramah sekali kemarin, terima kasih', 'halo', 'paket admin fee termasuk?']) expect(asksForPerson(t), t).toBe(false);
  });
  it('never goes backwards', () => {
    expect(furthest('INTEREST', 'LEADS')).toBe('INTEREST');
    expect(furthest('LEADS', 'BOOKING', 'INTEREST')).toBe('BOOKING');
  });
});

describe('secrets at rest', () => {
  const key = randomBytes(32);
  it('opens only in the business and column it was sealed for', () => {
    const sealed = seal(key, 'sk-rahasia', 'b1:model_api_key_enc');
    expect(sealed).not.toContain('sk-rahasia');
    expect(unseal(key, sealed, 'b1:model_api_key_enc')).toBe('sk-rahasia');
    expect(() => unseal(key, sealed, 'b2:model_api_key_enc')).toThrow();
    expect(() => unseal(randomBytes(32), sealed, 'b1:model_api_key_enc')).toThrow();
  });
  it('refuses to start the assistant without a 32-byte SMA_ASSISTANT_KEY', () => {
    expect(() => createAssistant({ env: {} })).toThrow(AssistantKeyError);
    expect(() => createAssistant({ env: { SMA_ASSISTANT_KEY: 'abcd' } })).toThrow(/32 bytes/);
    expect(assistantKey({ SMA_ASSISTANT_KEY: 'ab'.repeat(32) })).toHaveLength(32);
    expect(assistantKey({ SMA_ASSISTANT_KEY: randomBytes(32).toString('base64') })).toHaveLength(32);
  });
});
