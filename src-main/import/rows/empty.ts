import { cellText } from '../normalize/text';

/** A row with nothing in any cell: not data, not counted. */
export function isEmptyRow(cells: unknown[]): boolean {
  return cells.every((c) => cellText(c) === '');
}
