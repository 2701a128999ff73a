import { enImport } from './en.import';
import { enRecords } from './en.records';
import { enReports } from './en.reports';
import { enShell } from './en.shell';
import type { Messages } from './id';

export const en: Messages = { ...enShell, ...enRecords, ...enImport, ...enReports };
