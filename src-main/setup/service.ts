import type { z } from 'zod';
import { AppError } from '../../src-shared/errors';
import { dateInZone } from '../../src-shared/format/date';
import type { AppStatus, SessionUser, setupInput } from '../../src-shared/schemas/auth';
import { loginAs } from '../auth/service';
import { hashPassword } from '../auth/passwords';
import type { AppServices, Ctx } from '../core/context';
import { write } from '../core/write';
import { DEMO_USERNAME } from '../demo/job';
import { runRfmInBackground } from '../rfm/service';
import { getSettings } from '../settings/service';
import { createShop } from './shop';

export async function isSetUp(app: Pick<AppServices, 'db'>): Promise<boolean> {
  const row = await app.db.selectFrom('users').select('id').limit(1).executeTakeFirst();
  return row !== undefined;
}

export async function appStatus(ctx: Ctx): Promise<AppStatus> {
  const business = await ctx.db.selectFrom('business').select(['name', 'timezone']).executeTakeFirst();
  const settings = await getSettings(ctx);
  const locked = ctx.sessionId
    ? (await ctx.db.selectFrom('user_sessions').select('locked_at').where('id', '=', ctx.sessionId).executeTakeFirst())?.locked_at != null
    : false;
  return {
    setupDone: await isSetUp(ctx),
    business: business ?? null,
    user: ctx.user,
    locked,
    idleLockMinutes: settings.idleLockMinutes,
    version: ctx.version,
  };
}

async function refuseIfSetUp(ctx: Ctx): Promise<void> {
  if (await isSetUp(ctx)) throw new AppError('CONFLICT', ctx.t('err.alreadySetUp'));
}

export async function setupShop(ctx: Ctx, input: z.output<typeof setupInput>): Promise<SessionUser> {
  await refuseIfSetUp(ctx);
  const passwordHash = await hashPassword(input.owner.password);
  await refuseIfSetUp(ctx); // hashing takes a moment; another window could have finished setup meanwhile
  const { ownerId } = write(ctx, (w) =>
    createShop(w, { business: input.business, owner: { name: input.owner.name, username: input.owner.username, passwordHash }, language: input.language }),
  );
  return loginAs(ctx, ctx.clientId, ownerId);
}

/** The demo owner's password is shown on screen: this shop is for trying the app, not for real data. */
export const DEMO_PASSWORD = 'demo1234';

export async function openDemoShop(ctx: Ctx): Promise<{ user: SessionUser; password: string; customers: number; transactions: number }> {
  await refuseIfSetUp(ctx);
  if (ctx.jobs.busy) throw new AppError('CONFLICT', ctx.t('err.jobRunning'));
  const ownerPasswordHash = await hashPassword(DEMO_PASSWORD);
  const today = dateInZone(ctx.clock.now(), 'Asia/Jakarta');
  const { done } = ctx.jobs.run('demo.generate', { today, ownerPasswordHash }, null, ctx.clientId);
  const result = await done;
  // Its first analysis, as the app runs one at start for a shop with sales: the dashboard's
  // segments and the RFM page are filled when the demo opens. A failed run only leaves them empty
  // (runRfmInBackground logs it); the owner can run it from the RFM page. Its progress goes to
  // this window, which shows it on the way to the demo.
  await runRfmInBackground(ctx, 'startup', result.ownerId, ctx.clientId);
  const user = await loginAs(ctx, ctx.clientId, result.ownerId);
  return { user: { ...user, username: DEMO_USERNAME }, password: DEMO_PASSWORD, customers: result.customers, transactions: result.transactions };
}
