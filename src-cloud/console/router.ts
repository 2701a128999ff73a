import { useSyncExternalStore } from 'react';

/**
 * A tiny history router: `/businesses/42?tab=x` → `{ segments: ['businesses', '42'], query }`. The
 * server answers every non-`/api` path with index.html, so a deep link or a reload lands here.
 */
export interface Route {
  segments: string[];
  query: URLSearchParams;
}

const CHANGE = 'sma-console-navigate';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange);
  window.addEventListener(CHANGE, onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(CHANGE, onChange);
  };
}

const readLocation = () => window.location.pathname + window.location.search;

export function parsePath(location: string): Route {
  const [path, search = ''] = location.split('?');
  const segments = path.split('/').filter(Boolean).map(decodeURIComponent);
  return { segments, query: new URLSearchParams(search) };
}

export function useRoute(): Route {
  return parsePath(useSyncExternalStore(subscribe, readLocation));
}

export function href(...segments: string[]): string {
  return `/${segments.map(encodeURIComponent).join('/')}`;
}

export function navigate(path: string, options: { replace?: boolean } = {}): void {
  if (options.replace) window.history.replaceState(null, '', path);
  else window.history.pushState(null, '', path);
  window.dispatchEvent(new Event(CHANGE));
}

/** For `<a href>` links: a plain click navigates in place, a modified click opens a tab as usual. */
export function linkClick(path: string) {
  return (event: React.MouseEvent) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(path);
  };
}
