import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PLACEHOLDERS } from '../../src-shared/content/placeholders';
import { SEGMENT_IDS } from '../../src-shared/rfm/rules';
import { CONTENT_CHANNELS } from '../../src-shared/schemas/content';

/**
 * The built-in message templates offered when there is no internet or no AI key: one file per
 * language, every segment × channel with two variants, and only the placeholders the app fills.
 */

// The app's own lists: the templates must cover exactly what the app asks for.
const SEGMENTS = SEGMENT_IDS;
const CHANNELS = CONTENT_CHANNELS;

type Channel = (typeof CHANNELS)[number];
type Placeholder = (typeof PLACEHOLDERS)[number];
interface Variant {
  subject: string | null;
  body: string;
}
interface TemplateFile {
  version: number;
  templates: Record<string, Record<string, Variant[]>>;
}

/** Typical values at the upper end of what the app fills in: {nama} ≤ 12, {kode_kampanye} ≤ 20, {toko} ≤ 20. */
const SAMPLE: Record<'id' | 'en', Record<Placeholder, string>> = {
  id: {
    nama: 'Ananda Putri',
    kota: 'Yogyakarta',
    terakhir_beli: '12/08/2026',
    total_belanja: 'Rp 1.250.000',
    segmen: 'Pelanggan Setia',
    kode_kampanye: 'UMR_MAR_2025_HEMAT20',
    toko: 'Batik Sekar Arum Ayu',
    penawaran: 'diskon 15% untuk semua kain batik tulis',
    poin: '12.500',
    tier: 'Platinum',
  },
  en: {
    nama: 'Ananda Putri',
    kota: 'Yogyakarta',
    terakhir_beli: '12/08/2026',
    total_belanja: 'Rp 1.250.000',
    segmen: 'Loyal',
    kode_kampanye: 'UMR_MAR_2025_HEMAT20',
    toko: 'Batik Sekar Arum Ayu',
    penawaran: '15% off all our hand-drawn batik fabric',
    poin: '12,500',
    tier: 'Platinum',
  },
};

const LANGUAGES = ['id', 'en'] as const;

function load(lang: string): TemplateFile {
  return JSON.parse(readFileSync(new URL(`../../resources/content-templates/${lang}.json`, import.meta.url), 'utf8')) as TemplateFile;
}

function fill(text: string, values: Record<Placeholder, string>): string {
  return text.replace(/\{([^{}]*)\}/g, (whole, name: string) => (name in values ? values[name as Placeholder] : whole));
}

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{([^{}]*)\}/g)].map((m) => m[1]);
}

function lines(text: string): string[] {
  return text.split('\n').filter((line) => line.trim() !== '');
}

const EMOJI = /\p{Extended_Pictographic}/u;
const HTML = /<\/?[a-z][^>]*>|&[a-z]+;|&#\d+;/i;
const URL_LIKE = /https?:\/\/|www\.|\b[a-z0-9-]+\.(com|id|co|net|org|shop|store|link|ly|me)\b/i;
const RELIGIOUS_GREETING = /assalam|wa?alaikum|salam sejahtera|shalom|om swastiastu|namo buddhaya|salve|insya ?allah|alhamdulillah|bismillah/i;
const OVERCLAIM = /termurah|paling murah|dijamin|garansi|nomor 1|no\. ?1|cheapest|guarantee|best price|number one|#1/i;

function everyVariant(file: TemplateFile): [string, Channel, number, Variant][] {
  return SEGMENTS.flatMap((segment) =>
    CHANNELS.flatMap((channel) => (file.templates[segment]?.[channel] ?? []).map((v, i): [string, Channel, number, Variant] => [segment, channel, i, v])),
  );
}

describe('sample values', () => {
  it('are as long as the limits assume', () => {
    for (const lang of LANGUAGES) {
      expect(SAMPLE[lang].nama.length).toBe(12);
      expect(SAMPLE[lang].kode_kampanye.length).toBe(20);
      expect(SAMPLE[lang].toko.length).toBe(20);
    }
  });
});

describe.each(LANGUAGES)('content templates (%s)', (lang) => {
  const file = load(lang);
  const values = SAMPLE[lang];
  const variants = everyVariant(file);
  const where = (segment: string, channel: string, i: number) => `${lang}/${segment}/${channel}[${i}]`;

  it('is version 1 with exactly the 11 segments and 5 channels', () => {
    expect(file.version).toBe(1);
    expect(Object.keys(file.templates).sort()).toEqual([...SEGMENTS].sort());
    for (const segment of SEGMENTS) {
      expect(Object.keys(file.templates[segment]).sort(), segment).toEqual([...CHANNELS].sort());
    }
  });

  it('has exactly 2 distinct variants for every segment × channel', () => {
    for (const segment of SEGMENTS) {
      for (const channel of CHANNELS) {
        const list = file.templates[segment][channel];
        expect(Array.isArray(list), `${lang}/${segment}/${channel}`).toBe(true);
        expect(list, `${lang}/${segment}/${channel}`).toHaveLength(2);
        expect(list[0].body, `${lang}/${segment}/${channel}`).not.toBe(list[1].body);
      }
    }
    expect(variants).toHaveLength(SEGMENTS.length * CHANNELS.length * 2);
  });

  it('gives every variant exactly a subject and a non-empty body', () => {
    for (const [segment, channel, i, v] of variants) {
      expect(Object.keys(v).sort(), where(segment, channel, i)).toEqual(['body', 'subject']);
      expect(typeof v.body, where(segment, channel, i)).toBe('string');
      expect(v.body.trim().length, where(segment, channel, i)).toBeGreaterThan(0);
      expect(v.body, where(segment, channel, i)).toBe(v.body.trim());
    }
  });

  it('uses only the allowed placeholders, spelled exactly', () => {
    for (const [segment, channel, i, v] of variants) {
      for (const text of [v.subject ?? '', v.body]) {
        for (const name of placeholders(text)) expect(PLACEHOLDERS, `${where(segment, channel, i)}: {${name}}`).toContain(name);
        const filled = fill(text, values);
        expect(filled, where(segment, channel, i)).not.toMatch(/[{}]/);
      }
    }
  });

  it('has a subject within limits for email and banner, and null elsewhere', () => {
    for (const [segment, channel, i, v] of variants) {
      if (channel === 'email' || channel === 'banner') {
        expect(typeof v.subject, where(segment, channel, i)).toBe('string');
        const subject = fill(v.subject as string, values);
        expect(subject.trim().length, where(segment, channel, i)).toBeGreaterThan(0);
        expect(subject, where(segment, channel, i)).not.toContain('\n');
        expect(subject.length, `${where(segment, channel, i)}: ${subject}`).toBeLessThanOrEqual(channel === 'email' ? 70 : 40);
      } else {
        expect(v.subject, where(segment, channel, i)).toBeNull();
      }
    }
  });

  it('keeps every SMS within 160 plain characters once filled', () => {
    for (const [segment, channel, i, v] of variants) {
      if (channel !== 'sms') continue;
      const text = fill(v.body, values);
      expect(text.length, `${where(segment, channel, i)}: ${text}`).toBeLessThanOrEqual(160);
      expect(text, where(segment, channel, i)).toMatch(/^[\x20-\x7e]+$/);
    }
  });

  it('keeps banners to one short line', () => {
    for (const [segment, channel, i, v] of variants) {
      if (channel !== 'banner') continue;
      const text = fill(v.body, values);
      expect(text, where(segment, channel, i)).not.toContain('\n');
      expect(text.length, `${where(segment, channel, i)}: ${text}`).toBeLessThanOrEqual(90);
    }
  });

  it('addresses the customer and names the offer in WhatsApp, email and SMS', () => {
    for (const [segment, channel, i, v] of variants) {
      if (channel !== 'whatsapp' && channel !== 'email' && channel !== 'sms') continue;
      expect(v.body, where(segment, channel, i)).toContain('{nama}');
      expect(v.body, where(segment, channel, i)).toContain('{penawaran}');
      if (lang === 'id') expect(v.body, where(segment, channel, i)).toMatch(/\bKak\b/);
    }
  });

  it('mentions the campaign code in most personal messages', () => {
    const personal = variants.filter(([, channel]) => channel === 'whatsapp' || channel === 'email' || channel === 'sms');
    const withCode = personal.filter(([, , , v]) => v.body.includes('{kode_kampanye}'));
    expect(withCode.length / personal.length).toBeGreaterThan(0.75);
  });

  it('keeps public texts free of personal details', () => {
    for (const [segment, channel, i, v] of variants) {
      if (channel !== 'instagram' && channel !== 'banner') continue;
      for (const text of [v.subject ?? '', v.body]) {
        for (const name of ['{nama}', '{terakhir_beli}', '{total_belanja}']) expect(text, where(segment, channel, i)).not.toContain(name);
      }
    }
  });

  it('keeps WhatsApp to 2–5 lines and Instagram to 2–4 lines', () => {
    for (const [segment, channel, i, v] of variants) {
      if (channel === 'whatsapp') expect(lines(v.body).length, where(segment, channel, i)).toBeGreaterThanOrEqual(2);
      if (channel === 'whatsapp') expect(lines(v.body).length, where(segment, channel, i)).toBeLessThanOrEqual(5);
      if (channel === 'instagram') expect(lines(v.body).length, where(segment, channel, i)).toBeGreaterThanOrEqual(2);
      if (channel === 'instagram') expect(lines(v.body).length, where(segment, channel, i)).toBeLessThanOrEqual(4);
    }
  });

  it('shapes emails as a greeting, 2–4 paragraphs and a sign-off with the shop name', () => {
    for (const [segment, channel, i, v] of variants) {
      if (channel !== 'email') continue;
      const blocks = v.body.split('\n\n');
      expect(blocks[0], where(segment, channel, i)).toContain('{nama}');
      expect(blocks[0], where(segment, channel, i)).not.toContain('\n');
      expect(blocks.at(-1), where(segment, channel, i)).toMatch(/\n\{toko\}$/);
      expect(blocks.length - 2, where(segment, channel, i)).toBeGreaterThanOrEqual(2);
      expect(blocks.length - 2, where(segment, channel, i)).toBeLessThanOrEqual(4);
    }
  });

  it('uses emoji only on WhatsApp and Instagram', () => {
    for (const [segment, channel, i, v] of variants) {
      if (channel === 'whatsapp' || channel === 'instagram') continue;
      expect(v.subject ?? '', where(segment, channel, i)).not.toMatch(EMOJI);
      expect(v.body, where(segment, channel, i)).not.toMatch(EMOJI);
    }
  });

  it('contains no HTML, no URLs, no religious greetings and no overclaims', () => {
    for (const [segment, channel, i, v] of variants) {
      for (const text of [v.subject ?? '', v.body]) {
        expect(text, where(segment, channel, i)).not.toMatch(HTML);
        expect(text, where(segment, channel, i)).not.toMatch(URL_LIKE);
        expect(text, where(segment, channel, i)).not.toMatch(RELIGIOUS_GREETING);
        expect(text, where(segment, channel, i)).not.toMatch(OVERCLAIM);
      }
    }
  });
});
