import { v7 as uuidv7 } from 'uuid';
import type { SyncOp } from '../../src-shared/sync/protocol';
import { call, type TestCloud } from './cloud-server';

const stamp = (ms: number, counter = 0) => `${String(ms).padStart(16, '0')}:${counter.toString(36).padStart(4, '0')}:aaaa0001`;
const AT = '2026-11-30T01:00:00.000Z';

/**
 * A shop's rows pushed through the real push route: 2 customers, 3 sales (2 in December 2026, 1 in
 * November), an RFM run, two AI calls and one invalid op (rejected). Figures the tests compare to.
 */
export async function pushSmallShop(cloud: TestCloud, token: string) {
  const ani = uuidv7();
  const budi = uuidv7();
  const customer = (id: string, name: string) => ({
    id,
    code: `C-${name}`,
    name,
    phone: null,
    email: null,
    address: null,
    city: 'Solo',
    tags: [],
    notes: null,
    source: null,
    channel_identity: null,
    created_at: AT,
    updated_at: AT,
    deleted_at: null,
  });
  const sale = (customerId: string, date: string, amount: number) => ({
    id: uuidv7(),
    customer_id: customerId,
    transaction_date: date,
    amount,
    items: [],
    channel: null,
    campaign_code: null,
    invoice_no: null,
    notes: null,
    created_at: AT,
    updated_at: AT,
    deleted_at: null,
  });
  const rows: [SyncOp['entity'], Record<string, unknown>][] = [
    ['customers', customer(ani, 'Ani')],
    ['customers', customer(budi, 'Budi')],
    ['transactions', sale(ani, '2026-12-01', 150_000)],
    ['transactions', sale(budi, '2026-12-01', 50_000)],
    ['transactions', sale(ani, '2026-11-15', 300_000)],
    [
      'rfm_runs',
      {
        id: uuidv7(),
        analysis_date: '2026-12-01',
        method: 'fixed',
        customers: 2,
        segments: [
          { segment: 'champions', customers: 1, revenue: 450_000 },
          { segment: 'new_customers', customers: 1, revenue: 50_000 },
        ],
        created_at: AT,
        updated_at: AT,
      },
    ],
    [
      'api_usage_logs',
      {
        id: uuidv7(),
        provider: 'openai',
        model: 'gpt-4o-mini',
        prompt_tokens: 100,
        completion_tokens: 50,
        cost: 120.5,
        status: 'ok',
        created_at: '2026-12-01T02:00:00.000Z',
      },
    ],
    [
      'api_usage_logs',
      {
        id: uuidv7(),
        provider: 'openai',
        model: 'gpt-4o-mini',
        prompt_tokens: 10,
        completion_tokens: 5,
        cost: 20,
        status: 'ok',
        created_at: '2026-11-20T02:00:00.000Z',
      },
    ],
    ['customers', { ...customer(uuidv7(), 'Rusak'), tags: 'bukan daftar' }],
  ];
  const ops: SyncOp[] = rows.map(([entity, row], i) => ({ seq: i + 1, key: '', entity, id: String(row.id), op: 'upsert', hlc: stamp(Date.parse(AT), i), row }));
  const res = await call(cloud, 'POST', '/api/sync/push', token, { after: { seq: 0, key: '' }, ops, pending: 4, appVersion: '0.1.0' });
  if (res.status !== 200) throw new Error(`push failed: ${res.status} ${JSON.stringify(res.body)}`);
  return { ani, budi, res };
}
