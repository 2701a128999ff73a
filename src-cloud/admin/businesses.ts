import { v7 as uuidv7 } from 'uuid';
import type { CloudDb } from '../db/connect';

export interface BusinessInput {
  name: string;
  city?: string | null;
  ownerName?: string | null;
  phone?: string | null;
}

export async function createBusiness(db: CloudDb, input: BusinessInput, now: Date): Promise<{ id: string }> {
  const id = uuidv7();
  await db
    .insertInto('businesses')
    .values({
      id,
      name: input.name,
      city: input.city ?? null,
      owner_name: input.ownerName ?? null,
      phone: input.phone ?? null,
      ai_monthly_quota: null,
      created_at: now,
      updated_at: now,
    })
    .execute();
  return { id };
}
