import { describe, expect, it } from 'vitest';
import { ok, shopWithOwner } from '../helpers';

describe('health: the integrity check made at open', () => {
  it('stands in for the first check after opening, and only that one: later calls check the file again in a worker', async () => {
    const app = await shopWithOwner();
    const runs: string[] = [];
    const jobs = app.services.jobs;
    const run = jobs.run.bind(jobs);
    jobs.run = ((kind, ...rest) => {
      runs.push(kind);
      return run(kind, ...rest);
    }) as typeof jobs.run;

    expect((await ok(app, 'health.get', {})).integrity).toBe('ok');
    expect(runs).toEqual([]);
    expect((await ok(app, 'health.get', {})).integrity).toBe('ok');
    expect(runs).toEqual(['db.check']);
  });
});
