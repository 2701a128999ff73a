import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handoversSince } from '../../src-cloud/assistant/handovers';
import { answer } from './fake-model';
import { conversationOf, messagesOf, say, startWorld, type World } from './harness';

let world: World;
beforeAll(async () => {
  world = await startWorld();
});
afterAll(async () => world.close());

describe('when WAHA is down, and what the laptop will pull', () => {
  it('leaves unanswered messages queued and answers them all with the next message once WAHA is back', async () => {
    const phone = '6281500000001';
    // WAHA fails every call: the reply cannot go out.
    world.waha.down = true;
    world.model.script.push(answer({ reply: 'Halo Kak (tidak terkirim)' }));
    await say(world, world.a, phone, 'halo');
    let conv = await conversationOf(world, world.a, phone);
    expect((await messagesOf(world, world.a, conv!.id)).map((m) => [m.direction, m.handled_at === null])).toEqual([['in', true]]);

    world.waha.down = false;
    world.model.script.push(answer({ reply: 'Halo Kak, paket April tersedia.' }));
    await say(world, world.a, phone, 'paket april ada?');
    expect(world.model.lastUserText()).toBe('halo\npaket april ada?');
    expect(world.waha.texts(`${phone}@c.us`)).toEqual(['Halo Kak, paket April tersedia.']);
    conv = await conversationOf(world, world.a, phone);
    expect((await messagesOf(world, world.a, conv!.id)).map((m) => [m.direction, m.handled_at === null])).toEqual([
      ['in', false],
      ['in', false],
      ['out', true],
    ]);
  });

  it('lists handovers after a version for the sync pull, per business', async () => {
    world.model.script.push(answer({ reply: 'Paket Maret Hemat', summary: 'Tanya paket Maret Hemat' }));
    await say(world, world.a, '6281500000002', 'UMR_MAR_2025_HEMAT');
    world.model.script.push(answer({ reply: 'Admin segera menghubungi', summary: 'Siap DP paket Maret Hemat untuk 2 orang' }));
    await say(world, world.a, '6281500000002', 'DP berapa untuk 2 orang?');
    world.model.script.push(answer({ reply: 'Baik', summary: 'Minta admin' }));
    await say(world, world.b, '6281500000003', 'admin dong');

    const a = await handoversSince(world.cloud.db, world.a.businessId, 0);
    expect(a).toHaveLength(1);
    expect(a[0]).toMatchObject({
      phone: '+6281500000002',
      stage: 'booking',
      reason: 'payment_intent',
      summary: 'Siap DP paket Maret Hemat untuk 2 orang',
      campaignCode: 'UMR_MAR_2025_HEMAT',
      returnedAt: null,
    });
    expect(await handoversSince(world.cloud.db, world.a.businessId, a[0].version)).toEqual([]);
    const b = await handoversSince(world.cloud.db, world.b.businessId, 0);
    expect(b.map((h) => [h.phone, h.stage, h.reason])).toEqual([['+6281500000003', 'follow_up', 'person_request']]);
  });
});
