// `npm run cloud` (node --import tsx scripts/cloud.mjs): builds the console if a source changed, then
// starts the cloud (src-cloud/main.ts) in this process, with the arguments given after `--`.
import { ensureConsoleBuilt } from './console-build.mjs';

await ensureConsoleBuilt();
await import(new URL('../src-cloud/main.ts', import.meta.url).href);
