import { randomBytes } from 'node:crypto';
import { expect } from 'vitest';
import { adminApi } from '../src-cloud/admin/routes';
import { createAssistant, type Assistant } from '../src-cloud/assistant';
import { adminCall, adminSession } from '../test/cloud/admin-client';
import type { CloudOptions } from '../src-cloud/server/app';
import { startTestCloud, type TestCloud } from '../test/cloud/cloud-server';
import { FakeModel } from '../test/assistant/fake-model';
import { FakeWaha } from '../test/assistant/fake-waha';
import { PACKAGES, pushCatalogue } from '../test/assistant/harness';

/** A cloud running one shop's WhatsApp assistant against a fake WAHA and a fake model. */
export interface AssistantCloud {
  cloud: TestCloud;
  assistant: Assistant;
  waha: FakeWaha;
  model: FakeModel;
  businessId: string;
  hmacKey: string;
}

/**
 * The assistant e2e tests' cloud: the shop "Travel Amanah" with its assistant on (WAHA with a signed
 * webhook, the fake model) and the package the ad's campaign code resolves to, as the shop's
 * products are synced. On the real clock: the laptop stamps its changes with it. `plugins` come
 * after the admin API and the assistant (the console's static files, say).
 */
export async function startAssistantCloud(plugins: CloudOptions['plugins'] = []): Promise<AssistantCloud> {
  const waha = new FakeWaha('waha-kunci-rahasia');
  const model = new FakeModel();
  await waha.start();
  await model.start();
  const assistant = createAssistant({ env: { SMA_ASSISTANT_KEY: randomBytes(32).toString('hex') }, debounceMs: 120, maxWaitMs: 3000 });
  const cloud = await startTestCloud({ plugins: [adminApi, assistant.plugin, ...(plugins ?? [])] });
  Object.defineProperty(cloud.clock, 'now', { get: () => new Date() });
  const { session: admin } = await adminSession(cloud, 'root', 'super_admin');
  const businessId = String((await adminCall(cloud, 'POST', '/api/admin/businesses', admin, { name: 'Travel Amanah', city: 'Solo' })).body.id);
  const hmacKey = `hmac-${randomBytes(12).toString('hex')}`;
  const put = await adminCall(cloud, 'PUT', `/api/admin/businesses/${businessId}/assistant/settings`, admin, {
    enabled: true,
    wahaBaseUrl: waha.baseUrl,
    wahaSession: 'default',
    wahaApiKey: waha.apiKey,
    webhookHmacKey: hmacKey,
    modelBaseUrl: model.baseUrl,
    modelName: 'gpt-4o-mini',
    modelApiKey: 'sk-model-rahasia',
    confidenceThreshold: 0.6,
    monthlyTokenLimit: null,
  });
  expect(put.status).toBe(200);
  await pushCatalogue(cloud, businessId, [PACKAGES[0]]);
  return { cloud, assistant, waha, model, businessId, hmacKey };
}

/** A customer writes on WhatsApp through the signed webhook; resolves once every reply went out. */
export async function say(world: AssistantCloud, phone: string, body: string): Promise<void> {
  const res = await world.waha.deliver(`${world.cloud.url}/api/assistant/waha/${world.businessId}`, world.hmacKey, { from: `${phone}@c.us`, body });
  expect(res.status).toBe(200);
  await world.assistant.idle();
}

export async function stopAssistantCloud(world: AssistantCloud | undefined): Promise<void> {
  await world?.cloud.close();
  await world?.waha.stop();
  await world?.model.stop();
}
