import type { Translate } from '../../src-shared/i18n/messages';
import type { ImportIssue } from '../../src-shared/schemas/import';
import { workbookWriter } from '../files/excel';

const LABELS = {
  id: ['Baris', 'Kolom', 'Nilai di file', 'Kategori', 'Masalah dan bentuk yang diharapkan'],
  en: ['Row', 'Column', 'Value in the file', 'Category', 'Problem and expected form'],
};

/** The downloadable list of every problem found, one per row, for fixing the file in Excel. */
export async function writeErrorReport(path: string, issues: ImportIssue[], language: 'id' | 'en', t: Translate): Promise<void> {
  const workbook = await workbookWriter(path);
  const sheet = workbook.addWorksheet(language === 'en' ? 'Problems' : 'Masalah', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = LABELS[language].map((header, i) => ({ header, width: [8, 22, 28, 14, 90][i] }));
  sheet.getRow(1).font = { bold: true };
  sheet.autoFilter = { from: 'A1', to: 'E1' };
  for (const issue of issues) {
    // Values are written as text cells: a value such as "=1+1" from the user's file is shown, never evaluated.
    sheet.addRow([issue.line, issue.column, issue.value, t(`imp.category.${issue.category}`), issue.message]).commit();
  }
  sheet.commit();
  await workbook.commit();
}
