import type { FastifyInstance } from 'fastify';
import { createBusiness } from '../../src-cloud/admin/businesses';
import { issueEnrolCode } from '../../src-cloud/admin/enrol-codes';
import type { CloudDb } from '../../src-cloud/db/connect';
import { buildCloud, type CloudOptions } from '../../src-cloud/server/app';
import type { RouteInfo } from '../../src-cloud/server/access';
import { freshCloudDb } from './cloud-db';

export interface TestCloud {
  db: CloudDb;
  url: string;
  app: FastifyInstance;
  routes: RouteInfo[];
  /** The server's clock: tests move it. */
  clock: { now: Date };
  close(): Promise<void>;
}

/** The real cloud on a loopback port over a fresh database of the run's PostgreSQL. */
export async function startTestCloud(options: Partial<CloudOptions> = {}): Promise<TestCloud> {
  const { db } = await freshCloudDb();
  const clock = { now: new Date('2026-12-01T03:00:00Z') };
  const { app, routes } = await buildCloud({ db, version: 'test', now: () => clock.now, ...options });
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  return {
    db,
    url: address,
    app,
    routes,
    clock,
    async close() {
      await app.close();
      await db.destroy();
    },
  };
}

/** A business with one enrolled device, through the real enrol route. */
export async function enrolledShop(cloud: TestCloud, name = 'Toko Sari'): Promise<{ businessId: string; deviceId: string; token: string }> {
  const { id } = await createBusiness(cloud.db, { name, city: 'Solo' }, cloud.clock.now);
  const { code } = await issueEnrolCode(cloud.db, id, null, cloud.clock.now);
  const res = await fetch(`${cloud.url}/api/sync/enrol`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ code, deviceName: 'Laptop kasir', appVersion: '0.1.0' }),
  });
  if (res.status !== 200) throw new Error(`enrol failed: ${res.status} ${await res.text()}`);
  const body = (await res.json()) as { token: string; deviceId: string; businessId: string };
  return { businessId: body.businessId, deviceId: body.deviceId, token: body.token };
}

export async function call(
  cloud: TestCloud,
  method: string,
  path: string,
  token: string | null,
  body?: unknown,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const headers: Record<string, string> = {};
  if (token) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(`${cloud.url}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
}
