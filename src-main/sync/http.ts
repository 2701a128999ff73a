import { z } from 'zod';
import { gapResponse, syncPosition, type SyncPosition } from '../../src-shared/sync/protocol';

/** How a request to the cloud ended, in the terms the client acts on (SYNC.md "Retry"). */
export type CloudFailure =
  | { kind: 'offline'; message: string; retryAfterMs?: number } // network error, timeout, 5xx, 429: resend later
  | { kind: 'unauthorised'; message: string } // 401: enrol again, keep every change
  | { kind: 'suspended'; message: string } // 403
  | { kind: 'gap'; message: string; expected: SyncPosition } // 409: resend from expected
  | { kind: 'refused'; status: number; message: string }; // another 4xx: a bug on one side

export class CloudRequestError extends Error {
  constructor(readonly failure: CloudFailure) {
    super(failure.message);
  }
}

const errorBody = z.object({ error: z.string(), message: z.string() }).loose();

export const REQUEST_TIMEOUT_MS = 30_000;

/** One JSON request; every failure becomes a CloudRequestError the caller can act on. */
export async function cloudRequest<T>(
  baseUrl: string,
  method: 'GET' | 'POST',
  path: string,
  token: string | null,
  body: unknown,
  output: z.ZodType<T>,
  timeoutMs = REQUEST_TIMEOUT_MS,
): Promise<T> {
  let res: Response;
  try {
    res = await fetch(new URL(path, baseUrl), {
      method,
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    const timedOut = error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
    throw new CloudRequestError({ kind: 'offline', message: timedOut ? 'the server did not answer in time' : 'the server cannot be reached' });
  }
  const text = await res.text().catch(() => '');
  let json: unknown = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = null;
  }
  if (res.ok) {
    const parsed = output.safeParse(json);
    if (!parsed.success)
      throw new CloudRequestError({ kind: 'refused', status: res.status, message: 'the server answered in a form this version does not understand' });
    return parsed.data;
  }
  const message = errorBody.safeParse(json).data?.message ?? `HTTP ${res.status}`;
  if (res.status === 429) {
    // Throttled: the server says how long to wait (seconds); a missing or odd header means a second.
    const seconds = Number(res.headers.get('retry-after'));
    throw new CloudRequestError({ kind: 'offline', message, retryAfterMs: Number.isFinite(seconds) && seconds > 0 ? Math.min(seconds, 300) * 1000 : 1000 });
  }
  if (res.status >= 500) throw new CloudRequestError({ kind: 'offline', message });
  if (res.status === 401) throw new CloudRequestError({ kind: 'unauthorised', message });
  if (res.status === 403) throw new CloudRequestError({ kind: 'suspended', message });
  if (res.status === 409) {
    const gap = gapResponse.safeParse(json);
    if (gap.success) throw new CloudRequestError({ kind: 'gap', message, expected: syncPosition.parse(gap.data.expected) });
  }
  throw new CloudRequestError({ kind: 'refused', status: res.status, message });
}
