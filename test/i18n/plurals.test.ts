import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { en } from '../../src-renderer/i18n/en';
import { id } from '../../src-renderer/i18n/id';
import { pluralFormat } from '../../src-shared/i18n/plural';

/** English counts agree with their number ("1 item", "2 items"), through one formatter, everywhere. */
async function translator(language: 'id' | 'en') {
  const i18n = i18next.createInstance();
  await i18n.init({ resources: { id: { translation: id }, en: { translation: en } }, lng: language, fallbackLng: 'id', interpolation: { escapeValue: false } });
  i18n.services.formatter?.add('plural', pluralFormat);
  return i18n.t.bind(i18n) as (key: string, options?: Record<string, unknown>) => string;
}

function strings(tree: unknown, path = ''): [string, string][] {
  if (typeof tree === 'string') return [[path, tree]];
  return Object.entries(tree as Record<string, unknown>).flatMap(([key, value]) => strings(value, path ? `${path}.${key}` : key));
}

/** Nouns an English sentence counts; after a number they must go through `plural`. */
const COUNTED =
  /\{\{(\w+)\}\} (?:existing |failed |new |more |data )?(months|days|customers|recipients|messages|tokens|requests|rows|transactions|records|items|columns|products|sales|characters|years|purchases|problems)\b/;

describe('plurals in English', () => {
  it('says "1 item" and "2 items", with the counts as the pages pass them (numbers or "1.234")', async () => {
    const t = await translator('en');
    expect(t('transactions.itemsCount', { count: 1 })).toBe('1 item');
    expect(t('transactions.itemsCount', { count: 2 })).toBe('2 items');
    expect(t('transactions.itemsCount', { count: 0 })).toBe('0 items');
    expect(t('rfm.table.days', { n: '1' })).toBe('1 day');
    expect(t('rfm.table.days', { n: '1.234' })).toBe('1.234 days');
    expect(t('import.report.updatedDone', { n: '1' })).toBe('1 existing record was updated.');
    expect(t('import.report.updatedDone', { n: '3' })).toBe('3 existing records were updated.');
    expect(t('customerRfm.churnOwnGap', { days: '1', gap: '10,5', ratio: '0,1' })).toBe('1 day ÷ usual gap 10,5 days = 0,1×');
  });

  it('leaves Indonesian as it is (its nouns do not change with the number)', async () => {
    const t = await translator('id');
    expect(t('transactions.itemsCount', { count: 1 })).toBe('1 barang');
    expect(t('rfm.table.days', { n: '1' })).toBe('1 hari');
  });

  it('every English count phrase goes through the plural formatter', () => {
    const bare = strings(en).filter(([, text]) => COUNTED.test(text));
    expect(bare).toEqual([]);
    const plural = strings(en).filter(([, text]) => text.includes(', plural('));
    expect(plural.length).toBeGreaterThan(40);
    for (const [key, text] of plural)
      for (const m of text.matchAll(/\{\{(\w+), plural\(one: [^;]+; other: [^)]+\)\}\}/g)) expect(text, key).toContain(`{{${m[1]}}}`);
  });
});
