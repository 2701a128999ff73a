/**
 * A pipeline worth reporting on: ~300 leads created over five months (June–October 2026) through
 * the real channels, each moved along (some back, some lost, some won and converted), with
 * follow-ups logged by whoever holds the lead, on a manual clock. Deterministic (seeded random).
 */
import { ManualClock } from '../manual-clock';
import { loginAs } from '../../src-main/auth/service';
import type { App } from '../../src-main/app';
import type { Channel, ChannelInput, ChannelOutput } from '../../src-shared/contract';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openApp } from '../../src-main/app';
import { loginAsNewUser, ok, OWNER_PASSWORD } from '../helpers';

const HOUR = 3_600_000;
export const SEED_START = Date.parse('2026-06-01T01:00:00Z');
/** 08:00 in Jakarta on 5 November 2026: after every seeded event. */
export const SEED_NOW = '2026-11-05T01:00:00Z';
const CHANNELS = ['organic', 'tiktok', 'instagram', 'meta', 'referral', null];
const CAMPAIGNS = ['UMR_JUN_2026_HEMAT', 'UTBK_AGU_2026_INTENSIF', null, null];
const FORWARD = ['lead', 'follow_up', 'interest', 'booking'];

function random(seed: number) {
  let s = seed;
  return () => {
    s = (s * 1_103_515_245 + 12_345) % 2_147_483_648;
    return s / 2_147_483_648;
  };
}

type Step = { at: number; run: () => Promise<unknown> };

export interface SeededShop {
  app: App;
  clock: ManualClock;
  users: Record<string, string>;
  /** Lead ids by index, filled as the seed runs. */
  leads: string[];
  /** Closes the app and removes its folder (the seed outlives one test, so helpers' cleanup is not used). */
  close: () => Promise<void>;
}

export async function seedPipeline(count = 300): Promise<SeededShop> {
  const clock = new ManualClock(new Date(SEED_START - HOUR));
  const dir = mkdtempSync(join(tmpdir(), 'sma-leads-'));
  const app = await openApp({ dbPath: join(dir, 'shop.sqlite'), clock, checkOutput: true });
  await ok(app, 'setup.create', {
    owner: { name: 'Sari Wulandari', username: 'sari', password: OWNER_PASSWORD },
    business: { name: 'Toko Sari', city: 'Bandung' },
  });
  for (const [role, name] of [
    ['manager', 'maya'],
    ['staff', 'andi'],
    ['staff', 'bela'],
  ] as const)
    await loginAsNewUser(app, role, name);
  const list = await ok(app, 'users.list', {});
  const users: Record<string, string> = Object.fromEntries(list.map((u) => [u.username, u.id]));
  const clients: Record<string, string> = { [users.sari]: 'owner', [users.maya]: 'maya', [users.andi]: 'andi', [users.bela]: 'bela' };
  const owners = [users.andi, users.bela, users.maya, null];
  const rnd = random(22);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)];
  const lastLogin = new Map<string, number>();
  // The clock jumps hours at a time: a session would lock or expire, so each client signs in
  // again (without a password, as the CLI does) when it has been quiet for a while.
  const as = async <C extends Channel>(userId: string | null, channel: C, input: ChannelInput<C>) => {
    const client = userId ? clients[userId] : 'owner';
    const who = userId ?? users.sari;
    if ((lastLogin.get(client) ?? -Infinity) < clock.now().getTime() - 10 * 60_000) {
      await loginAs(app.services, client, who);
      lastLogin.set(client, clock.now().getTime());
    }
    return ok(app, channel, input, client) as Promise<ChannelOutput<C>>;
  };

  const steps: Step[] = [];
  const leads: string[] = [];
  const span = Date.parse('2026-10-31T12:00:00Z') - SEED_START;
  for (let i = 0; i < count; i++) {
    const born = SEED_START + Math.floor((span * i) / count) + Math.floor(rnd() * 6) * HOUR;
    const owner = pick(owners);
    const value = (5 + Math.floor(rnd() * 60)) * 100_000;
    const closeIn = rnd() < 0.2 ? null : new Date(born + (10 + Math.floor(rnd() * 150)) * 24 * HOUR).toISOString().slice(0, 10);
    const input = {
      name: `Prospek ${i}`,
      organisation: null,
      phone: null,
      email: null,
      city: 'Bandung',
      value,
      channelId: pick(CHANNELS),
      campaignCode: pick(CAMPAIGNS),
      ownerId: owner,
      expectedClose: closeIn,
    };
    steps.push({ at: born, run: async () => (leads[i] = (await as(owner, 'leads.create', input)).id) });
    // Along the board: how far it gets, whether it slips back once, how it ends.
    let at = born;
    const reach = Math.floor(rnd() * 4);
    for (let s = 1; s <= reach; s++) {
      at += (6 + Math.floor(rnd() * 200)) * HOUR;
      const stageId = FORWARD[s];
      steps.push({ at, run: () => as(owner, 'leads.move', { id: leads[i], stageId }) });
    }
    if (reach >= 2 && rnd() < 0.25) {
      at += (3 + Math.floor(rnd() * 100)) * HOUR;
      const back = FORWARD[reach - 1];
      steps.push({ at, run: () => as(owner, 'leads.move', { id: leads[i], stageId: back, reason: 'Belum ada dana' }) });
    }
    const end = rnd();
    if (end < 0.3) {
      at += (12 + Math.floor(rnd() * 200)) * HOUR;
      steps.push({ at, run: () => as(owner, 'leads.convert', { id: leads[i] }) });
    } else if (end < 0.45) {
      at += (12 + Math.floor(rnd() * 200)) * HOUR;
      steps.push({ at, run: () => as(owner, 'leads.move', { id: leads[i], stageId: 'lost', reason: 'Pilih tempat lain' }) });
    }
    // Follow-ups, some done, some not yet due or overdue by the report's day.
    const calls = Math.floor(rnd() * 3);
    for (let k = 0; k < calls; k++) {
      const when = born + (1 + Math.floor(rnd() * 400)) * HOUR;
      const due = new Date(when + (1 + Math.floor(rnd() * 10)) * 24 * HOUR).toISOString().slice(0, 10);
      const done = rnd() < 0.5;
      steps.push({
        at: when,
        run: async () => {
          const activity = await as(owner, 'activities.create', {
            leadId: leads[i],
            kind: pick(['call', 'chat', 'meeting', 'note'] as const),
            outcome: 'Ditelepon',
            nextAction: 'Hubungi lagi',
            dueDate: due,
          });
          if (done) await as(owner, 'activities.setDone', { id: activity.id, done: true });
        },
      });
    }
  }
  steps.sort((a, b) => a.at - b.at);
  // Nothing happens after the report's "now".
  for (const step of steps.filter((s) => s.at < Date.parse(SEED_NOW))) {
    clock.set(new Date(step.at));
    await step.run();
  }
  clock.set(new Date(SEED_NOW));
  for (const [userId, client] of Object.entries(clients)) await loginAs(app.services, client, userId);
  const close = async () => {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  };
  return { app, clock, users, leads, close };
}
