/** Why a file cannot be read at all (before any row is looked at). `key` names the sentence. */
export type FileProblem =
  | 'tooLarge'
  | 'empty'
  | 'binary'
  | 'passwordProtected'
  | 'zipBomb'
  | 'corrupt'
  | 'tooManyRows'
  | 'tooManyColumns'
  | 'noHeader'
  | 'unsupported'
  | 'sheetMissing'
  | 'unclosedQuote'
  | 'zipMismatch';

export class ImportFileError extends Error {
  constructor(
    readonly problem: FileProblem,
    readonly vars: Record<string, string | number> = {},
  ) {
    super(`import file problem: ${problem}`);
    this.name = 'ImportFileError';
  }
}
