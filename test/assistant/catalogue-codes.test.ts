import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminCall } from '../cloud/admin-client';
import { answer } from './fake-model';
import { PACKAGES, pushCatalogue, say, startWorld, type World } from './harness';

let world: World;
beforeAll(async () => {
  world = await startWorld();
});
afterAll(async () => world.close());

describe('one campaign code given to two products by two laptops', () => {
  it('means the product changed last, in the prompt and in the console, once', async () => {
    // A second laptop of the same shop, a minute later, gives the March code to a product of its own.
    world.cloud.clock.now = new Date(world.cloud.clock.now.getTime() + 60_000);
    await pushCatalogue(world.cloud, world.a.businessId, [{ ...PACKAGES[0], name: 'Paket Umroh Maret 2025 Hemat (harga baru)', price: 26_000_000 }]);

    const shown = await adminCall(world.cloud, 'GET', `/api/admin/businesses/${world.a.businessId}/catalogue`, world.session);
    const march = (shown.body.packages as { code: string; name: string; price: number }[]).filter((p) => p.code === 'UMR_MAR_2025_HEMAT');
    expect(march).toEqual([expect.objectContaining({ name: 'Paket Umroh Maret 2025 Hemat (harga baru)', price: 26_000_000 })]);

    world.model.script.push(answer({ reply: 'Paket Maret Hemat sekarang Rp 26.000.000.' }));
    await say(world, world.a, '6281300000009', 'UMR_MAR_2025_HEMAT masih ada?');
    const system = world.model.requests.at(-1)!.body.messages[0].content;
    expect(system).toContain('- UMR_MAR_2025_HEMAT: Paket Umroh Maret 2025 Hemat (harga baru), Rp 26.000.000');
    expect(system.match(/- UMR_MAR_2025_HEMAT:/g)).toHaveLength(1);
  });
});
