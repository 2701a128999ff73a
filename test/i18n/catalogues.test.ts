import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CATALOGUES } from '../../src-shared/i18n/catalogues';
import { translator, validationText } from '../../src-shared/i18n/messages';

/** The placeholders a sentence names, by name only (`{{n, plural(…)}}` names `n`), sorted. */
function placeholders(text: string): string[] {
  return [...new Set([...text.matchAll(/\{\{\s*(\w+)[^}]*\}\}/g)].map((m) => m[1]))].sort();
}

const namespaces = Object.keys(CATALOGUES.id) as (keyof (typeof CATALOGUES)['id'])[];

describe("the main side's catalogues", () => {
  it('every key of every namespace exists in both id and en, with the same placeholders', () => {
    expect(Object.keys(CATALOGUES).sort()).toEqual(['en', 'id']);
    for (const ns of namespaces) {
      const id = CATALOGUES.id[ns] as Record<string, string>;
      const en = CATALOGUES.en[ns] as Record<string, string>;
      expect(Object.keys(en).sort(), `${ns}: keys of en`).toEqual(Object.keys(id).sort());
      for (const key of Object.keys(id)) {
        expect(typeof en[key], `${ns} ${key}`).toBe('string');
        expect(placeholders(en[key]), `${ns} ${key}: placeholders`).toEqual(placeholders(id[key]));
        expect(id[key].trim().length, `${ns} ${key}: empty in id`).toBeGreaterThan(0);
      }
    }
  });

  it('no sentence keeps the old single-brace placeholders, which i18next would print as they are', () => {
    for (const language of ['id', 'en'] as const) {
      for (const ns of namespaces) {
        for (const [key, text] of Object.entries(CATALOGUES[language][ns] as Record<string, string>)) {
          expect(text.replace(/\{\{[^}]*\}\}/g, ''), `${language} ${ns} ${key}`).not.toMatch(/\{\w+\}/);
        }
      }
    }
  });

  it('fills placeholders, keeps one given no value as {name}, and answers in the language asked', () => {
    expect(translator('id')('imp.dupInFile', { line: 12, field: 'nomor HP' })).toBe('Sama dengan baris 12 di file ini (nomor HP). Baris ini dilewati.');
    expect(translator('en')('err.throttled', { seconds: 30 })).toBe('Too many failed attempts. Try again in 30 seconds.');
    expect(translator('en')('err.validation')).toBe('Please check: {fields}.');
    // A value named like an i18next option is still only a value; values are not HTML-escaped.
    expect(translator('en')('imp.stopStrict', { count: 3 })).toBe('Import stopped: 3 rows failed and strict mode is on. Nothing was saved.');
    expect(translator('id')('err.duplicateCustomer', { field: 'email', name: 'Sari & <Budi>', code: 'C-1' })).toBe(
      'Pelanggan dengan email yang sama sudah ada: Sari & <Budi> (C-1).',
    );
    expect(validationText('v.required', 'en')).toBe('Required.');
    expect(validationText('Expected string, received number', 'id')).toBe('Expected string, received number');
  });

  it('each catalogue module stays under 300 lines', () => {
    const root = join(__dirname, '../../src-shared/i18n');
    for (const dir of ['.', 'id', 'en']) {
      for (const name of readdirSync(join(root, dir)).filter((n) => n.endsWith('.ts'))) {
        const lines = readFileSync(join(root, dir, name), 'utf8').split('\n').length;
        expect(lines, `${dir}/${name}`).toBeLessThanOrEqual(300);
      }
    }
  });
});
