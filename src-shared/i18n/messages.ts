import type { Language } from '../schemas/auth';
import type { CatalogueKey } from './catalogues';
import { hasKey, say } from './instance';

/**
 * Sentences the main process says to people (errors, validation): the `messages` namespace of the
 * main side's i18next (`id/*.ts`, `en/*.ts`). Both sides use them: the renderer to show a schema's
 * message while typing, the main process to answer a call.
 */
type Key = CatalogueKey<'messages'>;

export type MessageKey = Key;
export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

export function translator(language: Language): Translate {
  return (key, vars) => say('messages', key, language, vars);
}

/** A schema message is either one of our keys or zod's own sentence; show the sentence either way. */
export function validationText(message: string, language: Language): string {
  return hasKey('messages', message) ? say('messages', message as Key, language) : message;
}
