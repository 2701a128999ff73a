import { AppError } from '../../src-shared/errors';
import type { SessionUser } from '../../src-shared/schemas/auth';
import type { AppServices, Ctx } from '../core/context';
import { write } from '../core/write';
import { dummyPasswordHash, verifyPassword } from './passwords';
import { endSession, setLocked, startSession } from './sessions';
import { clearFailures, reserveAttempt } from './throttle';

function toSessionUser(row: { id: string; username: string; name: string; role: SessionUser['role']; language: SessionUser['language'] }): SessionUser {
  return { id: row.id, username: row.username, name: row.name, role: row.role, language: row.language };
}

/** Log a user in on this client: throttled, logged, and the session bound to the client. */
export async function login(ctx: Ctx, username: string, password: string): Promise<SessionUser> {
  const now = ctx.clock.now();
  const attempt = reserveAttempt(ctx.sqlite, username, ctx.clientId, now);
  if (!attempt.ok) {
    const wait = attempt.waitSeconds;
    write(ctx, (w) => w.log({ action: 'auth.login_throttled', entity: 'users', details: { username, waitSeconds: wait } }));
    throw new AppError('RATE_LIMITED', ctx.t('err.throttled', { seconds: wait }), { retryAfterSeconds: wait });
  }
  const user = await ctx.db.selectFrom('users').selectAll().where('username', '=', username).where('deleted_at', 'is', null).executeTakeFirst();
  const ok = user ? await verifyPassword(user.password_hash, password) : (await verifyPassword(await dummyPasswordHash(), password), false);
  if (!user || !ok) {
    const failures = attempt.failures;
    write(ctx, (w) => w.log({ action: 'auth.login_failed', entity: 'users', entityId: user?.id, details: { username, failures }, userId: user?.id ?? null }));
    throw new AppError('UNAUTHENTICATED', ctx.t('err.badLogin'));
  }
  if (!user.active) throw new AppError('FORBIDDEN', ctx.t('err.inactiveUser'));
  clearFailures(ctx.sqlite, username);
  await startSession(ctx, ctx.clientId, user.id);
  write({ ...ctx, userId: user.id }, (w) => {
    w.update('users', user.id, { last_login_at: now.toISOString() }, ctx.t('err.notFound', { entity: ctx.t('entity.user') }));
    w.log({ action: 'auth.login', entity: 'users', entityId: user.id });
  });
  return toSessionUser(user);
}

/** Binds an already verified user (just created, or the demo owner) to this client. */
export async function loginAs(app: AppServices, clientId: string, userId: string): Promise<SessionUser> {
  await startSession(app, clientId, userId);
  const user = await app.db.selectFrom('users').selectAll().where('id', '=', userId).executeTakeFirstOrThrow();
  write({ ...app, userId }, (w) => {
    w.update('users', userId, { last_login_at: w.now }, 'user missing');
    w.log({ action: 'auth.login', entity: 'users', entityId: userId });
  });
  return toSessionUser(user);
}

export async function logout(ctx: Ctx): Promise<void> {
  if (!ctx.sessionId) return;
  write(ctx, (w) => w.log({ action: 'auth.logout', entity: 'users', entityId: ctx.user?.id }));
  await endSession(ctx, ctx.sessionId, 'logout');
}

export async function lock(ctx: Ctx): Promise<void> {
  if (!ctx.sessionId) return;
  await setLocked(ctx, ctx.sessionId, true);
  write(ctx, (w) => w.log({ action: 'auth.lock', entity: 'users', entityId: ctx.user?.id }));
}

export async function unlock(ctx: Ctx, password: string): Promise<SessionUser> {
  if (!ctx.sessionId || !ctx.user) throw new AppError('UNAUTHENTICATED', ctx.t('err.unauthenticated'));
  const user = await ctx.db.selectFrom('users').selectAll().where('id', '=', ctx.user.id).executeTakeFirstOrThrow();
  const attempt = reserveAttempt(ctx.sqlite, user.username, ctx.clientId, ctx.clock.now());
  if (!attempt.ok) throw new AppError('RATE_LIMITED', ctx.t('err.throttled', { seconds: attempt.waitSeconds }), { retryAfterSeconds: attempt.waitSeconds });
  if (!(await verifyPassword(user.password_hash, password))) {
    const failures = attempt.failures;
    write(ctx, (w) => w.log({ action: 'auth.unlock_failed', entity: 'users', entityId: user.id, details: { failures } }));
    throw new AppError('UNAUTHENTICATED', ctx.t('err.badPassword'));
  }
  clearFailures(ctx.sqlite, user.username);
  await setLocked(ctx, ctx.sessionId, false);
  write(ctx, (w) => w.log({ action: 'auth.unlock', entity: 'users', entityId: user.id }));
  return toSessionUser(user);
}

export async function setLanguage(ctx: Ctx, language: SessionUser['language']): Promise<SessionUser> {
  const user = ctx.user;
  if (!user) throw new AppError('UNAUTHENTICATED', ctx.t('err.unauthenticated'));
  write(ctx, (w) => w.update('users', user.id, { language }, ctx.t('err.notFound', { entity: ctx.t('entity.user') })));
  return { ...user, language };
}
