import type { Kysely } from 'kysely';
import type { z } from 'zod';
import { AppError } from '../../src-shared/errors';
import type { UserRow, userCreateInput, userUpdateInput } from '../../src-shared/schemas/auth';
import { hashPassword } from '../auth/passwords';
import type { Ctx } from '../core/context';
import { newId } from '../core/ids';
import { write } from '../core/write';
import type { Database } from '../db/schema';

const columns = ['id', 'username', 'name', 'role', 'language', 'active', 'last_login_at', 'created_at'] as const;

/**
 * The shop's first active owner: who acts for the shop when nobody in particular does (the command
 * line, a handover of the WhatsApp assistant that no one was given).
 */
export function firstOwnerQuery(db: Kysely<Database>) {
  return db
    .selectFrom('users')
    .select(['id', 'language'])
    .where('role', '=', 'owner')
    .where('active', '=', 1)
    .where('deleted_at', 'is', null)
    .orderBy('created_at')
    .limit(1);
}

async function getUser(ctx: Ctx, id: string): Promise<UserRow> {
  const row = await ctx.db.selectFrom('users').select(columns).where('id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', ctx.t('err.notFound', { entity: ctx.t('entity.user') }), { id });
  return { ...row, active: row.active === 1 };
}

export async function listUsers(ctx: Ctx): Promise<UserRow[]> {
  const rows = await ctx.db.selectFrom('users').select(columns).where('deleted_at', 'is', null).orderBy('name').execute();
  return rows.map((r) => ({ ...r, active: r.active === 1 }));
}

export async function createUser(ctx: Ctx, input: z.output<typeof userCreateInput>): Promise<UserRow> {
  const taken = await ctx.db.selectFrom('users').select('id').where('username', '=', input.username).executeTakeFirst();
  if (taken) throw new AppError('CONFLICT', ctx.t('err.usernameTaken', { username: input.username }), { field: 'username' });
  const passwordHash = await hashPassword(input.password);
  const id = newId();
  write(ctx, (w) => {
    w.insert('users', {
      id,
      username: input.username,
      name: input.name,
      password_hash: passwordHash,
      role: input.role,
      language: 'id',
      active: 1,
      last_login_at: null,
      deleted_at: null,
    });
    w.log({ action: 'users.create', entity: 'users', entityId: id, details: { username: input.username, role: input.role } });
  });
  return getUser(ctx, id);
}

export async function updateUser(ctx: Ctx, input: z.output<typeof userUpdateInput>): Promise<UserRow> {
  const before = await getUser(ctx, input.id);
  const demotes = before.role === 'owner' && (input.role !== 'owner' || !input.active);
  if (demotes) {
    const owners = await ctx.db.selectFrom('users').select('id').where('role', '=', 'owner').where('active', '=', 1).where('deleted_at', 'is', null).execute();
    if (owners.length <= 1) throw new AppError('CONFLICT', ctx.t('err.lastOwner'));
  }
  const passwordHash = input.password ? await hashPassword(input.password) : undefined;
  write(ctx, (w) => {
    w.update(
      'users',
      input.id,
      { name: input.name, role: input.role, active: input.active ? 1 : 0, ...(passwordHash ? { password_hash: passwordHash } : {}) },
      ctx.t('err.notFound', { entity: ctx.t('entity.user') }),
    );
    w.log({
      action: 'users.update',
      entity: 'users',
      entityId: input.id,
      details: { role: input.role, active: input.active, passwordReset: Boolean(passwordHash) },
    });
  });
  if (!input.active) {
    // A disabled account loses its open sessions at once.
    await ctx.db
      .updateTable('user_sessions')
      .set({ ended_at: ctx.clock.now().toISOString(), end_reason: 'disabled' })
      .where('user_id', '=', input.id)
      .where('ended_at', 'is', null)
      .execute();
  }
  return getUser(ctx, input.id);
}
