import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handoversSince } from '../../src-cloud/assistant/handovers';
import { answer } from './fake-model';
import { conversationOf, messagesOf, say, startWorld, type World } from './harness';

/**
 * A customer who wants to pay is handed to a person whether or not the gateway is up: the decision
 * (phase, handover) is written before anything is sent, and only what went out is written after.
 */
let world: World;
beforeAll(async () => {
  world = await startWorld();
});
afterAll(async () => world.close());

describe('WAHA down when the customer wants to pay', () => {
  it('still records the handover for the laptop, and the bot stays quiet once WAHA is back', async () => {
    const phone = '6281800000001';
    world.waha.down = true;
    world.model.script.push(answer({ reply: 'Admin kami segera menghubungi.', newPhase: 'BOOKING', summary: 'Mau daftar, tanya DP' }));
    await say(world, world.a, phone, 'Saya mau daftar, DP berapa dan transfer ke mana?');

    const conv = await conversationOf(world, world.a, phone);
    expect(conv).toMatchObject({ phase: 'BOOKING', handed_over: true, handover_reason: 'payment_intent' });
    const pulled = await handoversSince(world.cloud.db, world.a.businessId, 0);
    expect(pulled.map((h) => [h.phone, h.stage, h.reason, h.summary])).toEqual([['+6281800000001', 'booking', 'payment_intent', 'Mau daftar, tanya DP']]);
    // Nothing went out, so no outgoing message is on the trail.
    expect((await messagesOf(world, world.a, conv!.id)).map((m) => m.direction)).toEqual(['in']);

    // Back up: the next message is the person's to answer, not the bot's.
    world.waha.down = false;
    const calls = world.model.requests.length;
    await say(world, world.a, phone, 'halo?');
    expect(world.model.requests.length).toBe(calls);
    expect(world.waha.texts(`${phone}@c.us`)).toEqual([]);
    expect(await handoversSince(world.cloud.db, world.a.businessId, pulled[0].version)).toEqual([]);
  });
});
