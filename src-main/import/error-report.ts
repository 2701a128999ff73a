import type { Translate } from '../../src-shared/i18n/messages';
import type { ImportIssue } from '../../src-shared/schemas/import';
import { workbookWriter } from '../files/excel';

const HEADERS = ['impFile.row', 'impFile.column', 'impFile.value', 'impFile.category', 'impFile.problem'] as const;

/** The downloadable list of every problem found, one per row, for fixing the file in Excel. */
export async function writeErrorReport(path: string, issues: ImportIssue[], t: Translate): Promise<void> {
  const workbook = await workbookWriter(path);
  const sheet = workbook.addWorksheet(t('impFile.problemsSheet'), { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = HEADERS.map((key, i) => ({ header: t(key), width: [8, 22, 28, 14, 90][i] }));
  sheet.getRow(1).font = { bold: true };
  sheet.autoFilter = { from: 'A1', to: 'E1' };
  for (const issue of issues) {
    // Values are written as text cells: a value such as "=1+1" from the user's file is shown, never evaluated.
    sheet.addRow([issue.line, issue.column, issue.value, t(`imp.category.${issue.category}`), issue.message]).commit();
  }
  sheet.commit();
  await workbook.commit();
}
