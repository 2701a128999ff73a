import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answer } from './fake-model';
import { conversationOf, messagesOf, startWorld, type World } from './harness';

/**
 * The burst case in a world of its own, with a one-second window: the guarantee is about messages
 * written within a second, and a window that short in the other files would make this depend on
 * how busy the machine is.
 */
let world: World;
beforeAll(async () => {
  world = await startWorld({ debounceMs: 1000 });
});
afterAll(async () => world.close());

const chat = (phone: string) => `${phone}@c.us`;

describe('rapid messages', () => {
  it('answers five messages written within a second with one reply built from all of them', async () => {
    const phone = '6281200000006';
    const calls = world.model.requests.length;
    world.model.script.push(answer({ reply: 'Untuk 4 orang bulan April, paket April Plus cocok.' }));
    const lines = ['Halo', 'mau umroh', 'berangkat 4 orang', 'bulan April', 'ada paket?'];
    const started = Date.now();
    for (const line of lines) {
      const res = await world.waha.deliver(world.a.webhook, world.a.hmacKey, { from: chat(phone), body: line });
      expect(res.status).toBe(200);
    }
    expect(Date.now() - started).toBeLessThan(1000);
    await world.assistant.idle();
    expect(world.model.requests.length).toBe(calls + 1);
    expect(world.model.lastUserText()).toBe(lines.join('\n'));
    expect(world.waha.texts(chat(phone))).toEqual(['Untuk 4 orang bulan April, paket April Plus cocok.']);
    const conv = await conversationOf(world, world.a, phone);
    const messages = await messagesOf(world, world.a, conv!.id);
    expect(messages.filter((m) => m.direction === 'in' && m.handled_at !== null)).toHaveLength(5);
  });

});
