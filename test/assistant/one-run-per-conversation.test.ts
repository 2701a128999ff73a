import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerConversation, type EngineDeps } from '../../src-cloud/assistant/engine';
import { withAssistant } from '../../src-cloud/assistant/schema';
import { WahaGateway } from '../../src-cloud/assistant/waha-gateway';
import { answer } from './fake-model';
import { conversationOf, handoversOf, messagesOf, startWorld, type World } from './harness';

/**
 * Runs of one conversation on two cloud instances (direct calls; the queue's window is long enough
 * that it starts none itself). Each holds something back until the test lets it go, so the order of
 * events is the test's, not the timer's.
 */
let world: World;
beforeAll(async () => {
  world = await startWorld({ debounceMs: 600_000 });
});
afterAll(async () => world.close());

const chat = (phone: string) => `${phone}@c.us`;
const gate = () => {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open, opened };
};
/** Waits for a state, never for a fixed time. */
async function until(check: () => boolean | Promise<boolean>): Promise<void> {
  for (let i = 0; i < 500; i++) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error('the state never came');
}
/** An instance's engine whose gateway waits for `hold` before the given step. */
const instance = (step: 'sendText' | 'startTyping' | null, hold: Promise<void>, reached: () => void = () => undefined): EngineDeps => ({
  db: world.cloud.db,
  key: world.key,
  now: () => world.cloud.clock.now,
  gatewayFor: () => {
    const g = new WahaGateway({ baseUrl: world.waha.baseUrl, session: 'default', apiKey: world.waha.apiKey });
    if (step) {
      const original = g[step].bind(g) as (...args: unknown[]) => Promise<unknown>;
      (g as unknown as Record<string, unknown>)[step] = async (...args: unknown[]) => {
        reached();
        await hold;
        return original(...args);
      };
    }
    return g;
  },
});

describe('one run at a time per conversation, across instances', () => {
  it('a second instance leaves its message to the running one, which answers it after its own: no reply after the handover', async () => {
    const phone = '6281600000002';
    await world.waha.deliver(world.a.webhook, world.a.hmacKey, { from: chat(phone), body: 'halo, paket april?' });
    const conv = (await conversationOf(world, world.a, phone))!;
    world.model.script.push(
      answer({ reply: 'Paket April Plus tersedia.', newPhase: 'INTEREST' }),
      answer({ reply: 'Admin kami segera menghubungi.', newPhase: 'BOOKING' }),
    );
    // Instance A claims the first message; its WAHA is slow to send.
    const slow = gate();
    let sending = false;
    const a = answerConversation(
      instance('sendText', slow.opened, () => (sending = true)),
      world.a.businessId,
      conv.id,
    );
    await until(() => sending);
    // Meanwhile the customer writes again and instance B runs the conversation.
    await world.waha.deliver(world.a.webhook, world.a.hmacKey, { from: chat(phone), body: 'DP berapa?' });
    const b = answerConversation(instance(null, Promise.resolve()), world.a.businessId, conv.id);
    await b;
    slow.open();
    await a;

    expect(world.waha.texts(chat(phone))).toEqual(['Paket April Plus tersedia.', 'Admin kami segera menghubungi.']);
    expect(await conversationOf(world, world.a, phone)).toMatchObject({
      phase: 'BOOKING',
      handed_over: true,
      handover_reason: 'payment_intent',
      run_until: null,
    });
    expect((await handoversOf(world, world.a)).map((h) => [h.conversation_id, h.stage])).toEqual([[conv.id, 'booking']]);
    const trail = await messagesOf(world, world.a, conv.id);
    expect(trail.filter((m) => m.direction === 'in').map((m) => [m.body, m.handled_at !== null])).toEqual([
      ['halo, paket april?', true],
      ['DP berapa?', true],
    ]);
    expect(trail.filter((m) => m.direction === 'out').map((m) => [m.body, m.phase_before, m.phase_after])).toEqual([
      ['Paket April Plus tersedia.', 'LEADS', 'INTEREST'],
      ['Admin kami segera menghubungi.', 'INTEREST', 'BOOKING'],
    ]);
    expect(world.model.requests).toHaveLength(2);
  });

  it('answers past the lease of an instance that died mid-run once it has lapsed, and not before', async () => {
    const phone = '6281600000004';
    await world.waha.deliver(world.a.webhook, world.a.hmacKey, { from: chat(phone), body: 'halo' });
    const conv = (await conversationOf(world, world.a, phone))!;
    const leaseEnds = (at: string) =>
      withAssistant(world.cloud.db, world.a.businessId, (tx) =>
        tx
          .updateTable('assistant_conversations')
          .set({ run_until: sql<Date>`now() + ${at}::interval` })
          .where('id', '=', conv.id)
          .execute(),
      );
    const calls = world.model.requests.length;
    await leaseEnds('1 minute');
    await answerConversation(instance(null, Promise.resolve()), world.a.businessId, conv.id);
    expect(world.model.requests.length).toBe(calls);
    expect(world.waha.texts(chat(phone))).toEqual([]);

    await leaseEnds('-1 second');
    world.model.script.push(answer({ reply: 'Halo Kak, ada yang bisa dibantu?' }));
    await answerConversation(instance(null, Promise.resolve()), world.a.businessId, conv.id);
    expect(world.waha.texts(chat(phone))).toEqual(['Halo Kak, ada yang bisa dibantu?']);
    expect(await conversationOf(world, world.a, phone)).toMatchObject({ run_until: null });
  });

  it('a run whose conversation was handed over while the model thought sends nothing and moves no phase back', async () => {
    const phone = '6281600000003';
    await world.waha.deliver(world.a.webhook, world.a.hmacKey, { from: chat(phone), body: 'paket april masih ada?' });
    const conv = (await conversationOf(world, world.a, phone))!;
    world.model.script.push(answer({ reply: 'Masih ada, Kak.', newPhase: 'INTEREST' }));
    const thinking = gate();
    let typing = false;
    const run = answerConversation(
      instance('startTyping', thinking.opened, () => (typing = true)),
      world.a.businessId,
      conv.id,
    );
    await until(() => typing);
    // What another writer commits meanwhile (a handover at BOOKING, as a run on the lease's far side of
    // a lapse, or the console, would).
    await withAssistant(world.cloud.db, world.a.businessId, (tx) =>
      tx
        .updateTable('assistant_conversations')
        .set({ phase: 'BOOKING', handed_over: true, handover_reason: 'person_request' })
        .where('id', '=', conv.id)
        .execute(),
    );
    thinking.open();
    await run;

    expect(world.waha.texts(chat(phone))).toEqual([]);
    expect(await conversationOf(world, world.a, phone)).toMatchObject({ phase: 'BOOKING', handed_over: true, handover_reason: 'person_request' });
    expect((await messagesOf(world, world.a, conv.id)).map((m) => [m.direction, m.handled_at !== null])).toEqual([['in', true]]);
  });
});
