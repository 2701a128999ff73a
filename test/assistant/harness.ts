import { randomBytes } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import { issueEnrolCode } from '../../src-cloud/admin/enrol-codes';
import { createAssistant, type Assistant } from '../../src-cloud/assistant';
import { withAssistant } from '../../src-cloud/assistant/schema';
import { adminApi } from '../../src-cloud/admin/routes';
import type { SyncOp } from '../../src-shared/sync/protocol';
import { adminCall, adminSession } from '../cloud/admin-client';
import { call, startTestCloud, type TestCloud } from '../cloud/cloud-server';
import { FakeModel } from './fake-model';
import { FakeWaha } from './fake-waha';

export const PACKAGES = [
  {
    code: 'UMR_MAR_2025_HEMAT',
    name: 'Paket Umroh Maret 2025 Hemat',
    price: 25_000_000,
    startDate: '2025-03-15',
    endDate: '2025-03-23',
    quotaStatus: 'available' as const,
    features: ['Hotel bintang 3', 'Durasi 9 hari', 'Pesawat langsung'],
    imageUrl: 'https://cdn.example.com/umr-mar-hemat.jpg',
    brochureUrl: 'https://cdn.example.com/umr-mar-hemat.pdf',
  },
  {
    code: 'UMR_APR_2025_PLUS',
    name: 'Paket Umroh April 2025 Plus',
    price: 32_500_000,
    startDate: '2025-04-10',
    endDate: '2025-04-21',
    quotaStatus: 'limited' as const,
    features: ['Hotel bintang 5 dekat Haram', 'Durasi 12 hari', 'City tour Thaif'],
    imageUrl: 'https://cdn.example.com/umr-apr-plus.jpg',
    brochureUrl: 'https://cdn.example.com/umr-apr-plus.pdf',
  },
];

export interface Shop {
  businessId: string;
  hmacKey: string;
  webhook: string;
}

export interface World {
  cloud: TestCloud;
  assistant: Assistant;
  waha: FakeWaha;
  model: FakeModel;
  session: string;
  /** The server key the assistant seals with (SMA_ASSISTANT_KEY). */
  key: Buffer;
  a: Shop;
  b: Shop;
  close(): Promise<void>;
}

/**
 * The real cloud (console API + assistant) with a fake WAHA and a fake model on loopback, two shops
 * set up through the console's routes. The debounce window is short; tests wait on `assistant.idle()`.
 */
export async function startWorld(options: { threshold?: number; debounceMs?: number } = {}): Promise<World> {
  const waha = new FakeWaha('waha-kunci-rahasia');
  const model = new FakeModel();
  await waha.start();
  await model.start();
  const key = randomBytes(32);
  const assistant = createAssistant({ env: { SMA_ASSISTANT_KEY: key.toString('hex') }, debounceMs: options.debounceMs ?? 120, maxWaitMs: 3000 });
  const cloud = await startTestCloud({ plugins: [adminApi, assistant.plugin] });
  const { session } = await adminSession(cloud, 'root', 'super_admin');

  const shop = async (name: string): Promise<Shop> => {
    const created = await adminCall(cloud, 'POST', '/api/admin/businesses', session, { name });
    const businessId = String(created.body.id);
    const hmacKey = `hmac-${randomBytes(12).toString('hex')}`;
    const put = await adminCall(cloud, 'PUT', `/api/admin/businesses/${businessId}/assistant/settings`, session, {
      enabled: true,
      wahaBaseUrl: waha.baseUrl,
      wahaSession: 'default',
      wahaApiKey: waha.apiKey,
      webhookHmacKey: hmacKey,
      modelBaseUrl: model.baseUrl,
      modelName: 'gpt-4o-mini',
      modelApiKey: 'sk-model-rahasia',
      confidenceThreshold: options.threshold ?? 0.6,
      monthlyTokenLimit: null,
    });
    if (put.status !== 200) throw new Error(`settings: ${put.status} ${JSON.stringify(put.body)}`);
    await pushCatalogue(cloud, businessId, PACKAGES);
    return { businessId, hmacKey, webhook: `${cloud.url}/api/assistant/waha/${businessId}` };
  };
  const a = await shop('Travel Amanah');
  const b = await shop('Travel Barokah');
  return {
    cloud,
    assistant,
    waha,
    model,
    session,
    key,
    a,
    b,
    async close() {
      await cloud.close();
      await waha.stop();
      await model.stop();
    },
  };
}

/**
 * The catalogue as a laptop sends it: products with their package fields, offered to the assistant,
 * pushed by a device enrolled through the real enrol route and the real push route.
 */
export async function pushCatalogue(cloud: TestCloud, businessId: string, packages: readonly (typeof PACKAGES)[number][]): Promise<void> {
  const { code } = await issueEnrolCode(cloud.db, businessId, null, cloud.clock.now);
  const enrolled = await call(cloud, 'POST', '/api/sync/enrol', null, { code, deviceName: 'Laptop kasir', appVersion: '0.1.0' });
  if (enrolled.status !== 200) throw new Error(`enrol: ${enrolled.status} ${JSON.stringify(enrolled.body)}`);
  const at = cloud.clock.now.toISOString();
  const ops: SyncOp[] = packages.map((p, i) => {
    const id = uuidv7();
    const row = {
      id,
      code: `PKG-${i + 1}`,
      name: p.name,
      category: 'Umroh',
      price: p.price,
      active: true,
      campaign_code: p.code,
      start_date: p.startDate,
      end_date: p.endDate,
      quota_status: p.quotaStatus,
      features: p.features,
      image_url: p.imageUrl,
      brochure_url: p.brochureUrl,
      assistant_offered: true,
      created_at: at,
      updated_at: at,
      deleted_at: null,
    };
    return {
      seq: i + 1,
      key: '',
      entity: 'products',
      id,
      op: 'upsert',
      hlc: `${String(cloud.clock.now.getTime()).padStart(16, '0')}:${i.toString(36).padStart(4, '0')}:aaaa0001`,
      row,
    };
  });
  const pushed = await call(cloud, 'POST', '/api/sync/push', String(enrolled.body.token), { after: { seq: 0, key: '' }, ops, pending: 0, appVersion: '0.1.0' });
  if (pushed.status !== 200 || (pushed.body.rejected as unknown[]).length > 0) throw new Error(`push: ${pushed.status} ${JSON.stringify(pushed.body)}`);
}

/** A customer writes; resolves once the webhook answered and every reply it caused was sent. */
export async function say(world: World, shop: Shop, phone: string, body: string, id?: string) {
  const res = await world.waha.deliver(shop.webhook, shop.hmacKey, { from: `${phone}@c.us`, body, id });
  await world.assistant.idle();
  return res;
}

export async function conversationOf(world: World, shop: Shop, phone: string) {
  return withAssistant(world.cloud.db, shop.businessId, (tx) =>
    tx.selectFrom('assistant_conversations').selectAll().where('business_id', '=', shop.businessId).where('phone', '=', `+${phone}`).executeTakeFirst(),
  );
}

export async function handoversOf(world: World, shop: Shop) {
  return withAssistant(world.cloud.db, shop.businessId, (tx) =>
    tx.selectFrom('assistant_handovers').selectAll().where('business_id', '=', shop.businessId).orderBy('version').execute(),
  );
}

export async function messagesOf(world: World, shop: Shop, conversationId: string) {
  return withAssistant(world.cloud.db, shop.businessId, (tx) =>
    tx.selectFrom('assistant_messages').selectAll().where('conversation_id', '=', conversationId).orderBy('id').execute(),
  );
}
