import type ExcelJS from 'exceljs';

let loading: Promise<typeof ExcelJS> | undefined;

/**
 * exceljs, loaded the first time a workbook is read or written rather than at every start: a
 * static import made each command line call (`doctor`, `--help`) and each job worker that never
 * touches a workbook load its two megabytes of code first.
 */
export function exceljs(): Promise<typeof ExcelJS> {
  return (loading ??= import('exceljs').then((module) => module.default));
}

/**
 * The streaming writer every workbook the app writes goes through: exceljs's in-memory Workbook
 * writer cuts its XML into pieces that can split a letter of four UTF-8 bytes (an emoji in a
 * marketing message), and holds the whole file in memory.
 */
export async function workbookWriter(path: string): Promise<ExcelJS.stream.xlsx.WorkbookWriter> {
  const { stream } = await exceljs();
  return new stream.xlsx.WorkbookWriter({ filename: path, useStyles: true, useSharedStrings: false });
}
