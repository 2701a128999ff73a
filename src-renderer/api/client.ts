import type { Channel, ChannelInput, ChannelOutput, EventName, EventPayload } from '../../src-shared/contract';
import type { ErrorCode, Result } from '../../src-shared/errors';
import i18n from '../i18n';
import { AccessLostError, transport } from './transport';

/** A call the main process answered with `ok: false`; the message is already a sentence for people. */
export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode | 'NETWORK',
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** Who to tell when a call finds the session gone or locked (the session provider refreshes app status). */
let onSessionLost: (() => void) | null = null;

export function setSessionLostHandler(handler: (() => void) | null): void {
  onSessionLost = handler;
}

export function call<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
  return settle(channel, () => transport.invoke(channel, input));
}

/** A channel's answer as data, or the ApiError a page shows; `send` is how the request travels. */
export async function settle<C extends Channel>(channel: C, send: () => Promise<Result<unknown>>): Promise<ChannelOutput<C>> {
  let result;
  try {
    result = await send();
  } catch (error) {
    if (error instanceof AccessLostError) throw new ApiError('UNAUTHENTICATED', error.message);
    throw new ApiError('NETWORK', i18n.t('errors.network'));
  }
  if (result.ok) return result.data as ChannelOutput<C>;
  const { code, message, details } = result.error;
  if ((code === 'UNAUTHENTICATED' || code === 'SESSION_LOCKED') && channel !== 'app.status') onSessionLost?.();
  throw new ApiError(code, message, details);
}

export function onEvent<E extends EventName>(event: E, callback: (payload: EventPayload<E>) => void): () => void {
  return transport.on(event, (payload) => callback(payload as EventPayload<E>));
}

/** Field errors of a VALIDATION_ERROR: `[{ path: 'phone', message: 'Nomor HP tidak valid…' }]`. */
export function validationIssues(error: unknown): { path: string; message: string }[] {
  if (!(error instanceof ApiError) || error.code !== 'VALIDATION_ERROR') return [];
  const issues = error.details?.issues;
  if (!Array.isArray(issues)) return [];
  return issues.filter(
    (issue): issue is { path: string; message: string } =>
      typeof issue === 'object' && issue !== null && typeof issue.path === 'string' && typeof issue.message === 'string',
  );
}
