import type { idImportFiles } from '../id/importFiles';

/** English: the files the importer writes: its list of problems, and its templates' notes (a row each). */
export const enImportFiles = {
  'impFile.problemsSheet': 'Problems',
  'impFile.row': 'Row',
  'impFile.column': 'Column',
  'impFile.value': 'Value in the file',
  'impFile.category': 'Category',
  'impFile.problem': 'Problem and expected form',
  'impFile.notesSheet': 'Notes',
  'impFile.notes.customers': [
    'Required: Name. An empty code is generated (C000001, …).',
    'Phones may be written 0812…, 62812… or +62 812…; they are stored the same way.',
    'Separate tags with commas.',
    'Existing customers (same code, phone or email) are skipped, updated, or stop the import, as you choose.',
  ].join('\n'),
  'impFile.notes.transactions': [
    'Required: Date, one of customer Code/Name/Phone/Email, and Total (or Qty + Unit price).',
    'Rows sharing an invoice number become one transaction with several items.',
    'Dates may be 21/11/2026, 2026-11-21 or 21 November 2026. Amounts may be 650000, 650.000 or Rp 650.000,-.',
    'Customers not found are created.',
  ].join('\n'),
  'impFile.notes.products': ['Required: Name. An empty code is generated (P-0001, …).', 'Active: yes/no.'].join('\n'),
  'impFile.notes.leads': [
    'Required: Name. Lead codes are generated (L-00001, …).',
    'Channel: a channel name (Organik, TikTok Ads, Instagram Ads, …) or empty; when empty, a known UTM Source/Medium decides it.',
    'Stage: a stage name (Lead, Follow-up, Interest, Booking, Won, Lost); empty = the first stage. PIC: a user’s username, or empty.',
    'Leads whose phone already exists are skipped, updated, or stop the import, as you choose.',
    'One row with a problem stops the whole import: nothing is saved until every row is right.',
  ].join('\n'),
} satisfies Record<keyof typeof idImportFiles, string>;
