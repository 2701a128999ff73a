import { createAdmin, type AdminRole } from '../../src-cloud/auth/admins';
import { adminApi } from '../../src-cloud/admin/routes';
import { ADMIN_SESSION_COOKIE, CONSOLE_HEADER } from '../../src-shared/cloud/admin-api';
import { startTestCloud, type TestCloud } from './cloud-server';

/** The cloud with the console API registered, as `npm run cloud` serves it. */
export const startAdminCloud = (): Promise<TestCloud> => startTestCloud({ plugins: [adminApi] });

export interface Reply {
  status: number;
  body: Record<string, unknown>;
  cookie: string | null;
  setCookie: string | null;
}

/** A console call: the session cookie, and on writes the console header unless told otherwise. */
export async function adminCall(
  cloud: TestCloud,
  method: string,
  path: string,
  session: string | null,
  body?: unknown,
  options: { consoleHeader?: boolean } = {},
): Promise<Reply> {
  const headers: Record<string, string> = {};
  if (session) headers.cookie = `${ADMIN_SESSION_COOKIE}=${session}`;
  if (method !== 'GET' && options.consoleHeader !== false) headers[CONSOLE_HEADER] = '1';
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(`${cloud.url}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text();
  const setCookie = res.headers.get('set-cookie');
  const match = setCookie?.match(new RegExp(`${ADMIN_SESSION_COOKIE}=([^;]*)`));
  return { status: res.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {}, cookie: match?.[1] || null, setCookie };
}

export async function login(cloud: TestCloud, username: string, password: string, totp?: string): Promise<Reply> {
  return adminCall(cloud, 'POST', '/api/admin/login', null, { username, password, ...(totp && { totp }) });
}

/** An account and a signed-in session of it. */
export async function adminSession(
  cloud: TestCloud,
  username: string,
  role: AdminRole,
  password = 'rahasia-panjang-1',
): Promise<{ id: string; session: string; password: string }> {
  const { id } = await createAdmin(cloud.db, { username, name: username, password, role });
  const res = await login(cloud, username, password);
  if (res.status !== 200 || !res.cookie) throw new Error(`login failed: ${res.status} ${JSON.stringify(res.body)}`);
  return { id, session: res.cookie, password };
}
