import { contract, isChannel } from '../src-shared/contract';
import { AppError, ERROR_CODES, type ErrorCode, type Result } from '../src-shared/errors';
import { translator } from '../src-shared/i18n/messages';
import { canCall, permissions } from '../src-shared/permissions';
import type { Language } from '../src-shared/schemas/auth';
import { resolveSession } from './auth/sessions';
import type { AppServices, Ctx } from './core/context';
import { parseInput } from './core/validation';
import { handlers } from './handlers';
import { JobFailed } from './jobs/runner';
import { sqliteErrorCode } from './db/errors';
import type { Translate } from '../src-shared/i18n/messages';

/** Where a call comes from: a window (Electron) or a browser tab (host), each its own client. */
export interface CallOrigin {
  clientId: string;
  /** The language to answer in before anyone is logged in (first run, login screen). */
  language?: Language;
  /** Answer in `language` even once someone is logged in (the CLI: one language per run). */
  keepLanguage?: boolean;
}

/**
 * A write that lost to another, on the main thread or in a job's worker: a race the feature's own
 * check could not see (two windows saving the same code at once), or the write lock an import holds
 * until it commits (a change made meanwhile waits, then says so).
 */
function lostWrite(code: string | null, t: Translate): { code: ErrorCode; message: string } | null {
  if (code === 'SQLITE_CONSTRAINT_UNIQUE') return { code: 'CONFLICT', message: t('err.conflict') };
  if (code === 'SQLITE_BUSY') return { code: 'CONFLICT', message: t('err.busy') };
  return null;
}

/**
 * The one entry to the main process for every transport (Electron IPC, the HTTP host, tests, CLI):
 * find the caller's session, check the role table, parse the input with the channel's strict
 * schema, run the handler, and answer `{ ok, data }` or `{ ok: false, error }` in the caller's
 * language. Unexpected errors are logged here and reach the user as a plain sentence.
 */
export async function dispatch(
  app: AppServices,
  channel: string,
  rawInput: unknown,
  origin: CallOrigin,
  options: { checkOutput?: boolean } = {},
): Promise<Result<unknown>> {
  let language: Language = origin.language ?? 'id';
  let t = translator(language);
  try {
    if (!isChannel(channel)) throw new AppError('UNKNOWN_CHANNEL', t('err.unknownChannel', { channel: channel.slice(0, 60) }));
    const access = permissions[channel];
    const session = await resolveSession(app, origin.clientId, t).catch((error: unknown) => {
      // The expired session has just been ended; a public call (logging in again) goes on without it.
      if (access === 'public' && error instanceof AppError && error.code === 'UNAUTHENTICATED') return null;
      throw error;
    });
    if (session && !(origin.keepLanguage && origin.language)) {
      language = session.user.language;
      t = translator(language);
    }
    if (access !== 'public') {
      if (!session) throw new AppError('UNAUTHENTICATED', t('err.unauthenticated'));
      if (session.locked && access !== 'session') throw new AppError('SESSION_LOCKED', t('err.locked'));
      if (!canCall(access, session.user.role))
        throw new AppError('FORBIDDEN', t('err.forbidden', { role: t(`role.${session.user.role}`) }), { role: session.user.role, channel });
    }
    const input = parseInput(contract[channel].input, rawInput ?? {}, language);
    const ctx: Ctx = {
      ...app,
      userId: session?.user.id ?? null,
      clientId: origin.clientId,
      user: session?.user ?? null,
      sessionId: session?.sessionId ?? null,
      language,
      t,
    };
    const handler = handlers[channel] as (input: unknown, ctx: Ctx) => unknown;
    const data = await handler(input, ctx);
    if (options.checkOutput) contract[channel].output.parse(data);
    return { ok: true, data };
  } catch (error) {
    if (error instanceof AppError) return { ok: false, error: error.toShape() };
    if (error instanceof JobFailed) {
      if (error.cancelled) return { ok: false, error: { code: 'CANCELLED', message: t('err.cancelled') } };
      // A job's AppError keeps its code and sentence; anything else is logged, not shown raw.
      if (error.code && (ERROR_CODES as readonly string[]).includes(error.code))
        return { ok: false, error: { code: error.code as ErrorCode, message: error.message, ...(error.details ? { details: error.details } : {}) } };
      const lost = lostWrite(error.sqliteCode ?? null, t);
      if (lost) return { ok: false, error: lost };
      console.error(`[dispatch] ${channel} job failed:`, error.message);
      return { ok: false, error: { code: 'INTERNAL', message: t('err.internal') } };
    }
    const lost = lostWrite(sqliteErrorCode(error), t);
    if (lost) return { ok: false, error: lost };
    // Log the channel and the error, never the input: it may hold a password.
    console.error(`[dispatch] ${channel} failed:`, error);
    return { ok: false, error: { code: 'INTERNAL', message: t('err.internal') } };
  }
}
