import { useSyncExternalStore } from 'react';

/**
 * A tiny hash router: `#/customers/42?tab=x` → `{ segments: ['customers', '42'], query }`.
 * Hash routes work the same from app:// in Electron and from the browser host.
 */
export interface Route {
  segments: string[];
  query: URLSearchParams;
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

const readHash = () => window.location.hash;

export function parseHash(hash: string): Route {
  const raw = hash.replace(/^#\/?/, '');
  const [path, search = ''] = raw.split('?');
  const segments = path.split('/').filter(Boolean).map(decodeURIComponent);
  return { segments, query: new URLSearchParams(search) };
}

export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, readHash);
  return parseHash(hash);
}

/** `href('customers', id)` → `#/customers/<id>`, for links that open with a normal click. */
export function href(...segments: string[]): string {
  return `#/${segments.map(encodeURIComponent).join('/')}`;
}

export function navigate(...segments: string[]): void {
  window.location.hash = href(...segments);
}

/** `hrefWith({ runId: 'x', r: 5 }, 'rfm', 'segment', 'champions')` → `#/rfm/segment/champions?runId=x&r=5`; empty values are left out. */
export function hrefWith(query: Record<string, string | number | null | undefined>, ...segments: string[]): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  const search = params.toString();
  return search ? `${href(...segments)}?${search}` : href(...segments);
}
