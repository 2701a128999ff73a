import { randomBytes } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import type { CloudDb } from '../db/connect';
import { CloudError } from '../server/errors';
import { hashPassword } from './passwords';

export type AdminRole = 'super_admin' | 'support';
export const MIN_PASSWORD = 10;

export async function createAdmin(db: CloudDb, input: { username: string; name: string; password: string; role: AdminRole }): Promise<{ id: string }> {
  if (input.password.length < MIN_PASSWORD) throw new CloudError('VALIDATION_ERROR', `password: at least ${MIN_PASSWORD} characters`);
  const taken = await db.selectFrom('admins').select('id').where('username', '=', input.username).executeTakeFirst();
  if (taken) throw new CloudError('CONFLICT', `The username ${input.username} is taken.`);
  const id = uuidv7();
  await db
    .insertInto('admins')
    .values({ id, username: input.username, name: input.name, password_hash: await hashPassword(input.password), role: input.role, totp_secret: null })
    .execute();
  return { id };
}

export async function adminCount(db: CloudDb): Promise<number> {
  const row = await db
    .selectFrom('admins')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** A password for the first super admin when none is given: 20 characters, shown once. */
export const generatedPassword = (): string => randomBytes(15).toString('base64url');
