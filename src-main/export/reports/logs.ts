/** The shop's own records of what happened: imports and the activity log, newest first. */
import { sql } from 'kysely';
import { z } from 'zod';
import { actionName, activityFields, activitySentence, type ActivityEntry } from '../../../src-shared/i18n/activity';
import { activityQuery } from '../../audit/service';
import { importHistoryQuery } from '../../import/service';
import { defineReport, MANAGERS, prepared } from '../report';
import { wordsFor } from '../show';

const noFilters = z.strictObject({});

export const importHistoryReport = defineReport({
  id: 'import-history',
  name: 'report.importHistory',
  file: 'file.importHistory',
  group: 'history',
  roles: MANAGERS,
  filters: noFilters,
  columns: [
    { key: 'created_at', type: 'datetime', label: 'time' },
    { key: 'user_name', type: 'text', label: 'by' },
    { key: 'kind', type: 'text', label: 'kind', show: wordsFor({ customers: 'customers', transactions: 'transactions', products: 'products' }) },
    { key: 'file_name', type: 'text', label: 'file' },
    {
      key: 'status',
      type: 'text',
      label: 'status',
      show: wordsFor({ processing: 'processing', completed: 'completed', failed: 'failed', cancelled: 'cancelled' }),
    },
    { key: 'rows_total', type: 'integer', label: 'rowsInFile', total: true },
    { key: 'rows_imported', type: 'integer', label: 'imported', total: true },
    { key: 'rows_skipped', type: 'integer', label: 'skipped', total: true },
    { key: 'rows_failed', type: 'integer', label: 'failed', total: true },
    { key: 'customers_created', type: 'integer', label: 'newCustomers', total: true },
    { key: 'duration', type: 'decimal', label: 'durationSeconds', show: (v) => (typeof v === 'number' ? v / 1000 : null) },
    { key: 'error', type: 'text', label: 'error' },
    { key: 'undone_at', type: 'datetime', label: 'undoneAt' },
  ],
  // `duration` is the column's key in the contract (a saved column choice names it), as before the list query was shared.
  prepare: (_filters, env) => prepared(importHistoryQuery(env.db).select('h.duration_ms as duration')),
});

/** An activity row packed by SQL as one JSON value, so a column's `show` sees the whole entry. */
function entryOf(value: unknown): ActivityEntry | null {
  if (typeof value !== 'string') return null;
  const packed = JSON.parse(value) as { user_name: string | null; action: string; details: string | null };
  return { user_name: packed.user_name, action: packed.action, details: packed.details ? (JSON.parse(packed.details) as Record<string, unknown>) : null };
}

export const activityLogReport = defineReport({
  id: 'activity-log',
  name: 'report.activityLog',
  file: 'file.activityLog',
  group: 'history',
  roles: MANAGERS,
  filters: z.strictObject({ action: z.string().max(60).optional() }),
  // The same words as the audit page: a sentence, the kind of action, the details as "label: value".
  columns: [
    { key: 'created_at', type: 'datetime', label: 'time' },
    { key: 'user_name', type: 'text', label: 'user', listKey: 'user' },
    {
      key: 'sentence',
      type: 'text',
      label: 'activity',
      show: (value, language) => {
        const entry = entryOf(value);
        return entry && activitySentence(entry, language);
      },
    },
    { key: 'action', type: 'text', label: 'kindOfEntry', show: (value, language) => (typeof value === 'string' ? actionName(value, language) : null) },
    {
      key: 'details',
      type: 'text',
      label: 'details',
      show: (value, language) => {
        const entry = entryOf(value);
        return (
          entry &&
          (activityFields(entry, language)
            .map((field) => `${field.label}: ${field.value}`)
            .join('; ') ||
            null)
        );
      },
    },
    { key: 'entity_id', type: 'text', label: 'recordId', listKey: 'details' },
  ],
  prepare(filters, env) {
    const packed = sql<string>`json_object('user_name', u.name, 'action', a.action, 'details', a.details)`;
    return prepared(
      activityQuery(env.db, filters.action).select([
        'a.created_at',
        'u.name as user_name',
        'a.action',
        'a.entity_id',
        packed.as('sentence'),
        packed.as('details'),
      ]),
    );
  },
});
