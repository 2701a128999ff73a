import { sql } from 'kysely';
import type { RunResult, Statement } from 'better-sqlite3';
import type { DomainTable } from '../db/schema';
import { newId } from '../core/ids';
import type { NewRow, Writer, WriterPart } from '../core/write';
import { ImportEntries, type ImportEntry, type ImportTable } from './import-entries';

/** Rows per multi-row INSERT of a batched inserter: past a few dozen rows a statement costs no less per row. */
export const INSERT_BATCH = 64;

/**
 * Many rows into a write transaction, as an import (or the demo shop) writes them: batched
 * inserters, their outbox entries read back by rowid, and an import's one entry per table. It is
 * a part of the transaction's Writer (core/write.ts): everything else the Writer does, and the
 * transaction's end, writes the waiting rows first, so changes keep their order.
 */
class BulkInserter implements WriterPart {
  /** The flush of every batched inserter, with its table (see inserter). */
  private readonly batches: { table: string; write: () => void }[] = [];

  /** The outbox entries of an import under way in this transaction (see importInto). */
  private readonly imports = new ImportEntries();

  private lastMs = -1;
  private lastIso = '';

  constructor(private readonly w: Writer) {}

  /** An instant as ISO text, formatted once per millisecond (a bulk write asks 10⁶ times). */
  private iso(ms: number): string {
    if (ms !== this.lastMs) {
      this.lastMs = ms;
      this.lastIso = new Date(ms).toISOString();
    }
    return this.lastIso;
  }

  private run(query: { compile(): { sql: string; parameters: readonly unknown[] } }): RunResult {
    const compiled = query.compile();
    return this.w.statement(compiled.sql).run(...(compiled.parameters as unknown[]));
  }

  importInto(uploadId: string, tables: readonly ImportTable[]): void {
    const { db, hlc } = this.w.ctx;
    this.w.flush();
    for (const table of tables) {
      const entry = db
        .insertInto('outbox')
        .values({ op_id: newId(), entity: table, entity_id: uploadId, op: 'import', hlc: hlc.next(), created_at: this.w.now });
      this.imports.open(table, uploadId, Number(this.run(entry).lastInsertRowid));
    }
  }

  covers(table: string, row: object): boolean {
    const entry = this.imports.of(table);
    if (entry) this.imports.cover(entry, row);
    return entry !== null;
  }

  inserter<T extends DomainTable>(table: T, batch: number): (row: NewRow<T> & { id: string }) => void {
    const { db, sqlite, clock, hlc: clocks } = this.w.ctx;
    let columns: string[] | null = null;
    let values: unknown[] = [];
    let waiting = 0;
    const compile = (rows: number, sample: Record<string, unknown>) =>
      this.w.statement(
        db
          .insertInto(table)
          .values(Array<never>(rows).fill(sample as never))
          .compile().sql,
      ); // a union of tables has no single row type
    // The outbox entries of rows just inserted, read back from them by rowid in the order they were
    // written: a million-row import binds no six values per entry. A rowid table numbers the rows of
    // one INSERT consecutively, up to the last one it reports. The op id is the row's id (Writer.insert).
    const outbox = this.w.statement(
      sql`INSERT INTO outbox (op_id, entity, entity_id, op, hlc, created_at) SELECT id, ${table}, id, 'insert', hlc, updated_at FROM ${sql.table(table)} WHERE rowid BETWEEN ${0} AND ${0} ORDER BY rowid`.compile(
        db,
      ).sql,
    );
    // The import entry standing for this inserter's rows, if any: looked up at its first row.
    let covered: ImportEntry | null | undefined;
    const recordInserted = (inserted: RunResult, rows: number) => {
      if (covered) return;
      const last = Number(inserted.lastInsertRowid);
      if (outbox.run(table, last - rows + 1, last).changes !== rows) throw new Error(`the ${rows} rows inserted into ${table} do not end at rowid ${last}`);
    };
    let statements: { rows: Statement; one: Statement } | null = null;
    const parents = new Set(sqlite.prepare('SELECT "table" FROM pragma_foreign_key_list(?)').pluck().all(table) as string[]);
    const write = () => {
      if (waiting === 0 || statements === null || columns === null) return;
      for (const other of this.batches) if (other.table !== table && parents.has(other.table)) other.write();
      // Values go as arguments, not as one array: the driver reads an array element by element
      // through a slower path (a quarter of the binding time).
      if (waiting === batch) {
        recordInserted(statements.rows.run(...values), batch);
      } else {
        // A batch cut short (the end, or another write in between): one row at a time.
        for (let i = 0; i < waiting; i++) recordInserted(statements.one.run(...values.slice(i * columns.length, (i + 1) * columns.length)), 1);
      }
      values = [];
      waiting = 0;
    };
    if (batch > 1) this.batches.push({ table, write });
    return (row) => {
      // One reading of the clock per row, for both its stamps.
      const ms = clock.ms();
      const hlc = clocks.next(ms);
      const at = this.iso(ms);
      if (covered === undefined) covered = this.imports.of(table);
      if (covered) this.imports.cover(covered, row);
      if (columns === null) {
        const sample: Record<string, unknown> = { created_at: at, ...row, updated_at: at, hlc };
        columns = Object.keys(sample);
        statements = { rows: compile(batch, sample), one: compile(1, sample) };
      }
      const fields = row as Record<string, unknown>;
      for (const column of columns)
        values.push(column === 'updated_at' || (column === 'created_at' && fields.created_at === undefined) ? at : column === 'hlc' ? hlc : fields[column]);
      waiting += 1;
      if (waiting === batch) write();
    };
  }

  flush(): void {
    for (const { write } of this.batches) write();
  }

  finish(): void {
    const { db, hlc } = this.w.ctx;
    for (const { seq, used } of this.imports.take()) {
      // Later than every row the import wrote, so the clock a restart resumes from (MAX(hlc) of the outbox) is past them all.
      if (used) this.run(db.updateTable('outbox').set({ hlc: hlc.next() }).where('seq', '=', seq));
      else this.run(db.deleteFrom('outbox').where('seq', '=', seq));
    }
  }
}

const bulk = (w: Writer) => w.part(BulkInserter, () => new BulkInserter(w));

/**
 * An inserter for many rows of one shape (an import, the demo shop). Its INSERT is compiled by
 * kysely once, on the first row, and the prepared statement reused for every row after it.
 *
 * With `batch` > 1 the rows wait in memory and are written `batch` at a time by one multi-row
 * INSERT, and their outbox entries by another: a statement has a fixed cost (in SQLite and in
 * the driver) that outweighs a narrow row. Everything else the Writer does, and the end of the
 * transaction, writes the waiting rows first, so changes keep their order; code that reads the
 * table through SQL meanwhile calls w.flush() first. A batch is written after the waiting rows of
 * the tables its foreign keys point to, so an import can batch both its sales and the customers
 * it creates for them: each sale's customer reaches the database before the sale.
 */
export function inserter<T extends DomainTable>(w: Writer, table: T, batch = 1): (row: NewRow<T> & { id: string }) => void {
  return bulk(w).inserter(table, batch);
}

/** Every row of `rows` by a batched inserter, written by the time it returns; how many. */
export function insertMany<T extends DomainTable>(w: Writer, table: T, rows: Iterable<NewRow<T> & { id: string }>, onEach?: (index: number) => void): number {
  const insert = inserter(w, table, INSERT_BATCH);
  let index = 0;
  for (const row of rows) {
    insert(row);
    onEach?.(index++);
  }
  w.flush();
  return index;
}

/**
 * Record an import's inserts into `tables` by one outbox entry per table (op 'import', entity_id
 * the upload's id: see migrations/0008), written now, in the order given, parents first. Rows
 * of those tables inserted with this upload_id get no entry of their own. When the transaction
 * ends, each entry takes its last clock, and those of tables that got no row are taken back.
 */
export function importInto(w: Writer, uploadId: string, tables: readonly ImportTable[]): void {
  bulk(w).importInto(uploadId, tables);
}
