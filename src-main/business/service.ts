import type { z } from 'zod';
import { AppError } from '../../src-shared/errors';
import type { BusinessRow, businessFields } from '../../src-shared/schemas/auth';
import type { Ctx } from '../core/context';
import { write } from '../core/write';

export async function getBusiness(ctx: Ctx): Promise<BusinessRow> {
  const row = await ctx.db
    .selectFrom('business')
    .select(['id', 'name', 'type', 'phone', 'email', 'address', 'city', 'currency', 'timezone'])
    .executeTakeFirst();
  if (!row) throw new AppError('SETUP_REQUIRED', ctx.t('err.setupRequired'));
  return row;
}

export async function updateBusiness(ctx: Ctx, input: z.output<typeof businessFields>): Promise<BusinessRow> {
  const current = await getBusiness(ctx);
  write(ctx, (w) => {
    w.update('business', current.id, input, ctx.t('err.setupRequired'));
    w.log({ action: 'business.update', entity: 'business', entityId: current.id });
  });
  return getBusiness(ctx);
}
