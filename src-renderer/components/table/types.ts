import type { RowData } from '@tanstack/react-table';

declare module '@tanstack/react-table' {
  // The generics must match TanStack's own declaration to merge, used or not.
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  interface ColumnMeta<TData extends RowData, TValue> {
    /** Server sort field this column sorts by (lists are sorted by the main process). */
    sortField?: string;
    align?: 'left' | 'right' | 'center';
    /** Fixed columns (name, actions) cannot be hidden from the column menu. */
    fixed?: boolean;
    width?: number | string;
    /** The column's name in the column menu when its header is not plain text. */
    label?: string;
    /**
     * A secondary column: hidden by default while its list is narrower than this many pixels (a
     * 1366 px laptop), so the main figures stay on screen; the column menu shows it again.
     */
    hideBelow?: number;
  }
}

export interface SortState {
  field: string;
  desc: boolean;
}
