import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handoversSince } from '../../src-cloud/assistant/handovers';
import { withAssistant } from '../../src-cloud/assistant/schema';
import { recordHandover } from '../../src-cloud/assistant/store';
import { answer } from './fake-model';
import { conversationOf, say, startWorld, type World } from './harness';

/**
 * The laptop pulls handovers by version and keeps the last one it applied. Versions are taken at
 * insert and become visible at commit, so a handover whose run commits after a later-numbered one's
 * must not be skipped by a pull made in between.
 */
let world: World;
beforeAll(async () => {
  world = await startWorld();
});
afterAll(async () => world.close());

async function until(check: () => boolean | Promise<boolean>): Promise<void> {
  for (let i = 0; i < 500; i++) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error('the state never came');
}

describe('handover versions and commit order', () => {
  it('a pull made while an earlier handover is still uncommitted misses none of them', async () => {
    const { a } = world;
    world.model.script.push(answer({ reply: 'Halo' }), answer({ reply: 'Halo' }));
    await say(world, a, '6281700000001', 'halo');
    await say(world, a, '6281700000002', 'halo');
    const c1 = (await conversationOf(world, a, '6281700000001'))!;
    const c2 = (await conversationOf(world, a, '6281700000002'))!;
    const handover = (c: { id: string; phone: string }) => ({
      businessId: a.businessId,
      conversationId: c.id,
      phone: c.phone,
      phase: 'BOOKING' as const,
      summary: 'mau DP',
      campaignCode: null,
      handover: { reason: 'payment_intent' as const, trigger: 'DP berapa' },
      now: world.cloud.clock.now,
    });

    // Conversation 1's run has written its handover and not yet committed...
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let written = false;
    const first = withAssistant(world.cloud.db, a.businessId, async (tx) => {
      await recordHandover(tx, handover(c1));
      written = true;
      await held;
    });
    await until(() => written);
    // ...when conversation 2's run writes its own: committed at once, or waiting its turn.
    let secondDone = false;
    const second = withAssistant(world.cloud.db, a.businessId, (tx) => recordHandover(tx, handover(c2))).then(() => (secondDone = true));
    const waiting = async () =>
      Number(
        (
          await sql<{ n: string }>`
      SELECT count(*) AS n FROM pg_locks WHERE NOT granted AND locktype = 'advisory' AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`.execute(
            world.cloud.db,
          )
        ).rows[0].n,
      ) > 0;
    await until(async () => secondDone || (await waiting()));

    // The laptop pulls now and keeps the last version it saw.
    const pulled = await handoversSince(world.cloud.db, a.businessId, 0);
    const cursor = pulled.at(-1)?.version ?? 0;
    release();
    await first;
    await second;
    const next = await handoversSince(world.cloud.db, a.businessId, cursor);
    const all = await handoversSince(world.cloud.db, a.businessId, 0);
    expect(all.map((h) => h.phone).sort()).toEqual(['+6281700000001', '+6281700000002']);
    expect([...pulled, ...next].map((h) => h.id).sort()).toEqual(all.map((h) => h.id).sort());
  });
});
