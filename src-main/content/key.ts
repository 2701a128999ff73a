import { AppError } from '../../src-shared/errors';
import type { Ctx } from '../core/context';
import { write } from '../core/write';

/** Where the AI key comes from, without ever sending it back. */
export function aiKeyStatus(ctx: Pick<Ctx, 'platform'>): { source: 'desktop' | 'env' | 'none'; canStore: boolean } {
  const canStore = ctx.platform?.secrets.available() ?? false;
  if (canStore && ctx.platform?.secrets.get('openai')) return { source: 'desktop', canStore };
  return { source: process.env.OPENAI_API_KEY ? 'env' : 'none', canStore };
}

/** Store (or with null, remove) the key in the desktop's encrypted store; the log says that, not the key. */
export async function setAiKey(ctx: Ctx, key: string | null): Promise<void> {
  if (!ctx.platform?.secrets.available()) throw new AppError('CONFLICT', ctx.t('ai.cantStoreKey'));
  await ctx.platform.secrets.set('openai', key);
  write(ctx, (w) => w.log({ action: key ? 'ai.keySet' : 'ai.keyRemoved', entity: 'settings' }));
}
