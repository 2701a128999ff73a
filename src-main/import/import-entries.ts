/** Tables whose rows carry the upload that created them (upload_id). */
export type ImportTable = 'customers' | 'products' | 'transactions';

/** An import's outbox entry for one table, and whether it stands for any row yet. */
export interface ImportEntry {
  table: string;
  uploadId: string;
  seq: number;
  used: boolean;
}

/**
 * The outbox entries of the import under way in a write transaction, one per table it fills
 * (op 'import': migrations/0008_outbox_imports.sql). The rows they stand for get no entry of
 * their own; importInto (bulk-insert.ts) opens them and the transaction's end closes them.
 */
export class ImportEntries {
  private readonly byTable = new Map<string, ImportEntry>();

  open(table: ImportTable, uploadId: string, seq: number): void {
    this.byTable.set(table, { table, uploadId, seq, used: false });
  }

  /** The entry standing for rows of `table` inserted now, if an import fills it. */
  of(table: string): ImportEntry | null {
    return this.byTable.get(table) ?? null;
  }

  /** Takes a row as the entry's. A row of another upload would never be synced: a bug, not bad input. */
  cover(entry: ImportEntry, row: object): void {
    const uploadId = (row as { upload_id?: unknown }).upload_id;
    if (uploadId !== entry.uploadId)
      throw new Error(`a row inserted into ${entry.table} during the import of upload ${entry.uploadId} carries upload_id ${String(uploadId)}`);
    entry.used = true;
  }

  /** Every entry, once: the transaction is ending. */
  take(): ImportEntry[] {
    const entries = [...this.byTable.values()];
    this.byTable.clear();
    return entries;
  }
}
