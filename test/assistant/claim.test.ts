import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerConversation } from '../../src-cloud/assistant/engine';
import { WahaGateway } from '../../src-cloud/assistant/waha-gateway';
import { answer } from './fake-model';
import { conversationOf, messagesOf, startWorld, type World } from './harness';

/**
 * Two runs of one conversation at once, as two cloud instances behind a load balancer would start
 * them: the queue's window is long enough that only the direct calls below run.
 */
let world: World;
beforeAll(async () => {
  world = await startWorld({ debounceMs: 600_000 });
});
afterAll(async () => world.close());

describe('two runs of one conversation at once', () => {
  it('answer each message once: the second run finds it claimed', async () => {
    const phone = '6281600000001';
    const res = await world.waha.deliver(world.a.webhook, world.a.hmacKey, { from: `${phone}@c.us`, body: 'halo, paket april?' });
    expect(res.body).toEqual({ stored: true, ignored: null });
    const conv = await conversationOf(world, world.a, phone);
    world.model.script.push(answer({ reply: 'Paket April Plus tersedia.' }), answer({ reply: 'jawaban kedua yang tidak boleh terkirim' }));
    world.model.delayMs = 300;
    const deps = {
      db: world.cloud.db,
      key: world.key,
      now: () => world.cloud.clock.now,
      gatewayFor: () => new WahaGateway({ baseUrl: world.waha.baseUrl, session: 'default', apiKey: world.waha.apiKey }),
    };
    await Promise.all([answerConversation(deps, world.a.businessId, conv!.id), answerConversation(deps, world.a.businessId, conv!.id)]);
    expect(world.waha.texts(`${phone}@c.us`)).toEqual(['Paket April Plus tersedia.']);
    expect(world.model.requests).toHaveLength(1);
    expect((await messagesOf(world, world.a, conv!.id)).map((m) => m.direction)).toEqual(['in', 'out']);
  });
});
