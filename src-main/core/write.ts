import type { Compilable, Insertable, RawBuilder, Updateable } from 'kysely';
import type { Statement } from 'better-sqlite3';
import type { AuditAction } from '../../src-shared/audit/actions';
import { AppError } from '../../src-shared/errors';
import type { Database, DomainTable } from '../db/schema';
import type { WriteCtx } from './context';
import { newId } from './ids';

/** Statements are kept per connection (see Writer.statements); a closed one's go with it. */
const preparedBy = new WeakMap<object, Map<string, Statement>>();

type OutboxOp = 'insert' | 'update' | 'delete' | 'restore';
type Stamped = 'hlc' | 'created_at' | 'updated_at';
export type NewRow<T extends DomainTable> = Omit<Insertable<Database[T]>, Stamped> & { created_at?: string };
export type RowPatch<T extends DomainTable> = Omit<Updateable<Database[T]>, Stamped | 'id'>;

/**
 * What the import's bulk inserter (import/bulk-insert.ts) adds to a Writer's transaction: rows it
 * keeps waiting, which go before any other statement; writes of its own at the end; and the rows
 * whose outbox entry is not the Writer's to write, because an import's entry stands for them.
 */
export interface WriterPart {
  /** Write the rows kept waiting. The Writer calls it before each of its statements and at the end. */
  flush(): void;
  /** The transaction's last writes, after every part's final flush. */
  finish(): void;
  /** Whether an inserted row's outbox entry is this part's (and then it takes the row as its own). */
  covers(table: string, row: object): boolean;
}

/**
 * The one way to change domain data (ARCHITECTURE rule 7). Every change stamps the row's
 * updated_at and hybrid logical clock and records the change's keys in `outbox`, inside the
 * caller's SQLite transaction, so a row and its outbox entry are committed or lost together.
 * Queries are built by kysely and run as cached prepared statements: the same SQL serves a single
 * edit and every row of an import (whose batching lives in import/bulk-insert.ts).
 */
export class Writer {
  /** The parts of this transaction, one per key (see part). */
  private readonly parts = new Map<object, WriterPart>();

  constructor(readonly ctx: WriteCtx) {}

  /** The current instant as ISO text. */
  get now(): string {
    return new Date(this.ctx.clock.ms()).toISOString();
  }

  /** This transaction's part under `key`, made on first use: one bulk inserter per Writer, say. */
  part<P extends WriterPart>(key: object, make: () => P): P {
    let part = this.parts.get(key);
    if (!part) {
      part = make();
      this.parts.set(key, part);
    }
    return part as P;
  }

  /** A prepared statement of this connection, compiled once for every Writer on it. */
  statement(sql: string): Statement {
    let stmt = this.statements.get(sql);
    if (!stmt) {
      stmt = this.ctx.sqlite.prepare(sql);
      this.statements.set(sql, stmt);
    }
    return stmt;
  }

  /** The connection's prepared statements, shared by its Writers: one write() each would prepare them all again. */
  private get statements(): Map<string, Statement> {
    let cache = preparedBy.get(this.ctx.sqlite);
    if (!cache) {
      cache = new Map();
      preparedBy.set(this.ctx.sqlite, cache);
    }
    return cache;
  }

  private run(query: Compilable): number {
    this.flush();
    const compiled = query.compile();
    return this.statement(compiled.sql).run(...(compiled.parameters as unknown[])).changes;
  }

  /**
   * An insert's op id is the new row's own id: a row is inserted once, so its id, a UUIDv7 like
   * every other op id, names that change and no other. Later changes of the row get fresh ones.
   * A million-row import thus makes no second id per row.
   */
  private outbox(entity: string, entityId: string, op: OutboxOp, hlc: string, at: string, opId = op === 'insert' ? entityId : newId()): void {
    this.run(this.ctx.db.insertInto('outbox').values({ op_id: opId, entity, entity_id: entityId, op, hlc, created_at: at }));
  }

  /**
   * A derived snapshot of rows that belong to one owner row (a campaign's recipients), written
   * by one INSERT … SELECT and recorded by one outbox entry: op 'insert', entity the table,
   * entity_id the owner's id, standing for every row of the table with that owner, which sync
   * reads in its current state like any row. Its op id is fresh: the owner's insert has the
   * owner's id as its own.
   */
  snapshot(table: 'campaign_recipients', ownerId: string, query: Compilable): number {
    const added = this.run(query);
    this.outbox(table, ownerId, 'insert', this.ctx.hlc.next(), this.now, newId());
    return added;
  }

  insert<T extends DomainTable>(table: T, row: NewRow<T> & { id: string }): void {
    const hlc = this.ctx.hlc.next();
    const at = this.now;
    const full = { created_at: at, ...row, updated_at: at, hlc };
    // kysely cannot narrow a table-name union to one row type; the NewRow<T> signature keeps callers honest.
    this.run(this.ctx.db.insertInto(table).values(full as never)); // see update(): a union of tables has no single row type
    if (!this.covered(table, row)) this.outbox(table, row.id, 'insert', hlc, at);
  }

  /** Whether a part writes this row's outbox entry itself (an import's entry stands for it). */
  private covered(table: string, row: object): boolean {
    for (const part of this.parts.values()) if (part.covers(table, row)) return true;
    return false;
  }

  /** Write the rows the parts keep waiting (an import's batches): code that reads a table through SQL meanwhile calls it first. */
  flush(): void {
    for (const part of this.parts.values()) part.flush();
  }

  /** The transaction's last writes (write() and writeAsync() call it): waiting rows, then the parts' own. */
  finish(): void {
    this.flush();
    for (const part of this.parts.values()) part.finish();
  }

  /** Update one row; NOT_FOUND when it does not exist (message from the caller's translator). */
  update<T extends DomainTable>(table: T, id: string, patch: RowPatch<T>, notFound: string): void {
    const hlc = this.ctx.hlc.next();
    const at = this.now;
    // Every domain table has id/updated_at/hlc; kysely cannot see that through a table-name union,
    // so the builder is typed as one of them. RowPatch<T> keeps the callers' patches honest.
    const query = this.ctx.db
      .updateTable(table as 'customers')
      .set({ ...(patch as object), updated_at: at, hlc })
      .where('id', '=', id);
    if (this.run(query) === 0) throw new AppError('NOT_FOUND', notFound, { id });
    this.outbox(table, id, 'update', hlc, at);
  }

  /** Soft delete (`deleted=true`) or restore; a row already in that state is left alone. */
  setDeleted(
    table: 'customers' | 'products' | 'transactions' | 'users' | 'leads' | 'lead_stages' | 'lead_channels' | 'lead_activities' | 'ad_spend',
    id: string,
    deleted: boolean,
    notFound: string,
  ): boolean {
    const hlc = this.ctx.hlc.next();
    const at = this.now;
    this.flush();
    const exists = this.ctx.db.selectFrom(table).select(['id', 'deleted_at']).where('id', '=', id).compile();
    const row = this.statement(exists.sql).get(...(exists.parameters as unknown[])) as { deleted_at: string | null } | undefined;
    if (!row) throw new AppError('NOT_FOUND', notFound, { id });
    if ((row.deleted_at !== null) === deleted) return false;
    this.run(
      this.ctx.db
        .updateTable(table)
        .set({ deleted_at: deleted ? at : null, updated_at: at, hlc })
        .where('id', '=', id),
    );
    this.outbox(table, id, deleted ? 'delete' : 'restore', hlc, at);
    return true;
  }

  /**
   * Soft delete many rows by id (undoing an import): one compiled UPDATE reused. Rows already
   * deleted are left alone. Returns how many were deleted.
   */
  deleteMany(table: 'customers' | 'products' | 'transactions' | 'leads', ids: Iterable<string>): number {
    this.flush();
    const at = this.now;
    const update = this.statement(
      this.ctx.db.updateTable(table).set({ deleted_at: at, updated_at: at, hlc: '' }).where('id', '=', '').where('deleted_at', 'is', null).compile().sql,
    );
    const outbox = this.statement(
      this.ctx.db.insertInto('outbox').values({ op_id: '', entity: '', entity_id: '', op: 'delete', hlc: '', created_at: '' }).compile().sql,
    );
    let deleted = 0;
    for (const id of ids) {
      const hlc = this.ctx.hlc.next();
      if (update.run(at, at, hlc, id).changes === 0) continue;
      outbox.run(newId(), table, id, 'delete', hlc, at);
      deleted += 1;
    }
    return deleted;
  }

  setSetting(key: string, value: unknown): void {
    const hlc = this.ctx.hlc.next();
    const at = this.now;
    const json = JSON.stringify(value);
    this.run(
      this.ctx.db
        .insertInto('settings')
        .values({ key, value: json, updated_at: at, hlc })
        .onConflict((oc) => oc.column('key').doUpdateSet({ value: json, updated_at: at, hlc })),
    );
    this.outbox('settings', key, 'update', hlc, at);
  }

  /**
   * An order still in progress the owner keeps as pending (migration 0012), or its newer state
   * from a later export. The table is this device's own, not synced: no outbox entry. Written in
   * the import's transaction, so a dry run or a failed import leaves it as it was.
   */
  keepPending(row: Omit<Insertable<Database['pending_orders']>, 'created_at' | 'updated_at'>): void {
    const at = this.now;
    const { channel: _channel, invoice_no: _invoice, ...changed } = row;
    this.run(
      this.ctx.db
        .insertInto('pending_orders')
        .values({ ...row, created_at: at, updated_at: at })
        .onConflict((oc) => oc.columns(['channel', 'invoice_no']).doUpdateSet({ ...changed, updated_at: at })),
    );
  }

  /** A pending order that is one no longer: completed (now a sale) or cancelled. Whether it was kept. */
  dropPending(channel: string, invoiceNo: string): boolean {
    return this.run(this.ctx.db.deleteFrom('pending_orders').where('channel', '=', channel).where('invoice_no', '=', invoiceNo)) > 0;
  }

  /**
   * A change to a table this device keeps for itself (the loyalty ledger, migration 0018): in the
   * caller's transaction, after the rows batched inserters keep waiting, with no outbox entry.
   * How many rows it changed.
   */
  local(query: Compilable | RawBuilder<unknown>): number {
    return this.run('isRawBuilder' in query ? { compile: () => query.compile(this.ctx.db) } : query);
  }

  /** Undoing an import: the pending orders it kept. How many. */
  dropPendingOf(uploadId: string): number {
    return this.run(this.ctx.db.deleteFrom('pending_orders').where('upload_id', '=', uploadId));
  }

  /**
   * The activity log: who did what, for the audit viewer. Never holds passwords or keys. Only a
   * named action (src-shared/audit/actions.ts): each has its sentence on the audit page.
   */
  log(entry: { action: AuditAction; entity?: string; entityId?: string; details?: Record<string, unknown>; userId?: string | null }): void {
    this.run(
      this.ctx.db.insertInto('activity_logs').values({
        id: newId(),
        user_id: entry.userId === undefined ? this.ctx.userId : entry.userId,
        action: entry.action,
        entity: entry.entity ?? null,
        entity_id: entry.entityId ?? null,
        details: entry.details ? JSON.stringify(entry.details) : null,
        created_at: this.now,
      }),
    );
  }
}

/**
 * Run `fn` in one SQLite transaction with a Writer: everything it wrote commits, or nothing does.
 * The transaction takes the write lock when it begins (IMMEDIATE), waiting its turn behind another
 * connection's write: one that read first and wrote later would instead fail at once with
 * "database is locked" whenever a job's connection had committed in between.
 */
export function write<T>(ctx: WriteCtx, fn: (w: Writer) => T): T {
  return ctx.sqlite
    .transaction(() => {
      const w = new Writer(ctx);
      const result = fn(w);
      w.finish();
      return result;
    })
    .immediate();
}

/**
 * The same for work that awaits while writing (an import reading its file as it goes). Only for a
 * connection nothing else uses meanwhile, i.e. a job worker's own: an await inside the
 * transaction would otherwise let another caller's statements into it.
 */
export async function writeAsync<T>(ctx: WriteCtx, fn: (w: Writer) => Promise<T>): Promise<T> {
  ctx.sqlite.exec('BEGIN IMMEDIATE');
  try {
    const w = new Writer(ctx);
    const result = await fn(w);
    w.finish();
    ctx.sqlite.exec('COMMIT');
    return result;
  } catch (error) {
    if (ctx.sqlite.inTransaction) ctx.sqlite.exec('ROLLBACK');
    throw error;
  }
}
