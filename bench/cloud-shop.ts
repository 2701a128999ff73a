import http from 'node:http';
import { v7 as uuidv7 } from 'uuid';
import type { PushResponse, SyncOp, SyncPosition } from '../src-shared/sync/protocol';

/**
 * A simulated shop laptop for the cloud bench: its own loopback address (as shops behind their own
 * connections are, so the per-address flood guard counts each apart), one keep-alive connection,
 * requests one after another, and the ops the real app would push.
 */
export class BenchShop {
  readonly agent: http.Agent;
  token = '';
  deviceId = '';
  businessId = '';
  position: SyncPosition = { seq: 0, key: '' };
  private seq = 0;
  private customerIds: string[] = [];
  sent = { customers: 0, transactions: 0 };

  constructor(
    readonly localAddress: string,
    readonly node: string,
  ) {
    this.agent = new http.Agent({ keepAlive: true, maxSockets: 1, localAddress });
  }

  private stamp(): string {
    return `${String(Date.now()).padStart(16, '0')}:${(this.seq % 1_679_616).toString(36).padStart(4, '0')}:${this.node}`;
  }

  /** `customers` new customers, then `transactions` sales spread over them, one seq each. */
  ops(customers: number, transactions: number): SyncOp[] {
    const ops: SyncOp[] = [];
    for (let i = 0; i < customers; i++) {
      const id = uuidv7();
      this.customerIds.push(id);
      this.seq += 1;
      ops.push({ seq: this.seq, key: '', entity: 'customers', id, op: 'upsert', hlc: this.stamp(), row: customerRow(id, this.seq) });
    }
    for (let i = 0; i < transactions; i++) {
      const id = uuidv7();
      this.seq += 1;
      const customer = this.customerIds.length > 0 ? this.customerIds[this.seq % this.customerIds.length] : uuidv7();
      ops.push({ seq: this.seq, key: '', entity: 'transactions', id, op: 'upsert', hlc: this.stamp(), row: transactionRow(id, customer, this.seq) });
    }
    this.sent.customers += customers;
    this.sent.transactions += transactions;
    return ops;
  }

  /** One push through the real API; the position moves on only when the cloud acknowledged it. */
  async push(base: string, ops: SyncOp[]): Promise<{ status: number; ms: number; body: PushResponse | { error: string; message: string } }> {
    const started = performance.now();
    const res = await post(this.agent, `${base}/api/sync/push`, this.token, { after: this.position, ops, pending: 0, appVersion: 'bench' });
    const ms = performance.now() - started;
    if (res.status === 200) this.position = (res.body as PushResponse).ackedThrough;
    return { status: res.status, ms, body: res.body as PushResponse };
  }

  close(): void {
    this.agent.destroy();
  }
}

export function customerRow(id: string, n: number): Record<string, unknown> {
  return {
    id,
    code: `C-${n}`,
    name: `Pelanggan ${n}`,
    phone: `+62812${String(n).padStart(8, '0')}`,
    email: null,
    address: 'Jl. Slamet Riyadi No. 1',
    city: 'Solo',
    tags: ['bench'],
    notes: null,
    source: 'import',
    channel_identity: null,
    created_at: '2026-11-01T01:00:00.000Z',
    updated_at: '2026-11-01T01:00:00.000Z',
    deleted_at: null,
  };
}

export function transactionRow(id: string, customerId: string, n: number): Record<string, unknown> {
  const day = `2026-${String(1 + (n % 11)).padStart(2, '0')}-${String(1 + (n % 28)).padStart(2, '0')}`;
  return {
    id,
    customer_id: customerId,
    transaction_date: day,
    amount: 25_000 + (n % 40) * 5_000,
    items: [{ product_id: null, name: 'Batik tulis', qty: 1, price: 25_000 + (n % 40) * 5_000 }],
    channel: 'offline',
    campaign_code: null,
    invoice_no: `INV-${n}`,
    notes: null,
    created_at: `${day}T03:00:00.000Z`,
    updated_at: `${day}T03:00:00.000Z`,
    deleted_at: null,
  };
}

/** A JSON POST over the shop's own connection. */
export function post(agent: http.Agent, url: string, token: string | null, body: unknown): Promise<{ status: number; body: Record<string, unknown> }> {
  const payload = Buffer.from(JSON.stringify(body));
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      {
        method: 'POST',
        agent,
        headers: { 'content-type': 'application/json', 'content-length': payload.length, ...(token ? { authorization: `Bearer ${token}` } : {}) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          try {
            resolve({ status: res.statusCode ?? 0, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} });
          } catch {
            resolve({ status: res.statusCode ?? 0, body: { error: 'NOT_JSON', message: text.slice(0, 200) } });
          }
        });
        res.on('error', reject);
      },
    );
    // Bounded: a request that hangs counts as an error instead of holding the bench.
    req.setTimeout(60_000, () => req.destroy(new Error('no answer in 60 s')));
    req.on('error', reject);
    req.end(payload);
  });
}
