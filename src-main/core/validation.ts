import { z } from 'zod';
import { AppError } from '../../src-shared/errors';
import { translator, validationText } from '../../src-shared/i18n/messages';
import type { Language } from '../../src-shared/schemas/auth';

const zodLocales = { id: z.locales.id().localeError, en: z.locales.en().localeError };

function validationError(issues: z.core.$ZodIssue[], language: Language): AppError {
  const t = translator(language);
  const list = issues.map((issue) => ({ path: issue.path.join('.'), message: validationText(issue.message, language) }));
  const fields = list.map((i) => (i.path ? `${i.path} (${i.message})` : i.message)).join('; ');
  return new AppError('VALIDATION_ERROR', t('err.validation', { fields }), { issues: list });
}

/**
 * Parse with a schema or throw VALIDATION_ERROR in the user's language: dispatch does it for every
 * channel's input, features for the parts only they can check (an export's filters, whose schema
 * depends on the report chosen).
 */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown, language: Language, path: (string | number)[] = []): z.output<S> {
  const parsed = schema.safeParse(value, { error: zodLocales[language] });
  if (!parsed.success)
    throw validationError(
      parsed.error.issues.map((issue) => ({ ...issue, path: [...path, ...issue.path] })),
      language,
    );
  return parsed.data;
}
