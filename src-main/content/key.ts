import { AppError } from '../../src-shared/errors';
import type { Ctx } from '../core/context';
import { write } from '../core/write';

/**
 * Where the AI key comes from, without ever sending it back. `protected` is false where the desktop
 * cannot encrypt it safely (Linux without a keyring): a key set there lasts for this session only.
 */
export function aiKeyStatus(ctx: Pick<Ctx, 'platform'>): { source: 'desktop' | 'session' | 'env' | 'none'; canStore: boolean; protected: boolean } {
  const secrets = ctx.platform?.secrets;
  const canStore = secrets?.available() ?? false;
  const isProtected = secrets?.protected() ?? false;
  if (canStore && secrets?.get('openai')) return { source: isProtected ? 'desktop' : 'session', canStore, protected: isProtected };
  return { source: process.env.OPENAI_API_KEY ? 'env' : 'none', canStore, protected: isProtected };
}

/** Store (or with null, remove) the key in the desktop's encrypted store; the log says that, not the key. */
export async function setAiKey(ctx: Ctx, key: string | null): Promise<void> {
  if (!ctx.platform?.secrets.available()) throw new AppError('CONFLICT', ctx.t('ai.cantStoreKey'));
  await ctx.platform.secrets.set('openai', key);
  write(ctx, (w) => w.log({ action: key ? 'ai.keySet' : 'ai.keyRemoved', entity: 'settings' }));
}
