import BetterSqlite3 from 'better-sqlite3';
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rowCount, shopWithOwner, tempDir } from '../helpers';
import { DATASETS, importFile } from './harness';

describe('after a job', () => {
  it("its own thread copies the WAL into the database file, so the main connection's next commit has nothing to copy", async () => {
    const app = await shopWithOwner();
    let rfmEnded!: () => void;
    const rfmDone = new Promise<void>((resolve) => (rfmEnded = resolve));
    const stop = app.services.events.subscribe((event) => {
      if (event.name === 'job.finished' && (event.payload as { kind: string }).kind === 'rfm.run') rfmEnded();
    });
    // Small jobs: SQLite's own automatic checkpoint waits for 1,000 WAL pages, so without the jobs'
    // checkpoint at least the RFM run's rows would be in the WAL only.
    const { report } = await importFile(app, `${DATASETS}rsquaredacademy_rfm_data_orders.csv`, 'transactions', {}, (i) => ({
      ...i.mapping,
      customer_name: null,
    }));
    expect(report.status).toBe('completed');
    await rfmDone; // the run a completed import starts
    stop();
    await app.services.jobs.threadsEnded();

    // The database file alone, without its WAL: what a checkpoint has copied into it.
    const copy = join(tempDir(), 'file-only.sqlite');
    copyFileSync(app.services.dbPath, copy);
    const fileOnly = new BetterSqlite3(copy, { readonly: true });
    try {
      const sales = rowCount(app, 'transactions');
      expect(sales).toBe(4906);
      expect((fileOnly.prepare('SELECT COUNT(*) AS n FROM transactions').get() as { n: number }).n).toBe(sales);
      expect((fileOnly.prepare('SELECT COUNT(*) AS n FROM rfm_runs').get() as { n: number }).n).toBe(rowCount(app, 'rfm_runs'));
    } finally {
      fileOnly.close();
    }
  });
});
