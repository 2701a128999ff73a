// What the browser tests start, bundled as browser mode runs it (scripts/bundle-stale.mjs): the
// host, its job worker and the import's reading thread run plain JavaScript, not TypeScript
// compiled by tsx in each thread as they load.
export { openApp, type App } from '../src-main/app';
export { startHost, type Host } from '../src-main/host/server';
