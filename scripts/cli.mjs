// `npm run cli`: the command line from its bundle (dist/cli/), built on first use and again after a
// change to a file it was built from (scripts/bundle-stale.mjs). Compiling TypeScript at each start
// took seconds.
import { pathToFileURL } from 'node:url';
import { ensureCliBundle } from './bundle-stale.mjs';

// npm runs a script in the package's folder; paths on the command line are the user's, relative to
// where they typed it (npm --prefix <checkout> run -s cli -- … from a folder of their own, too).
if (process.env.npm_lifecycle_event === 'cli' && process.env.INIT_CWD) process.chdir(process.env.INIT_CWD);

let entry;
try {
  entry = await ensureCliBundle();
} catch (error) {
  // esbuild has printed what is wrong in which source.
  console.error(`The command line could not be built: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
  process.exit(1);
}
await import(pathToFileURL(entry).href);
