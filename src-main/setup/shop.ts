import type { z } from 'zod';
import type { businessFields } from '../../src-shared/schemas/auth';
import type { Language } from '../../src-shared/schemas/auth';
import { newId } from '../core/ids';
import type { Writer } from '../core/write';

export interface NewShop {
  business: z.output<typeof businessFields>;
  owner: { name: string; username: string; passwordHash: string };
  language: Language;
}

/** The business profile and its owner account, written together: a shop never exists half set up. */
export function createShop(w: Writer, shop: NewShop): { businessId: string; ownerId: string } {
  const businessId = newId();
  const ownerId = newId();
  w.insert('business', { id: businessId, ...shop.business });
  w.insert('users', {
    id: ownerId,
    username: shop.owner.username,
    name: shop.owner.name,
    password_hash: shop.owner.passwordHash,
    role: 'owner',
    language: shop.language,
    active: 1,
    last_login_at: null,
    deleted_at: null,
  });
  w.log({
    action: 'setup.create',
    entity: 'business',
    entityId: businessId,
    details: { business: shop.business.name, owner: shop.owner.username },
    userId: ownerId,
  });
  return { businessId, ownerId };
}
