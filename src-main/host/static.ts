import { createReadStream, existsSync, statSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json; charset=utf-8',
};

/** Serve a file of the built renderer; unknown paths get index.html (the app routes by hash). */
export function serveStatic(root: string, urlPath: string, res: ServerResponse, headers: Record<string, string>): void {
  const index = join(root, 'index.html');
  if (!existsSync(index)) {
    res.writeHead(503, { ...headers, 'content-type': 'text/plain; charset=utf-8' });
    res.end('The user interface is not built yet. Run `npm run build`, then start again.');
    return;
  }
  let relative: string;
  try {
    relative = normalize(decodeURIComponent(urlPath)).replace(/^([/\\])+/, '');
  } catch {
    relative = '';
  }
  const candidate = join(root, relative);
  const inside = candidate === root || candidate.startsWith(root + sep);
  const file = inside && relative && existsSync(candidate) && statSync(candidate).isFile() ? candidate : index;
  const cache = file === index ? 'no-store' : 'public, max-age=31536000, immutable';
  res.writeHead(200, { ...headers, 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': cache });
  createReadStream(file).pipe(res);
}
