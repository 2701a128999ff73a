import type { FastifyRequest } from 'fastify';
import { CONSOLE_HEADER, CONSOLE_HEADER_VALUE } from '../../src-shared/cloud/admin-api';
import type { CloudContext } from '../server/app';
import { CloudError } from '../server/errors';
import { resolveSession, sessionCookie, type AdminIdentity } from './sessions';

const identities = new WeakMap<FastifyRequest, AdminIdentity>();

/**
 * The console's gate, run before the body is parsed (no session, no validation messages):
 * - a live session cookie, or 401;
 * - on anything but GET, the `x-sma-console: 1` header, or 403: a form posted from another site can
 *   carry the cookie in old browsers but cannot set a custom header;
 * - for `admin-write`, the super admin role, or 403 (support is read-only).
 */
export function adminGuard(ctx: CloudContext, level: 'admin-read' | 'admin-write') {
  return async (req: FastifyRequest): Promise<void> => {
    const token = sessionCookie(req);
    const admin = token ? await resolveSession(ctx.db, token, ctx.now()) : null;
    if (!admin) throw new CloudError('UNAUTHENTICATED', 'Sign in to the console first (the session ended or expired).');
    if (req.method !== 'GET' && req.headers[CONSOLE_HEADER] !== CONSOLE_HEADER_VALUE)
      throw new CloudError('FORBIDDEN', `Writes must come from the console (header ${CONSOLE_HEADER}).`);
    if (level === 'admin-write' && admin.role !== 'super_admin') throw new CloudError('FORBIDDEN', 'A support account can look but not change anything.');
    identities.set(req, admin);
  };
}

/** The admin a guarded route's request was let through for. */
export function currentAdmin(req: FastifyRequest): AdminIdentity {
  const admin = identities.get(req);
  if (!admin) throw new CloudError('UNAUTHENTICATED', 'Sign in to the console first.');
  return admin;
}
