import { enAnalytics } from './en.analytics';
import { enImport } from './en.import';
import { enRecords } from './en.records';
import { enShell } from './en.shell';
import type { Messages } from './id';

export const en: Messages = { ...enShell, ...enRecords, ...enImport, ...enAnalytics };
