import { v7 as uuidv7 } from 'uuid';
import type { SyncOp } from '../../src-shared/sync/protocol';
import { call, type TestCloud } from './cloud-server';

/** Builds the ops a laptop would push, one seq each, stamped at the cloud's clock. */
export class ShopOutbox {
  seq = 0;
  ops: SyncOp[] = [];
  private sent = 0;
  constructor(private readonly cloud: TestCloud) {}

  private add(entity: SyncOp['entity'], id: string, row: Record<string, unknown> | null): string {
    this.seq += 1;
    const hlc = `${String(this.cloud.clock.now.getTime()).padStart(16, '0')}:${this.seq.toString(36).padStart(4, '0')}:aaaa0001`;
    this.ops.push({ seq: this.seq, key: '', entity, id, op: row ? 'upsert' : 'delete', hlc, row });
    return id;
  }

  customer(name: string, extra: Record<string, unknown> = {}): string {
    const id = uuidv7();
    return this.add('customers', id, {
      id,
      code: `C-${id.slice(-6)}`,
      name,
      phone: null,
      email: null,
      address: null,
      city: 'Solo',
      tags: [],
      notes: null,
      source: null,
      channel_identity: null,
      created_at: '2026-10-01T01:00:00.000Z',
      updated_at: '2026-10-01T01:00:00.000Z',
      deleted_at: null,
      ...extra,
    });
  }

  transaction(customerId: string, date: string, amount: number, extra: Record<string, unknown> = {}): string {
    const id = uuidv7();
    return this.add('transactions', id, {
      id,
      customer_id: customerId,
      transaction_date: date,
      amount,
      items: [],
      channel: null,
      campaign_code: null,
      invoice_no: null,
      notes: null,
      created_at: `${date}T03:00:00.000Z`,
      updated_at: `${date}T03:00:00.000Z`,
      deleted_at: null,
      ...extra,
    });
  }

  rfmRun(analysisDate: string, segments: { segment: string; customers: number; revenue: number }[]): string {
    const id = uuidv7();
    return this.add('rfm_runs', id, {
      id,
      analysis_date: analysisDate,
      method: 'fixed',
      customers: segments.reduce((s, x) => s + x.customers, 0),
      segments,
      created_at: `${analysisDate}T05:00:00.000Z`,
      updated_at: `${analysisDate}T05:00:00.000Z`,
    });
  }

  remove(entity: SyncOp['entity'], id: string): void {
    this.add(entity, id, null);
  }

  /** Pushes everything not yet sent, through the real API. */
  async push(token: string, pending = 0): Promise<void> {
    const batch = this.ops.filter((op) => op.seq > this.sent);
    const res = await call(this.cloud, 'POST', '/api/sync/push', token, { after: { seq: this.sent, key: '' }, ops: batch, pending, appVersion: '0.1.0' });
    if (res.status !== 200 || (res.body.rejected as unknown[]).length > 0) throw new Error(`push failed: ${res.status} ${JSON.stringify(res.body)}`);
    this.sent = this.seq;
  }
}
