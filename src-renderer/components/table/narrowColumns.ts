import type { VisibilityState } from '@tanstack/react-table';

export interface MenuColumn {
  id: string;
  /** Its name in the column menu. */
  label: string;
  /** See ColumnMeta.hideBelow. */
  hideBelow?: number;
}

/**
 * Which columns show in a list `width` pixels wide: what the user chose in the column menu, and
 * for the columns they never touched, secondary ones hidden while the list is narrower than their
 * `hideBelow`. A width of 0 (not measured yet) hides nothing.
 */
export function visibleColumns(columns: MenuColumn[], chosen: VisibilityState, width: number): VisibilityState {
  const narrow = Object.fromEntries(columns.filter((column) => column.hideBelow && width > 0 && width < column.hideBelow).map((column) => [column.id, false]));
  return { ...narrow, ...chosen };
}
