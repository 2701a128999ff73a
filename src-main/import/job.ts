import { AppError } from '../../src-shared/errors';
import { translator } from '../../src-shared/i18n/messages';
import type { Language } from '../../src-shared/schemas/auth';
import type { ImportReport, InspectOutput } from '../../src-shared/schemas/import';
import type { JobCtx } from '../jobs/types';
import { inspectFile, type InspectParams } from './inspect';
import { ImportFileError } from './read/errors';
import { runImport, type RunParams } from './run';

/** A file that cannot be read becomes a plain sentence in the user's language. */
async function explained<T>(language: Language, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof ImportFileError)
      throw new AppError('VALIDATION_ERROR', translator(language)(`file.${error.problem}`, error.vars), { problem: error.problem });
    throw error;
  }
}

export function inspectJob(params: InspectParams & { language: Language }, ctx: JobCtx): Promise<InspectOutput> {
  return explained(params.language, () => inspectFile(ctx.db, params));
}

export function importJob(params: RunParams, ctx: JobCtx): Promise<ImportReport> {
  return explained(params.language, () => runImport(ctx, params));
}
