import { randomBytes } from 'node:crypto';
import { createAssistant, type Assistant } from '../../src-cloud/assistant';
import { withAssistant } from '../../src-cloud/assistant/schema';
import { adminApi } from '../../src-cloud/admin/routes';
import { adminCall, adminSession } from '../cloud/admin-client';
import { startTestCloud, type TestCloud } from '../cloud/cloud-server';
import { FakeModel } from './fake-model';
import { FakeWaha } from './fake-waha';

export const PACKAGES = [
  {
    code: 'UMR_MAR_2025_HEMAT', name: 'Paket Umroh Maret 2025 Hemat', price: 25_000_000, startDate: '2025-03-15', endDate: '2025-03-23', quotaStatus: 'available' as const,
    features: ['Hotel bintang 3', 'Durasi 9 hari', 'Pesawat langsung'], imageUrl: 'https://cdn.example.com/umr-mar-hemat.jpg', brochureUrl: 'https://cdn.example.com/umr-mar-hemat.pdf',
  },
  {
    code: 'UMR_APR_2025_PLUS', name: 'Paket Umroh April 2025 Plus', price: 32_500_000, startDate: '2025-04-10', endDate: '2025-04-21', quotaStatus: 'limited' as const,
    features: ['Hotel bintang 5 dekat Haram', 'Durasi 12 hari', 'City tour Thaif'], imageUrl: 'https://cdn.example.com/umr-apr-plus.jpg', brochureUrl: 'https://cdn.example.com/umr-apr-plus.pdf',
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
      enabled: true, wahaBaseUrl: waha.baseUrl, wahaSession: 'default', wahaApiKey: waha.apiKey, webhookHmacKey: hmacKey,
      modelBaseUrl: model.baseUrl, modelName: 'gpt-4o-mini', modelApiKey: 'sk-model-rahasia', confidenceThreshold: options.threshold ?? 0.6, monthlyTokenLimit: null,
    });
    if (put.status !== 200) throw new Error(`settings: ${put.status} ${JSON.stringify(put.body)}`);
    const cat = await adminCall(cloud, 'PUT', `/api/admin/businesses/${businessId}/assistant/catalogue`, session, { packages: PACKAGES });
    if (cat.status !== 200) throw new Error(`catalogue: ${cat.status} ${JSON.stringify(cat.body)}`);
    return { businessId, hmacKey, webhook: `${cloud.url}/api/assistant/waha/${businessId}` };
  };
  const a = await shop('Travel Amanah');
  const b = await shop('Travel Barokah');
  return {
    cloud, assistant, waha, model, session, key, a, b,
    async close() {
      await cloud.close();
      await waha.stop();
      await model.stop();
    },
  };
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
  return withAssistant(world.cloud.db, shop.businessId, (tx) => tx.selectFrom('assistant_handovers').selectAll().where('business_id', '=', shop.businessId).orderBy('version').execute());
}

export async function messagesOf(world: World, shop: Shop, conversationId: string) {
  return withAssistant(world.cloud.db, shop.businessId, (tx) => tx.selectFrom('assistant_messages').selectAll().where('conversation_id', '=', conversationId).orderBy('id').execute());
}
