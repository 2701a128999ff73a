import { describe, expect, it } from 'vitest';
import { BUSY_TIMEOUT_MS } from '../../src-main/db/open';
import { ok, shopWithOwner } from '../helpers';
import { DATASETS, importFile } from './harness';

describe('while an import holds the write lock', () => {
  it('the main connection waits a moment for it, not the full busy timeout; the RFM run after it, which only writes its result, changes nothing', async () => {
    const app = await shopWithOwner();
    const busyTimeout = () => app.services.sqlite.pragma('busy_timeout', { simple: true }) as number;
    const seen = new Map<string, number[]>();
    const ended = new Set<string>();
    const waiting = new Map<string, () => void>();
    // Progress events arrive while their job is still running (its end comes after them, in order).
    const stop = app.services.events.subscribe((event) => {
      const kind = (event.payload as { kind: string }).kind;
      if (event.name === 'job.progress') seen.set(kind, [...(seen.get(kind) ?? []), busyTimeout()]);
      if (event.name === 'job.finished') {
        ended.add(kind);
        waiting.get(kind)?.();
      }
    });
    const finished = (kind: string) => new Promise<void>((resolve) => (ended.has(kind) ? resolve() : waiting.set(kind, resolve)));
    expect(busyTimeout()).toBe(BUSY_TIMEOUT_MS);
    const { report } = await importFile(app, `${DATASETS}rsquaredacademy_rfm_data_orders.csv`, 'transactions', {}, (i) => ({
      ...i.mapping,
      customer_name: null,
    }));
    expect(report.status).toBe('completed');
    expect(busyTimeout()).toBe(BUSY_TIMEOUT_MS);
    await finished('rfm.run'); // the run a completed import starts
    await ok(app, 'import.undo', { uploadId: report.uploadId as string });
    stop();
    expect(seen.get('import.run')?.length).toBeGreaterThan(1);
    expect(new Set(seen.get('import.run'))).toEqual(new Set([250]));
    expect(new Set(seen.get('import.undo'))).toEqual(new Set([250]));
    expect(new Set(seen.get('rfm.run'))).toEqual(new Set([BUSY_TIMEOUT_MS]));
    expect(busyTimeout()).toBe(BUSY_TIMEOUT_MS);
    // A save now goes through as usual.
    await ok(app, 'customers.create', { name: 'Pelanggan Baru' });
  });
});
