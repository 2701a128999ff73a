import { sql } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withAssistant } from '../../src-cloud/assistant/schema';
import { withAllBusinesses, withBusiness } from '../../src-cloud/db/scope';
import type { Access } from '../../src-cloud/server/access';
import { cloudPlugins } from '../../src-cloud/server/plugins';
import { adminCall, adminSession } from './admin-client';
import { pushSmallShop } from './admin-shop';
import { call, enrolledShop, startTestCloud, type TestCloud } from './cloud-server';

/**
 * Every route the server has, walked from buildCloud's route list: a route added without a line in
 * EXPECTED fails the first test. Each line says the route's access and, where the route names a
 * business or device (path, body or query), the call that must answer 404 with another shop's or an
 * unknown id, writing nothing.
 */
interface Ids {
  a: { businessId: string; deviceId: string; token: string };
  b: { businessId: string; deviceId: string; token: string };
  unknown: string;
}
interface Probe {
  path: string;
  body?: unknown;
}
interface Expected {
  access: Access;
  /** A well-formed call (support must get 403 on writes before anything is parsed). */
  call: (ids: Ids) => Probe;
  /** The same route aimed at ids this caller must not reach: 404, nothing written. */
  foreign?: (ids: Ids) => Probe;
}

const rfm = {
  edges: { recencyDays: [30, 60, 90, 180], frequency: [1, 2, 5, 10], monetary: [100_000, 500_000, 1_000_000, 5_000_000] },
  segmentCells: {
    champions: ['5-4', '5-5'],
    loyal: ['3-4', '3-5', '4-4', '4-5'],
    potential_loyalist: ['4-2', '4-3', '5-2', '5-3'],
    new_customers: ['5-1'],
    promising: ['4-1'],
    need_attention: ['3-3'],
    about_to_sleep: ['3-1', '3-2'],
    at_risk: ['1-3', '1-4', '2-3', '2-4'],
    cant_lose_them: ['1-5', '2-5'],
    hibernating: ['2-1', '2-2'],
    lost: ['1-1', '1-2'],
  },
};
const assistantSettings = {
  enabled: false,
  wahaBaseUrl: 'http://127.0.0.1:3000',
  wahaSession: 'default',
  wahaApiKey: null,
  webhookHmacKey: 'kunci-webhook-rahasia-123',
  modelBaseUrl: 'http://127.0.0.1:11434/v1',
  modelName: 'model',
  modelApiKey: null,
  confidenceThreshold: 0.6,
  monthlyTokenLimit: null,
};
const assistantPrompt = { basePrompt: 'Kamu asisten toko.', businessProfile: '', rules: '', escalationCriteria: '', faq: [] };
/** A conversation of shop A's assistant, made in beforeAll, for the console's read of one. */
const conversationOfA = uuidv7();
const biz =
  (suffix = '') =>
  (ids: Ids) => ({ path: `/api/admin/businesses/${ids.a.businessId}${suffix}` });
const unknownBiz =
  (suffix = '', body?: unknown) =>
  (ids: Ids) => ({ path: `/api/admin/businesses/${ids.unknown}${suffix}`, body });

const EXPECTED: Record<string, Expected> = {
  'GET /api/health': { access: 'public', call: () => ({ path: '/api/health' }) },
  'POST /api/sync/enrol': { access: 'public', call: () => ({ path: '/api/sync/enrol', body: { code: 'AAAAA-AAAAA', deviceName: 'x', appVersion: '0.1.0' } }) },
  // The device routes take business and device from the token only: no id in path, body or query.
  'POST /api/sync/push': {
    access: 'device',
    call: () => ({ path: '/api/sync/push', body: { after: { seq: 0, key: '' }, ops: [], pending: 0, appVersion: '0.1.0' } }),
  },
  'GET /api/sync/pull': { access: 'device', call: () => ({ path: '/api/sync/pull' }) },
  'GET /api/sync/snapshot': { access: 'device', call: () => ({ path: '/api/sync/snapshot?entity=customers' }) },
  'POST /api/admin/login': { access: 'public', call: () => ({ path: '/api/admin/login', body: { username: 'x', password: 'y' } }) },
  'POST /api/admin/logout': { access: 'admin-read', call: () => ({ path: '/api/admin/logout', body: {} }) },
  'GET /api/admin/me': { access: 'admin-read', call: () => ({ path: '/api/admin/me' }) },
  'POST /api/admin/me/password': {
    access: 'admin-read',
    call: () => ({ path: '/api/admin/me/password', body: { currentPassword: 'x', newPassword: 'yyyyyyyyyyyy' } }),
  },
  'POST /api/admin/me/totp': { access: 'admin-read', call: () => ({ path: '/api/admin/me/totp', body: {} }) },
  'POST /api/admin/me/totp/confirm': { access: 'admin-read', call: () => ({ path: '/api/admin/me/totp/confirm', body: { code: '123456' } }) },
  'GET /api/admin/admins': { access: 'admin-read', call: () => ({ path: '/api/admin/admins' }) },
  'POST /api/admin/admins': {
    access: 'admin-write',
    call: () => ({ path: '/api/admin/admins', body: { username: 'baru', name: 'Baru', password: 'sandi-panjang-1', role: 'super_admin' } }),
  },
  'GET /api/admin/businesses': { access: 'admin-read', call: () => ({ path: '/api/admin/businesses' }) },
  'POST /api/admin/businesses': { access: 'admin-write', call: () => ({ path: '/api/admin/businesses', body: { name: 'Toko Baru' } }) },
  'GET /api/admin/businesses/:id': { access: 'admin-read', call: biz(), foreign: unknownBiz() },
  'PATCH /api/admin/businesses/:id': {
    access: 'admin-write',
    call: (ids) => ({ ...biz()(ids), body: { city: 'Bogor' } }),
    foreign: unknownBiz('', { city: 'Bogor' }),
  },
  'POST /api/admin/businesses/:id/suspend': {
    access: 'admin-write',
    call: (ids) => ({ ...biz('/suspend')(ids), body: {} }),
    foreign: unknownBiz('/suspend', {}),
  },
  'POST /api/admin/businesses/:id/resume': { access: 'admin-write', call: (ids) => ({ ...biz('/resume')(ids), body: {} }), foreign: unknownBiz('/resume', {}) },
  'GET /api/admin/businesses/:id/sync-log': { access: 'admin-read', call: biz('/sync-log'), foreign: unknownBiz('/sync-log') },
  'POST /api/admin/businesses/:id/enrol-codes': {
    access: 'admin-write',
    call: (ids) => ({ ...biz('/enrol-codes')(ids), body: {} }),
    foreign: unknownBiz('/enrol-codes', {}),
  },
  'GET /api/admin/businesses/:id/enrol-codes': { access: 'admin-read', call: biz('/enrol-codes'), foreign: unknownBiz('/enrol-codes') },
  'GET /api/admin/businesses/:id/devices': { access: 'admin-read', call: biz('/devices'), foreign: unknownBiz('/devices') },
  'POST /api/admin/businesses/:id/devices/:deviceId/revoke': {
    access: 'admin-write',
    call: (ids) => ({ path: `/api/admin/businesses/${ids.a.businessId}/devices/${ids.a.deviceId}/revoke`, body: {} }),
    // Business A's path with business B's device: the pair must match.
    foreign: (ids) => ({ path: `/api/admin/businesses/${ids.a.businessId}/devices/${ids.b.deviceId}/revoke`, body: {} }),
  },
  'GET /api/admin/businesses/:id/catalogue': { access: 'admin-read', call: biz('/catalogue'), foreign: unknownBiz('/catalogue') },
  'PUT /api/admin/businesses/:id/ai-quota': {
    access: 'admin-write',
    call: (ids) => ({ ...biz('/ai-quota')(ids), body: { monthlyQuota: 5 } }),
    foreign: unknownBiz('/ai-quota', { monthlyQuota: 5 }),
  },
  'GET /api/admin/settings': { access: 'admin-read', call: () => ({ path: '/api/admin/settings' }) },
  'PUT /api/admin/settings/rfm': { access: 'admin-write', call: () => ({ path: '/api/admin/settings/rfm', body: rfm }) },
  'GET /api/admin/announcements': { access: 'admin-read', call: () => ({ path: '/api/admin/announcements' }) },
  'POST /api/admin/announcements': {
    access: 'admin-write',
    call: (ids) => ({ path: '/api/admin/announcements', body: { businessId: ids.a.businessId, title: 'Hai', body: 'Halo' } }),
    foreign: (ids) => ({ path: '/api/admin/announcements', body: { businessId: ids.unknown, title: 'Hai', body: 'Halo' } }),
  },
  'GET /api/admin/audit': {
    access: 'admin-read',
    call: () => ({ path: '/api/admin/audit' }),
    foreign: (ids) => ({ path: `/api/admin/audit?businessId=${ids.unknown}` }),
  },
  // The console's pages: public files, no data; /api paths under it are 404.
  'POST /api/assistant/waha/:businessId': {
    access: 'public',
    call: (ids) => ({ path: `/api/assistant/waha/${ids.a.businessId}`, body: {} }),
    foreign: (ids) => ({ path: `/api/assistant/waha/${ids.unknown}`, body: {} }),
  },
  // Meta's callback: the GET handshake answers only the shop's verify token, the POST only its app secret's signature.
  'GET /api/assistant/cloud-api/:businessId': {
    access: 'public',
    call: (ids) => ({ path: `/api/assistant/cloud-api/${ids.a.businessId}` }),
    foreign: (ids) => ({ path: `/api/assistant/cloud-api/${ids.unknown}?hub.mode=subscribe&hub.challenge=1&hub.verify_token=x` }),
  },
  'POST /api/assistant/cloud-api/:businessId': {
    access: 'public',
    call: (ids) => ({ path: `/api/assistant/cloud-api/${ids.a.businessId}`, body: {} }),
    foreign: (ids) => ({ path: `/api/assistant/cloud-api/${ids.unknown}`, body: {} }),
  },
  'PUT /api/admin/businesses/:id/assistant/settings': {
    access: 'admin-write',
    call: (ids) => ({ ...biz('/assistant/settings')(ids), body: assistantSettings }),
    foreign: unknownBiz('/assistant/settings', assistantSettings),
  },
  'POST /api/admin/businesses/:id/assistant/prompts': {
    access: 'admin-write',
    call: (ids) => ({ ...biz('/assistant/prompts')(ids), body: assistantPrompt }),
    foreign: unknownBiz('/assistant/prompts', assistantPrompt),
  },
  // The console's assistant pages: reads, each shop's through its own scope.
  'GET /api/admin/assistant/overview': { access: 'admin-read', call: () => ({ path: '/api/admin/assistant/overview' }) },
  'GET /api/admin/businesses/:id/assistant/settings': { access: 'admin-read', call: biz('/assistant/settings'), foreign: unknownBiz('/assistant/settings') },
  'GET /api/admin/businesses/:id/assistant/conversations': {
    access: 'admin-read',
    call: biz('/assistant/conversations'),
    foreign: unknownBiz('/assistant/conversations'),
  },
  'GET /api/admin/businesses/:id/assistant/conversations/:conversationId': {
    access: 'admin-read',
    call: (ids) => biz(`/assistant/conversations/${conversationOfA}`)(ids),
    // Shop A's conversation asked for through shop B's path.
    foreign: (ids) => ({ path: `/api/admin/businesses/${ids.b.businessId}/assistant/conversations/${conversationOfA}` }),
  },
  'GET /api/admin/businesses/:id/assistant/handovers': { access: 'admin-read', call: biz('/assistant/handovers'), foreign: unknownBiz('/assistant/handovers') },
  'GET /api/admin/businesses/:id/assistant/analytics': { access: 'admin-read', call: biz('/assistant/analytics'), foreign: unknownBiz('/assistant/analytics') },
  'GET /api/admin/businesses/:id/assistant/prompts': { access: 'admin-read', call: biz('/assistant/prompts'), foreign: unknownBiz('/assistant/prompts') },
  'POST /api/admin/businesses/:id/assistant/conversations/:conversationId/handback': {
    access: 'admin-write',
    call: (ids) => ({ ...biz(`/assistant/conversations/${ids.unknown}/handback`)(ids), body: {} }),
    foreign: unknownBiz(`/assistant/conversations/${uuidv7()}/handback`, {}),
  },
  // The shop owner's view on the laptop: the business is the token's; B's token asking for A's conversation gets 404.
  'GET /api/assistant/device/conversations': { access: 'device', call: () => ({ path: '/api/assistant/device/conversations' }) },
  'GET /api/assistant/device/conversations/:conversationId': {
    access: 'device',
    call: () => ({ path: `/api/assistant/device/conversations/${conversationOfA}` }),
    foreign: () => ({ path: `/api/assistant/device/conversations/${conversationOfA}` }),
  },
  'GET /api/assistant/device/analytics': { access: 'device', call: () => ({ path: '/api/assistant/device/analytics?from=2026-01-01&to=2026-12-31' }) },
  'GET /*': { access: 'public', call: () => ({ path: '/businesses' }) },
};

let cloud: TestCloud;
let ids: Ids;
let root: { session: string };
let support: { session: string };
beforeAll(async () => {
  // With the assistant's key, so its routes are walked too.
  cloud = await startTestCloud({ plugins: cloudPlugins({ SMA_ASSISTANT_KEY: 'ab'.repeat(32) }) });
  root = await adminSession(cloud, 'root', 'super_admin');
  support = await adminSession(cloud, 'cs', 'support');
  const a = await enrolledShop(cloud, 'Toko A');
  const b = await enrolledShop(cloud, 'Toko B');
  await pushSmallShop(cloud, a.token);
  await pushSmallShop(cloud, b.token);
  ids = { a, b, unknown: uuidv7() };
  await withAllBusinesses(cloud.db, (tx) =>
    sql`INSERT INTO assistant_conversations (id, business_id, phone, chat_id) VALUES (${conversationOfA}, ${a.businessId}, '+6281277770001', '6281277770001@c.us')`.execute(
      tx,
    ),
  );
});
afterAll(async () => cloud.close());

const key = (r: { method: string; url: string }) => `${r.method} ${r.url}`;
const routes = () => cloud.routes.filter((r) => r.method !== 'OPTIONS');

/** Rows per table, every business's included: what a refused call must leave as it was. */
async function rowCounts(): Promise<Record<string, number>> {
  const tables = await sql<{
    table_name: string;
  }>`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1`.execute(cloud.db);
  return withAllBusinesses(cloud.db, async (tx) => {
    const counts: Record<string, number> = {};
    for (const { table_name } of tables.rows) {
      const row = await sql<{ n: number }>`SELECT count(*) AS n FROM ${sql.table(table_name)}`.execute(tx);
      counts[table_name] = Number(row.rows[0].n);
    }
    return counts;
  });
}
/** What a refused write must not have changed either: the rows it would have touched. */
const stateOf = async () =>
  withAllBusinesses(cloud.db, async (tx) => ({
    counts: await rowCounts(),
    businesses: await tx.selectFrom('businesses').select(['id', 'name', 'city', 'status', 'ai_monthly_quota']).orderBy('id').execute(),
    devices: await tx.selectFrom('devices').select(['id', 'revoked_at']).orderBy('id').execute(),
    admins: await tx.selectFrom('admins').select(['id', 'password_hash', 'totp_secret', 'totp_enabled']).orderBy('id').execute(),
  }));

describe('authorization, for every route the server has', () => {
  it('has a line in the table for every route and a route for every line', () => {
    const actual = routes().map(key).sort();
    const required = Object.keys(EXPECTED);
    for (const k of actual) expect(EXPECTED[k], `route ${k} has no line in EXPECTED: add one`).toBeDefined();
    for (const k of required) expect(actual, `EXPECTED lists ${k}, which the server does not have`).toContain(k);
    for (const r of routes()) expect(`${key(r)} ${r.access}`).toBe(`${key(r)} ${EXPECTED[key(r)].access}`);
  });

  it('answers 401 to every admin route without a session, and to every device route without a token', async () => {
    const guarded = routes().filter((r) => r.access !== 'public');
    expect(guarded.length).toBeGreaterThan(20);
    const before = await stateOf();
    for (const r of guarded) {
      const probe = EXPECTED[key(r)].call(ids);
      const res =
        r.access === 'device' ? await call(cloud, r.method, probe.path, null, probe.body) : await adminCall(cloud, r.method, probe.path, null, probe.body);
      expect(res.status, `${key(r)} without credentials`).toBe(401);
      if (r.access === 'device') {
        const wrong = await call(cloud, r.method, probe.path, 'smadev_not-a-real-token', probe.body);
        expect(wrong.status, `${key(r)} with a made-up token`).toBe(401);
        // A console session is not a device token.
        const session = await adminCall(cloud, r.method, probe.path, root.session, probe.body);
        expect(session.status, `${key(r)} with a console session`).toBe(401);
      } else {
        // A device token is not a console session.
        const device = await call(cloud, r.method, probe.path, ids.a.token, probe.body);
        expect(device.status, `${key(r)} with a device token`).toBe(401);
      }
    }
    expect(await stateOf()).toEqual(before);
  });

  it('answers 403 to every admin-write route for a support account, changing nothing', async () => {
    const writes = routes().filter((r) => r.access === 'admin-write');
    expect(writes.length).toBeGreaterThan(8);
    const before = await stateOf();
    for (const r of writes) {
      const probe = EXPECTED[key(r)].call(ids);
      const res = await adminCall(cloud, r.method, probe.path, support.session, probe.body);
      expect(res.status, `${key(r)} as support`).toBe(403);
      expect(res.body.error).toBe('FORBIDDEN');
    }
    expect(await stateOf()).toEqual(before);
  });

  it('refuses every non-GET admin route without the console header, even with a super admin cookie', async () => {
    const before = await stateOf();
    for (const r of routes().filter((x) => x.access.startsWith('admin') && x.method !== 'GET')) {
      const probe = EXPECTED[key(r)].call(ids);
      const res = await adminCall(cloud, r.method, probe.path, root.session, probe.body, { consoleHeader: false });
      expect(res.status, `${key(r)} without x-sma-console`).toBe(403);
    }
    expect(await stateOf()).toEqual(before);
  });

  it("answers 404 to another shop's or an unknown id on every route that names one, writing nothing", async () => {
    const named = routes().filter((r) => /:\w*[iI]d\b/.test(r.url) || EXPECTED[key(r)].foreign);
    expect(named.length).toBeGreaterThan(10);
    for (const r of named) {
      const foreign = EXPECTED[key(r)].foreign;
      expect(foreign, `${key(r)} names an id but has no foreign probe`).toBeDefined();
      if (!foreign) continue;
      const before = await stateOf();
      const probe = foreign(ids);
      // A device route's foreign probe is shop A's id asked for with shop B's token.
      const res =
        r.access === 'device'
          ? await call(cloud, r.method, probe.path, ids.b.token, probe.body)
          : await adminCall(cloud, r.method, probe.path, root.session, probe.body);
      expect(res.status, `${key(r)} with foreign ids`).toBe(404);
      expect(await stateOf(), `${key(r)} wrote something`).toEqual(before);
    }
  });

  it("never shows one shop's rows to another's device", async () => {
    const mine = await withAllBusinesses(cloud.db, (tx) => tx.selectFrom('customers').select(['id', 'business_id']).execute());
    const bIds = mine.filter((c) => c.business_id === ids.b.businessId).map((c) => c.id);
    expect(bIds.length).toBe(2);
    for (const entity of ['customers', 'transactions', 'rfm_runs', 'api_usage_logs']) {
      const res = await call(cloud, 'GET', `/api/sync/snapshot?entity=${entity}`, ids.a.token);
      expect(res.status).toBe(200);
      const text = JSON.stringify(res.body);
      for (const id of bIds) expect(text).not.toContain(id);
      expect((res.body.rows as unknown[]).length).toBeGreaterThan(0);
    }
  });

  it("never hands one shop's assistant handovers to another's device, nor shows them to its scope", async () => {
    const conversationId = uuidv7();
    const handoverId = uuidv7();
    await withAssistant(cloud.db, ids.a.businessId, async (tx) => {
      await tx
        .insertInto('assistant_conversations')
        .values({ id: conversationId, business_id: ids.a.businessId, phone: '+6281299990001', chat_id: '6281299990001@c.us' })
        .execute();
      await tx
        .insertInto('assistant_handovers')
        .values({
          id: handoverId,
          business_id: ids.a.businessId,
          conversation_id: conversationId,
          phone: '+6281299990001',
          stage: 'booking',
          reason: 'payment_intent',
          summary: 'Menanyakan DP.',
          campaign_code: null,
          trigger_text: 'DP berapa?',
        })
        .execute();
    });
    const pulled = async (token: string) => {
      const res = await call(cloud, 'GET', '/api/sync/pull?cursor=0&handoverCursor=0', token);
      expect(res.status).toBe(200);
      return (res.body.handovers as { items: { id: string }[] }).items.map((h) => h.id);
    };
    expect(await pulled(ids.a.token)).toContain(handoverId);
    expect(await pulled(ids.b.token)).not.toContain(handoverId);
    // Row-level security: B's scope sees none of A's handovers even when the query forgets business_id.
    const seenByB = await withBusiness(cloud.db, ids.b.businessId, (tx) => sql<{ id: string }>`SELECT id FROM assistant_handovers`.execute(tx));
    expect(seenByB.rows.map((r) => r.id)).not.toContain(handoverId);
  });

  it('lets the calls of the table through with the right credentials', async () => {
    // The probes themselves are well-formed: a 401/403/404 above is the guard, not a bad request.
    for (const r of routes().filter((x) => x.access === 'admin-read' && x.method === 'GET')) {
      const probe = EXPECTED[key(r)].call(ids);
      const res = await adminCall(cloud, r.method, probe.path, support.session);
      expect(res.status, `${key(r)} as support`).toBe(200);
    }
    for (const r of routes().filter((x) => x.access === 'device')) {
      const probe = EXPECTED[key(r)].call(ids);
      const res = await call(cloud, r.method, probe.path, ids.a.token, probe.body);
      expect([200, 400], `${key(r)} with A's token`).toContain(res.status);
    }
  });
});
