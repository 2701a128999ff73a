import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { AUDIT_ACTIONS } from '../../src-shared/audit/actions';
import { actionName, actionOptions, activityFields, activitySentence } from '../../src-shared/i18n/activity';
import { CATALOGUES } from '../../src-shared/i18n/catalogues';
import { LANGUAGES } from '../../src-shared/schemas/auth';
import { exportTo } from '../export/harness';
import { ok, shopWithOwner, tempDir } from '../helpers';
import { importFile } from '../import/harness';

/** What a sentence must never show an owner: a code, JSON, or a placeholder left unfilled. */
const DEVELOPER_WORDS = /[{}[\]"]|undefined|null|NaN|\[object|_|\b\w+\.\w+\b/;

/** Every action the main process's sources write with the write helper's `log()`, read from the sources. */
function actionsWrittenBySources(): string[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (path.endsWith('.ts')) files.push(path);
    }
  };
  walk(join(__dirname, '../../src-main'));
  const found = new Set<string>();
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    for (const call of text.matchAll(/\.log\(\{\s*action:\s*([^,]+),/g)) {
      const expression = call[1];
      for (const literal of expression.matchAll(/'([^']+)'/g)) found.add(literal[1]);
      // `export.${record.status}` and the like: the status's values are the union the compiler checks;
      // here the prefix must at least be a family the list knows.
      for (const template of expression.matchAll(/`([^`$]+)\$\{/g)) found.add(`${template[1]}*`);
    }
  }
  return [...found].sort();
}

describe('activity log sentences', () => {
  it('every action the code base writes is in the action list, and each has a name and a sentence in both languages', () => {
    const written = actionsWrittenBySources();
    expect(written.length).toBeGreaterThan(25);
    for (const action of written) {
      if (action.endsWith('*'))
        expect(
          AUDIT_ACTIONS.some((known) => known.startsWith(action.slice(0, -1))),
          action,
        ).toBe(true);
      else expect(AUDIT_ACTIONS, action).toContain(action);
    }
    for (const language of LANGUAGES) {
      // One sentence per action (and a second for stopping someone else's job), none for an action that is gone.
      const sentences = Object.keys(CATALOGUES[language].activity).filter((key) => key.startsWith('say.') && key !== 'say.job.cancelOther');
      expect(sentences.map((key) => key.slice('say.'.length)).sort()).toEqual([...AUDIT_ACTIONS].sort());
      for (const action of AUDIT_ACTIONS) {
        const sentence = activitySentence({ user_name: 'Sari', action, details: null }, language);
        expect(sentence, `${language} ${action}`).not.toMatch(DEVELOPER_WORDS);
        expect(sentence.length, `${language} ${action}`).toBeGreaterThan(8);
        expect(actionName(action, language), `${language} ${action}`).not.toMatch(DEVELOPER_WORDS);
      }
      // The filter's names are all different, or two kinds would read the same.
      expect(new Set(actionOptions(language).map((o) => o.label)).size).toBe(AUDIT_ACTIONS.length);
    }
  });

  it('an action this version does not know reads as a sentence, its details as labelled fields, never JSON', () => {
    const entry = { user_name: 'Sari', action: 'loyalty.pointsGranted', details: { points: 50, customers: 12, reason: { from: 'a', to: 'b' } } };
    expect(activitySentence(entry, 'id')).toBe('Sari melakukan tindakan lain (Loyalty points granted)');
    expect(activitySentence(entry, 'en')).toBe('Sari did something else (Loyalty points granted)');
    expect(actionName(entry.action, 'id')).toBe('Loyalty points granted');
    expect(activityFields(entry, 'id')).toEqual([
      { key: 'points', label: 'Points', value: '50' },
      { key: 'customers', label: 'Pelanggan', value: '12' },
      { key: 'reason', label: 'Reason', value: 'a → b' },
    ]);
  });

  it('real entries read as sentences on the audit list: sign-in, an import, an export, settings', async () => {
    const app = await shopWithOwner();
    await ok(app, 'auth.login', { username: 'sari', password: 'rahasia-toko-123' }, 'laptop');
    const file = join(tempDir(), 'penjualan-nov.csv');
    writeFileSync(
      file,
      [
        'Tanggal,Nama Pelanggan,No HP,Nominal',
        ...Array.from({ length: 1204 }, (_, i) => `0${1 + (i % 9)}/11/2026,Pelanggan ${i % 40},0812${String(i % 40).padStart(8, '0')},${10_000 + i}`),
      ].join('\n'),
    );
    await importFile(app, file, 'transactions');
    await exportTo(app, { report: 'customers', filters: {}, format: 'xlsx' });
    await ok(app, 'settings.update', { idleLockMinutes: 30 });
    await app.call('auth.login', { username: 'sari', password: 'salah-sekali' }, { clientId: 'tablet' });
    await app.call('auth.login', { username: 'siapa', password: 'salah-sekali' }, { clientId: 'tablet' });

    const rows = (await ok(app, 'audit.list', { page: 1, pageSize: 50 })).rows;
    const id = rows.map((row) => activitySentence(row, 'id'));
    const en = rows.map((row) => activitySentence(row, 'en'));
    expect(id).toEqual(
      expect.arrayContaining([
        'Sari Wulandari masuk',
        'Sari Wulandari mengimpor 1.204 transaksi dari penjualan-nov.csv',
        'Sari Wulandari mengekspor 40 pelanggan ke Excel',
        'Sari Wulandari mengubah pengaturan: kunci layar otomatis',
        'Gagal masuk dengan nama pengguna “sari”: kata sandi salah (percobaan ke-1)',
        'Gagal masuk dengan nama pengguna “siapa”: nama pengguna tidak dikenal (percobaan ke-1)',
      ]),
    );
    expect(en).toEqual(
      expect.arrayContaining([
        'Sari Wulandari signed in',
        'Sari Wulandari imported 1,204 transactions from penjualan-nov.csv',
        'Sari Wulandari exported 40 customers to Excel',
      ]),
    );
    const exported = rows.find((row) => row.action === 'export.completed');
    expect(activityFields(exported!, 'id')).toEqual([
      { key: 'report', label: 'Laporan', value: 'pelanggan' },
      { key: 'format', label: 'Format', value: 'Excel' },
      { key: 'rows', label: 'Baris', value: '40' },
      { key: 'bytes', label: 'Ukuran file', value: expect.stringMatching(/^\d+ KB$/) },
    ]);
    const settings = rows.find((row) => row.action === 'settings.update');
    expect(activityFields(settings!, 'en')).toEqual([{ key: 'idleLockMinutes', label: 'automatic screen lock', value: '15 → 30' }]);

    // The filter by kind of action.
    const exports = await ok(app, 'audit.list', { page: 1, pageSize: 50, action: 'export.completed' });
    expect(exports.total).toBe(1);
    expect(exports.rows.map((row) => row.action)).toEqual(['export.completed']);
  });

  it('the activity-log export writes the same sentences, kinds and details, and keeps to the chosen kind', async () => {
    const app = await shopWithOwner();
    await ok(app, 'customers.create', { name: 'Budi Santoso', phone: '0812-1111-2222' });
    const file = await exportTo(app, { report: 'activity-log', filters: {}, format: 'xlsx' });
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file.path);
    const sheet = book.worksheets[0];
    const headers = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(headers).toEqual(['Waktu', 'Pengguna', 'Aktivitas', 'Jenis', 'Rincian', 'ID data']);
    const lines = sheet.getRows(2, sheet.rowCount - 1)!.map((row) => [row.getCell(3).value, row.getCell(4).value, row.getCell(5).value]);
    expect(lines).toContainEqual(['Sari Wulandari menambahkan pelanggan Budi Santoso (C000001)', 'Pelanggan ditambahkan', 'Kode: C000001; Nama: Budi Santoso']);
    expect(lines).toContainEqual(['Sari Wulandari menyiapkan toko “Toko Sari” dengan akun pemilik sari', 'Toko disiapkan', 'Toko: Toko Sari; Pemilik: sari']);
    for (const [sentence] of lines) expect(String(sentence)).not.toMatch(/[{}"]/);

    const only = await exportTo(app, { report: 'activity-log', filters: { action: 'customers.create' }, format: 'csv', separator: ';', dateStyle: 'dmy' });
    expect(only.rows).toBe(1);
  });
});
