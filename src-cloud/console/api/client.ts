import type { z } from 'zod';
import { CONSOLE_HEADER, CONSOLE_HEADER_VALUE } from '../../../src-shared/cloud/admin-api';
import i18n from '../i18n';

/** An answer of the cloud other than 2xx: its code, and a sentence in the language on screen. */
export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** Who to tell when a call finds the session gone (the session provider shows the login page). */
let onSessionLost: (() => void) | null = null;
export function setSessionLostHandler(handler: (() => void) | null): void {
  onSessionLost = handler;
}

/**
 * The server's sentences are English; the codes people meet often get the console's own words, in
 * either language. Validation and conflict messages name the field or the clash, so they stay.
 */
function plainWords(code: string, serverMessage: string, body: Record<string, unknown>): string {
  if (code === 'THROTTLED' && typeof body.retryAfterSeconds === 'number') {
    return i18n.t('errors.THROTTLED_WAIT', { minutes: Math.max(1, Math.ceil(body.retryAfterSeconds / 60)) });
  }
  if (code === 'UNAUTHENTICATED' || code === 'FORBIDDEN' || code === 'NOT_FOUND' || code === 'THROTTLED' || code === 'SUSPENDED' || code === 'INTERNAL') {
    return i18n.t(`errors.${code}`);
  }
  return serverMessage || i18n.t('errors.unknown');
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * One call to the cloud, same origin with the session cookie. Writes carry the console header the
 * API asks of every write (a form posted from another site cannot set it). The answer is parsed
 * with the route's own schema, so a change of shape shows up here and not as `undefined` on screen.
 */
export async function api<S extends z.ZodType>(method: Method, path: string, schema: S, body?: unknown): Promise<z.infer<S>> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (method !== 'GET') headers[CONSOLE_HEADER] = CONSOLE_HEADER_VALUE;
  // A write without a payload still sends `{}`: the routes parse every body as a strict object.
  if (method !== 'GET') body ??= {};
  if (body !== undefined) headers['content-type'] = 'application/json';
  let res: Response;
  try {
    res = await fetch(path, { method, headers, credentials: 'same-origin', body: body === undefined ? undefined : JSON.stringify(body) });
  } catch {
    throw new ApiError('NETWORK', i18n.t('errors.network'), 0);
  }
  const text = await res.text();
  let json: unknown = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = null;
  }
  if (!res.ok) {
    const errorBody = (json && typeof json === 'object' ? json : {}) as Record<string, unknown>;
    const code = typeof errorBody.error === 'string' ? errorBody.error : res.status >= 500 ? 'INTERNAL' : 'UNKNOWN';
    const message = typeof errorBody.message === 'string' ? errorBody.message : '';
    if (code === 'UNAUTHENTICATED' && !path.endsWith('/login')) onSessionLost?.();
    throw new ApiError(code, plainWords(code, message, errorBody), res.status, errorBody);
  }
  return schema.parse(json);
}
