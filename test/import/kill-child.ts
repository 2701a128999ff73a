// Runs one import in its own process and says when it is writing, so a test can kill it mid-way.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { openApp } from '../../src-main/app';

const [dbPath, file] = process.argv.slice(2);
const app = await openApp({ dbPath });
const origin = { clientId: 'child' };
await app.call('auth.login', { username: 'sari', password: 'rahasia-toko-123' }, origin);
let announced = false;
app.services.events.subscribe((event) => {
  const payload = event.payload as { phase?: string; done?: number };
  if (event.name === 'job.progress' && payload.phase === 'import' && (payload.done ?? 0) > 0 && !announced) {
    announced = true;
    process.stdout.write('WRITING\n');
  }
});
const staged = (await app.call('files.upload', { name: basename(file), bytes: readFileSync(file) }, origin)) as { ok: true; data: { fileId: string } };
const inspected = (await app.call('import.inspect', { fileId: staged.data.fileId, kind: 'transactions' }, origin)) as {
  ok: true;
  data: { headerRow: number; mapping: Record<string, number | null> };
};
await app.call(
  'import.commit',
  { fileId: staged.data.fileId, kind: 'transactions', headerRow: inspected.data.headerRow, mapping: inspected.data.mapping },
  origin,
);
process.stdout.write('FINISHED\n');
