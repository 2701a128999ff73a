import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONVERSATIONS } from './conversations.fixture';
import { conversationOf, say, startWorld, type World } from './harness';

let world: World;
beforeAll(async () => {
  world = await startWorld({ debounceMs: 20 });
});
afterAll(async () => world.close());

describe('the scripted conversation set', () => {
  it(`has at least 30 conversations`, () => {
    expect(CONVERSATIONS.length).toBeGreaterThanOrEqual(30);
  });

  it('matches the expected phase, handover and reply at every step', async () => {
    const misses: string[] = [];
    let steps = 0;
    for (const [n, convo] of CONVERSATIONS.entries()) {
      const phone = `62813${String(n).padStart(8, '0')}`;
      const chat = `${phone}@c.us`;
      for (const [i, step] of convo.steps.entries()) {
        steps += 1;
        const sendsBefore = world.waha.sends(chat).length;
        const callsBefore = world.model.requests.length;
        if (step.model) world.model.script.push(step.model);
        await say(world, world.a, phone, step.say);
        const conv = await conversationOf(world, world.a, phone);
        const got = {
          phase: conv?.phase,
          handover: conv?.handed_over ? conv.handover_reason : null,
          replied: world.waha.sends(chat).length > sendsBefore,
          // A scripted answer is used exactly when the bot is expected to ask the model.
          modelCalls: world.model.requests.length - callsBefore,
        };
        const want = { phase: step.phase, handover: step.handover, replied: step.replied, modelCalls: step.model ? 1 : 0 };
        if (JSON.stringify(got) !== JSON.stringify(want))
          misses.push(`${convo.name} #${i + 1} "${step.say}": got ${JSON.stringify(got)}, want ${JSON.stringify(want)}`);
        world.model.script.length = 0;
      }
    }
    const score = `${steps - misses.length}/${steps}`;
    expect(misses, `score ${score}`).toEqual([]);
    expect(steps).toBeGreaterThanOrEqual(70);
  });
});
