import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stagingDir } from '../../src-main/files/staging';
import { ok, shopWithOwner } from '../helpers';
import { importFile } from '../import/harness';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'import');
const staged = (dir: string) => (existsSync(dir) ? readdirSync(dir).sort() : []);

describe('staging', () => {
  it('keeps an upload until its import completes, and a problem report only when there are problems', async () => {
    const app = await shopWithOwner();
    const dir = stagingDir(app.services.dbPath);
    expect(dir).toBe(join(app.services.dbPath, '..', 'staging'));

    // A clean file: checked (the upload stays for the real run), then imported (it goes), no report.
    const clean = await importFile(app, join(FIXTURES, 'semicolon-bom.csv'), 'customers', {}, undefined, 'import.validate');
    expect(clean.report.errorFileId).toBeNull();
    expect(staged(dir)).toHaveLength(2); // the upload's bytes and name
    const imported = await importFile(app, join(FIXTURES, 'semicolon-bom.csv'), 'customers', { onDuplicate: 'update' });
    expect(imported.report).toMatchObject({ status: 'completed', errorFileId: null });
    expect(staged(dir)).toHaveLength(2); // the checked upload is still there, the imported one went

    // Rows with problems: the report stays to be downloaded, the imported upload goes.
    const bad = await importFile(app, join(FIXTURES, 'bad-rows-customers.csv'), 'customers');
    expect(bad.report.status).toBe('completed');
    expect(bad.report.errorFileId).not.toBeNull();
    expect(staged(dir)).toEqual(expect.arrayContaining([`${bad.report.errorFileId}.bin`, `${bad.report.errorFileId}.json`]));
    expect(staged(dir)).toHaveLength(4);
    await ok(app, 'files.download', { fileId: bad.report.errorFileId! });
  });

  it("is where SMA_STAGING_DIR says when it is set (the CLI's private folder)", () => {
    const saved = process.env.SMA_STAGING_DIR;
    try {
      process.env.SMA_STAGING_DIR = '/tmp/sma-cli-test';
      expect(stagingDir('/home/sari/toko.sqlite')).toBe('/tmp/sma-cli-test');
      process.env.SMA_STAGING_DIR = '';
      expect(stagingDir('/home/sari/toko.sqlite')).toBe('/home/sari/staging');
    } finally {
      if (saved === undefined) delete process.env.SMA_STAGING_DIR;
      else process.env.SMA_STAGING_DIR = saved;
    }
  });
});
