import { describe, expect, it } from 'vitest';
import { ok, shopWithOwner } from '../helpers';

// A report's column keys are part of the contract: a saved column choice names them.
const KEYS = [
  'created_at',
  'user_name',
  'kind',
  'file_name',
  'status',
  'rows_total',
  'rows_imported',
  'rows_skipped',
  'rows_failed',
  'customers_created',
  'duration',
  'error',
  'undone_at',
];

describe('the import history export', () => {
  it('keeps its column keys, and takes a column choice that names them', async () => {
    const app = await shopWithOwner();
    const preview = await ok(app, 'export.preview', { report: 'import-history', filters: {} });
    expect(preview.columns.map((c) => c.key)).toEqual(KEYS);
    const file = await ok(app, 'export.run', { report: 'import-history', filters: {}, format: 'csv', columns: ['created_at', 'duration'] });
    expect(file.rows).toBe(0);
  });
});
