import type { FastifyReply, FastifyRequest } from 'fastify';
import { ADMIN_SESSION_COOKIE } from '../../src-shared/cloud/admin-api';
import type { CloudDb } from '../db/connect';
import type { AdminRole } from './admins';
import { newSessionToken, SESSION_TOKEN_PREFIX, sha256 } from './tokens';

/** A console session lasts 12 hours at most, and ends after 30 minutes without a request. */
export const SESSION_ABSOLUTE_MS = 12 * 60 * 60 * 1000;
export const SESSION_IDLE_MS = 30 * 60 * 1000;

export interface AdminIdentity {
  adminId: string;
  username: string;
  role: AdminRole;
  tokenHash: Buffer;
}

export async function startSession(db: CloudDb, adminId: string, now: Date): Promise<string> {
  const token = newSessionToken();
  await db
    .insertInto('admin_sessions')
    .values({ token_hash: sha256(token), admin_id: adminId, created_at: now, last_seen_at: now, expires_at: new Date(now.getTime() + SESSION_ABSOLUTE_MS) })
    .execute();
  return token;
}

/** The admin behind a session token, or null when it is unknown, ended, expired or idle too long. */
export async function resolveSession(db: CloudDb, token: string, now: Date): Promise<AdminIdentity | null> {
  if (!token.startsWith(SESSION_TOKEN_PREFIX)) return null;
  const tokenHash = sha256(token);
  const row = await db
    .selectFrom('admin_sessions')
    .innerJoin('admins', 'admins.id', 'admin_sessions.admin_id')
    .select([
      'admins.id',
      'admins.username',
      'admins.role',
      'admins.disabled_at',
      'admin_sessions.expires_at',
      'admin_sessions.last_seen_at',
      'admin_sessions.ended_at',
    ])
    .where('admin_sessions.token_hash', '=', tokenHash)
    .executeTakeFirst();
  if (!row || row.ended_at || row.disabled_at) return null;
  if (row.expires_at <= now || row.last_seen_at.getTime() + SESSION_IDLE_MS <= now.getTime()) return null;
  await db.updateTable('admin_sessions').set({ last_seen_at: now }).where('token_hash', '=', tokenHash).execute();
  return { adminId: row.id, username: row.username, role: row.role, tokenHash };
}

export async function endSession(db: CloudDb, tokenHash: Buffer, now: Date): Promise<void> {
  await db.updateTable('admin_sessions').set({ ended_at: now }).where('token_hash', '=', tokenHash).execute();
}

/** Every other session of an admin (after a password change). */
export async function endOtherSessions(db: CloudDb, adminId: string, keep: Buffer, now: Date): Promise<void> {
  await db
    .updateTable('admin_sessions')
    .set({ ended_at: now })
    .where('admin_id', '=', adminId)
    .where('token_hash', '!=', keep)
    .where('ended_at', 'is', null)
    .execute();
}

export function sessionCookie(req: FastifyRequest): string | null {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === ADMIN_SESSION_COOKIE) {
      // Our tokens are base64url and never encoded: anything else is no session (not a 500).
      const value = part.slice(eq + 1).trim();
      return /^[A-Za-z0-9_-]{1,200}$/.test(value) ? value : null;
    }
  }
  return null;
}

/** HttpOnly (no script reads it), SameSite=Strict (no other site sends it), Secure behind https. */
export function setSessionCookie(req: FastifyRequest, reply: FastifyReply, token: string | null): void {
  const parts = [`${ADMIN_SESSION_COOKIE}=${token ?? ''}`, 'HttpOnly', 'SameSite=Strict', 'Path=/'];
  parts.push(token ? `Max-Age=${SESSION_ABSOLUTE_MS / 1000}` : 'Max-Age=0');
  if (req.protocol === 'https') parts.push('Secure');
  void reply.header('set-cookie', parts.join('; '));
}
