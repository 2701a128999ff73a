// Copied into each bundle's folder by scripts/bundle-stale.mjs. Runs one of its CommonJS bundles
// with V8's code cache (Node 20 has no module compile cache): the first run saves what V8 compiled
// next to the bundle, and every later run, in the main thread or a worker, skips parsing and
// compiling those functions again: about half of the time a bundle takes to load.
import { createHash } from 'node:crypto';
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Script } from 'node:vm';

/**
 * Node warns about `new Buffer()` only when it is called from outside node_modules, and a bundle
 * is outside: archiver (exceljs writing a workbook) would print DEP0005 in the middle of the
 * output as if it were the app's own call. That one warning is left out; every other stays.
 */
function quietBufferWarning() {
  const emitWarning = process.emitWarning;
  process.emitWarning = function (warning, ...rest) {
    const code = typeof rest[0] === 'object' && rest[0] !== null ? rest[0].code : rest[1];
    if (code === 'DEP0005') return;
    return emitWarning.call(this, warning, ...rest);
  };
}

/** V8 checks a cache against the source's length only: the cache starts with the source's hash. */
const HASH_BYTES = 20;

export function runCached(name) {
  quietBufferWarning();
  const file = join(dirname(fileURLToPath(import.meta.url)), name);
  const cacheFile = `${file}.v8cache`;
  const source = readFileSync(file, 'utf8');
  const hash = createHash('sha1').update(source).digest();
  let cachedData;
  try {
    const saved = readFileSync(cacheFile);
    if (saved.subarray(0, HASH_BYTES).equals(hash)) cachedData = saved.subarray(HASH_BYTES);
  } catch {
    // first run
  }
  const script = new Script(Module.wrap(source), { filename: file, cachedData });
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(file), module, file, dirname(file));
  if (!cachedData || script.cachedDataRejected) {
    // Written aside and renamed: a CLI starting meanwhile reads a whole cache or none.
    const temporary = `${cacheFile}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
    try {
      writeFileSync(temporary, Buffer.concat([hash, script.createCachedData()]));
      renameSync(temporary, cacheFile);
    } catch {
      rmSync(temporary, { force: true });
    }
  }
  return module.exports;
}
