import type { Translate } from '../../../src-shared/i18n/messages';
import type { ImportOptions } from '../../../src-shared/schemas/import';
import type { Sqlite } from '../../db/open';
import type { DomainTable } from '../../db/schema';
import type { ImportTable } from '../import-entries';
import type { Writer } from '../../core/write';
import type { IssueLog } from '../rows/issues';

/** What every importer works with inside the import's transaction. */
export interface ImportEnv {
  w: Writer;
  sqlite: Sqlite;
  log: IssueLog;
  t: Translate;
  options: ImportOptions;
  uploadId: string;
  /** Who runs the import (null for a system job): records that keep who did what name them. */
  userId: string | null;
  /** The header of the column a field is mapped to, for issues that concern a whole group. */
  headerOf(field: string): string;
  /** Whether the file has a column for the field. */
  mapped(field: string): boolean;
  /** Invoice numbers whose lines do not all stand together in the file (see RecurringInvoices). */
  recurringInvoices: ReadonlySet<string>;
  /** The shop's today, and the last date taken without a warning. */
  today: string;
  futureAfter: string;
}

export interface BulkTable {
  /** A domain table, or the loyalty ledger an import earns into (see loyalty/earn.ts). */
  table: DomainTable | 'loyalty_ledger';
  emptyColumns: string[];
}

export type RowOutcome = 'imported' | 'updated' | 'skipped' | 'failed';

/** How many of the file's rows ended each way, added to as rows settle. */
export class Outcomes {
  imported = 0;
  updated = 0;
  skipped = 0;
  failed = 0;

  add(outcome: RowOutcome, rows = 1): void {
    this[outcome] += rows;
  }
}

/** A row that, under the chosen policy, must stop the whole import. */
export class StopImport extends Error {
  constructor(readonly reason: string) {
    super(reason);
  }
}

/** A data row as the import's reading thread hands it over: its line and what its kind read from it. */
export interface ReadRow<F> {
  line: number;
  fields: F;
}

export interface Importer<F> {
  /** Handle one data row and count the rows it settles in `out` (a finished invoice settles all its
   * lines at once, so there may be several, or none yet). May throw StopImport. */
  row(row: ReadRow<F>, out: Outcomes): void;
  /** Write what is still pending (the last invoice's lines) and count its rows. */
  finish(out: Outcomes): void;
  /** Records written: customers/products, or transactions after grouping lines per invoice. */
  readonly records: number;
  readonly customersCreated: number;
  readonly warnings: string[];
  /** Records already in the shop as the file has them (a marketplace export imported again). */
  readonly unchangedOrders?: number;
  /** The tables this importer inserts rows into, each row with the import's upload_id; parents first (see importInto in import/bulk-insert.ts). */
  readonly tables: readonly ImportTable[];
  /** Tables this importer fills while reading them only by primary key (or from memory), with the
   * columns it leaves empty: a large import may build their secondary indexes at the end (see
   * deferIndexes). */
  readonly bulkTables?: BulkTable[];
  /** Once its rows are written: sales that were in the shop before and that this import changed what
   * they earn points by, and sales of any age it wrote a return of. They earn again once the
   * import's own sales have (loyalty/earn.ts). */
  salesToReEarn?(): ReadonlyMap<string, 'changed' | 'returned'>;
}
