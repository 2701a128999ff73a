import { AppError } from '../../src-shared/errors';
import type { Translate } from '../../src-shared/i18n/messages';
import type { SessionUser } from '../../src-shared/schemas/auth';
import type { AppServices } from '../core/context';
import { newId } from '../core/ids';
import { getSettings } from '../settings/service';

/** Writing last_seen_at on every call would be a write per keystroke of a search box. */
const TOUCH_EVERY_MS = 15_000;

export interface ResolvedSession {
  sessionId: string;
  user: SessionUser;
  locked: boolean;
}

/** User sessions are local security state (not synced), so they are written directly. */
export async function startSession(app: AppServices, clientId: string, userId: string): Promise<string> {
  const settings = await getSettings(app);
  const now = app.clock.now();
  const id = newId();
  await app.db
    .insertInto('user_sessions')
    .values({
      id,
      user_id: userId,
      created_at: now.toISOString(),
      last_seen_at: now.toISOString(),
      expires_at: new Date(now.getTime() + settings.sessionHours * 3600_000).toISOString(),
      locked_at: null,
      ended_at: null,
      end_reason: null,
    })
    .execute();
  const previous = app.clientSessions.get(clientId);
  if (previous) await endSession(app, previous, 'replaced');
  app.clientSessions.set(clientId, id);
  return id;
}

export async function endSession(app: AppServices, sessionId: string, reason: string): Promise<void> {
  await app.db
    .updateTable('user_sessions')
    .set({ ended_at: app.clock.now().toISOString(), end_reason: reason })
    .where('id', '=', sessionId)
    .where('ended_at', 'is', null)
    .execute();
  for (const [client, id] of app.clientSessions) if (id === sessionId) app.clientSessions.delete(client);
}

export async function setLocked(app: AppServices, sessionId: string, locked: boolean): Promise<void> {
  const now = app.clock.now().toISOString();
  await app.db
    .updateTable('user_sessions')
    .set({ locked_at: locked ? now : null, last_seen_at: now })
    .where('id', '=', sessionId)
    .execute();
}

/**
 * Who is calling from this client, or null when nobody is logged in. Expired sessions end here;
 * a session idle longer than the setting locks (the renderer locks itself sooner when it sees the
 * idle time, this is the backstop for a renderer that stopped counting).
 */
export async function resolveSession(app: AppServices, clientId: string, t: Translate): Promise<ResolvedSession | null> {
  const sessionId = app.clientSessions.get(clientId);
  if (!sessionId) return null;
  const row = await app.db
    .selectFrom('user_sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .select([
      's.id',
      's.last_seen_at',
      's.expires_at',
      's.locked_at',
      's.ended_at',
      'u.id as user_id',
      'u.username',
      'u.name',
      'u.role',
      'u.language',
      'u.active',
      'u.deleted_at',
    ])
    .where('s.id', '=', sessionId)
    .executeTakeFirst();
  if (!row || row.ended_at) {
    app.clientSessions.delete(clientId);
    return null;
  }
  const now = app.clock.now();
  if (Date.parse(row.expires_at) <= now.getTime() || !row.active || row.deleted_at) {
    await endSession(app, sessionId, 'expired');
    throw new AppError('UNAUTHENTICATED', t('err.sessionExpired'));
  }
  const user: SessionUser = { id: row.user_id, username: row.username, name: row.name, role: row.role, language: row.language };
  let locked = row.locked_at !== null;
  if (!locked) {
    const { idleLockMinutes } = await getSettings(app);
    const idleMs = now.getTime() - Date.parse(row.last_seen_at);
    if (idleMs > idleLockMinutes * 60_000) {
      await setLocked(app, sessionId, true);
      app.events.emit('session.locked', { reason: 'idle' }, clientId);
      locked = true;
    } else if (idleMs > TOUCH_EVERY_MS && !app.jobs.lockHeld) {
      // Best effort: "last seen" must never fail a call (an import in a worker may hold the write lock).
      await app.db
        .updateTable('user_sessions')
        .set({ last_seen_at: now.toISOString() })
        .where('id', '=', sessionId)
        .execute()
        .catch(() => undefined);
    }
  }
  return { sessionId, user, locked };
}
