import type { Channel, EventName } from '../../src-shared/contract';
import type { Result } from '../../src-shared/errors';

/** What the Electron preload exposes, and what the browser transport imitates over HTTP. */
export interface Transport {
  invoke(channel: Channel, input: unknown): Promise<Result<unknown>>;
  on(event: EventName, callback: (payload: unknown) => void): () => void;
  /** Electron only: files.upload for a file on disk, read by the main process; null when the File has no path. */
  uploadFromDisk?(file: File): Promise<Result<unknown>> | null;
}

declare global {
  interface Window {
    sma?: Transport;
  }
}

/** Raised when the host answers 401: the browser lost its access cookie and must reopen the link. */
export class AccessLostError extends Error {
  constructor() {
    super('access-lost');
    this.name = 'AccessLostError';
  }
}

let accessLost = false;
/** Called when access is lost, so the event stream stops retrying against a closed door. */
let stopEvents: (() => void) | null = null;
const accessListeners = new Set<() => void>();

export function isAccessLost(): boolean {
  return accessLost;
}

export function subscribeAccessLost(listener: () => void): () => void {
  accessListeners.add(listener);
  return () => accessListeners.delete(listener);
}

function markAccessLost(): void {
  if (accessLost) return;
  accessLost = true;
  stopEvents?.();
  accessListeners.forEach((listener) => listener());
}

type Listener = (payload: unknown) => void;

/** JSON cannot carry bytes: a file travels as the raw request body, its name in the query. */
function uploadRequest(input: { name: string; bytes: Uint8Array<ArrayBuffer> }, language: string): Promise<Response> {
  return fetch(`/api/upload?name=${encodeURIComponent(input.name)}`, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'Content-Type': 'application/octet-stream', 'X-SMA-Language': language },
    body: input.bytes,
  });
}

function httpTransport(): Transport {
  const listeners = new Map<string, Set<Listener>>();
  let source: EventSource | null = null;

  const ensureSource = () => {
    if (source || accessLost) return;
    source = new EventSource('/api/events', { withCredentials: true });
    stopEvents = () => source?.close();
    source.onmessage = (message: MessageEvent<string>) => {
      let parsed: { name?: string; payload?: unknown };
      try {
        parsed = JSON.parse(message.data) as { name?: string; payload?: unknown };
      } catch {
        return;
      }
      if (!parsed.name) return;
      listeners.get(parsed.name)?.forEach((listener) => listener(parsed.payload));
    };
  };

  return {
    async invoke(channel, input) {
      const language = document.documentElement.lang || 'id';
      const response =
        channel === 'files.upload'
          ? await uploadRequest(input as { name: string; bytes: Uint8Array<ArrayBuffer> }, language)
          : await fetch(`/api/invoke/${channel}`, {
              method: 'POST',
              credentials: 'same-origin',
              // Errors before login (wrong password, setup) come back in the language on screen.
              headers: { 'Content-Type': 'application/json', 'X-SMA-Language': language },
              body: JSON.stringify(input ?? {}),
            });
      if (response.status === 401) {
        markAccessLost();
        throw new AccessLostError();
      }
      return (await response.json()) as Result<unknown>;
    },
    on(event, callback) {
      ensureSource();
      const set = listeners.get(event) ?? new Set<Listener>();
      set.add(callback);
      listeners.set(event, set);
      return () => set.delete(callback);
    },
  };
}

export const transport: Transport = window.sma ?? httpTransport();
