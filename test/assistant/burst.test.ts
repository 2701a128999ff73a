import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answer } from './fake-model';
import { conversationOf, messagesOf, startWorld, type World } from './harness';

/**
 * The burst case in a world of its own. The window is wider than the production one (1.5 s) so that
 * five deliveries always fall inside it, however busy the machine running the test is: what is
 * checked is that messages inside one window get one reply built from all of them.
 */
const WINDOW_MS = 3000; // the harness caps the wait at 3 s after the first message
let world: World;
beforeAll(async () => {
  world = await startWorld({ debounceMs: WINDOW_MS });
});
afterAll(async () => world.close());

const chat = (phone: string) => `${phone}@c.us`;

describe('rapid messages', () => {
  it('answers five messages written in quick succession with one reply built from all of them', async () => {
    const phone = '6281200000006';
    const calls = world.model.requests.length;
    world.model.script.push(answer({ reply: 'Untuk 4 orang bulan April, paket April Plus cocok.' }));
    const lines = ['Halo', 'mau umroh', 'berangkat 4 orang', 'bulan April', 'ada paket?'];
    const started = Date.now();
    for (const line of lines) {
      const res = await world.waha.deliver(world.a.webhook, world.a.hmacKey, { from: chat(phone), body: line });
      expect(res.status).toBe(200);
    }
    expect(Date.now() - started).toBeLessThan(WINDOW_MS); // the premise: all five inside one window
    await world.assistant.idle();
    expect(world.model.requests.length).toBe(calls + 1);
    expect(world.model.lastUserText()).toBe(lines.join('\n'));
    expect(world.waha.texts(chat(phone))).toEqual(['Untuk 4 orang bulan April, paket April Plus cocok.']);
    const conv = await conversationOf(world, world.a, phone);
    const messages = await messagesOf(world, world.a, conv!.id);
    expect(messages.filter((m) => m.direction === 'in' && m.handled_at !== null)).toHaveLength(5);
  });
});
