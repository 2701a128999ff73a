/**
 * A text cell starting with = + - @ tab or CR would run as a formula when a spreadsheet opens the
 * file: a `'` before it makes it text (the importer takes the `'` off again). For text only: numbers
 * stay numbers. Every CSV the app or the console writes goes through it.
 */
export function neutralised(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}
