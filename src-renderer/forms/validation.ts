import { schemaResolver, type FormErrors } from '@mantine/form';
import { validationText } from '../../src-shared/i18n/messages';
import { validationIssues } from '../api/client';
import { currentLanguage } from '../i18n';

type Schema = Parameters<typeof schemaResolver>[0];

/**
 * The contract's zod schema as a form validator: the same rules as the server, checked while typing.
 * Schema messages are keys (`v.required`); they become sentences in the current language.
 */
export function zodValidator<Values>(schema: Schema, toInput?: (values: Values) => unknown) {
  const resolve = schemaResolver(schema, { sync: true });
  return (values: Values): FormErrors => {
    const errors = resolve(toInput ? toInput(values) : values);
    const language = currentLanguage();
    return Object.fromEntries(
      Object.entries(errors).map(([path, message]) => [path, typeof message === 'string' ? validationText(message, language) : message]),
    );
  };
}

interface FieldErrorTarget {
  setErrors: (errors: FormErrors) => void;
}

/** Puts a VALIDATION_ERROR's sentences under the fields they belong to; true when any were placed. */
export function applyServerIssues(form: FieldErrorTarget, error: unknown): boolean {
  const issues = validationIssues(error);
  if (issues.length > 0) form.setErrors(Object.fromEntries(issues.map((issue) => [issue.path, issue.message])));
  return issues.length > 0;
}
