/** The shop's own records of what happened: imports and the activity log, newest first. */
import { z } from 'zod';
import { activityQuery } from '../../audit/service';
import { importHistoryQuery } from '../../import/service';
import { defineReport, MANAGERS, prepared } from '../report';
import { wordsFor } from '../show';

const noFilters = z.strictObject({});

export const importHistoryReport = defineReport({
  id: 'import-history',
  name: ['Riwayat impor', 'Import history'],
  file: ['riwayat-impor', 'import-history'],
  group: 'history',
  roles: MANAGERS,
  filters: noFilters,
  columns: [
    { key: 'created_at', type: 'datetime', label: ['Waktu', 'Time'] },
    { key: 'user_name', type: 'text', label: ['Oleh', 'By'] },
    { key: 'kind', type: 'text', label: ['Jenis data', 'Kind'], show: wordsFor({ customers: ['Pelanggan', 'Customers'], transactions: ['Transaksi', 'Transactions'], products: ['Produk', 'Products'] }) },
    { key: 'file_name', type: 'text', label: ['File', 'File'] },
    {
      key: 'status',
      type: 'text',
      label: ['Status', 'Status'],
      show: wordsFor({ processing: ['Diproses', 'Processing'], completed: ['Selesai', 'Completed'], failed: ['Gagal', 'Failed'], cancelled: ['Dibatalkan', 'Cancelled'] }),
    },
    { key: 'rows_total', type: 'integer', label: ['Baris di file', 'Rows in file'], total: true },
    { key: 'rows_imported', type: 'integer', label: ['Diimpor', 'Imported'], total: true },
    { key: 'rows_skipped', type: 'integer', label: ['Dilewati', 'Skipped'], total: true },
    { key: 'rows_failed', type: 'integer', label: ['Gagal', 'Failed'], total: true },
    { key: 'customers_created', type: 'integer', label: ['Pelanggan baru', 'New customers'], total: true },
    { key: 'duration', type: 'decimal', label: ['Durasi (detik)', 'Duration (seconds)'], show: (v) => (typeof v === 'number' ? v / 1000 : null) },
    { key: 'error', type: 'text', label: ['Keterangan', 'Error'] },
    { key: 'undone_at', type: 'datetime', label: ['Dibatalkan pada', 'Undone at'] },
  ],
  prepare(_filters, env) {
    const query = importHistoryQuery(env.db).select([
      'h.created_at',
      'u.name as user_name',
      'h.kind',
      'h.file_name',
      'h.status',
      'h.rows_total',
      'h.rows_imported',
      'h.rows_skipped',
      'h.rows_failed',
      'h.customers_created',
      'h.duration_ms as duration',
      'h.error',
      'h.undone_at',
    ]);
    return prepared(query);
  },
});

export const activityLogReport = defineReport({
  id: 'activity-log',
  name: ['Log aktivitas', 'Activity log'],
  file: ['log-aktivitas', 'activity-log'],
  group: 'history',
  roles: MANAGERS,
  filters: noFilters,
  columns: [
    { key: 'created_at', type: 'datetime', label: ['Waktu', 'Time'] },
    { key: 'user_name', type: 'text', label: ['Pengguna', 'User'], listKey: 'user' },
    { key: 'action', type: 'text', label: ['Aksi', 'Action'] },
    { key: 'entity', type: 'text', label: ['Data', 'Entity'] },
    { key: 'entity_id', type: 'text', label: ['ID data', 'Entity id'], listKey: 'entity' },
    { key: 'details', type: 'text', label: ['Rincian', 'Details'] },
  ],
  prepare(_filters, env) {
    return prepared(activityQuery(env.db).select(['a.created_at', 'u.name as user_name', 'a.action', 'a.entity', 'a.entity_id', 'a.details']));
  },
});
