/**
 * Every sentence the main process says, per language and namespace, as i18next resources. Each
 * domain has one module per language (`id/import.ts`, `en/import.ts`); `en` is typed against `id`,
 * so a key missing in one language does not compile, and test/i18n/catalogues.test.ts checks the
 * placeholders agree.
 */
import { enActivity } from './en/activity';
import { enActivityFields } from './en/activityFields';
import { enChannels } from './en/channels';
import { enContent } from './en/content';
import { enErrors } from './en/errors';
import { enExport } from './en/export';
import { enImport } from './en/import';
import { enImportFiles } from './en/importFiles';
import { enLeads } from './en/leads';
import { enLoyalty } from './en/loyalty';
import { enRfm } from './en/rfm';
import { enSync } from './en/sync';
import { enValidation } from './en/validation';
import { idActivity } from './id/activity';
import { idActivityFields } from './id/activityFields';
import { idChannels } from './id/channels';
import { idContent } from './id/content';
import { idErrors } from './id/errors';
import { idExport } from './id/export';
import { idImport } from './id/import';
import { idImportFiles } from './id/importFiles';
import { idLeads } from './id/leads';
import { idLoyalty } from './id/loyalty';
import { idRfm } from './id/rfm';
import { idSync } from './id/sync';
import { idValidation } from './id/validation';

const idMessages = { ...idValidation, ...idErrors, ...idImport, ...idImportFiles, ...idContent, ...idLeads, ...idSync, ...idLoyalty, ...idRfm, ...idChannels };
const enMessages = { ...enValidation, ...enErrors, ...enImport, ...enImportFiles, ...enContent, ...enLeads, ...enSync, ...enLoyalty, ...enRfm, ...enChannels };

export const CATALOGUES = {
  id: { messages: idMessages, export: idExport, activity: { ...idActivity, ...idActivityFields } },
  en: { messages: enMessages, export: enExport, activity: { ...enActivity, ...enActivityFields } },
} as const;

export type Namespace = keyof (typeof CATALOGUES)['id'];
export type CatalogueKey<N extends Namespace> = keyof (typeof CATALOGUES)['id'][N] & string;
