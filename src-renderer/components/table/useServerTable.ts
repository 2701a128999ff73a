import { useLocalStorage } from '@mantine/hooks';
import type { VisibilityState } from '@tanstack/react-table';
import { useState } from 'react';
import type { SortState } from './types';

export const PAGE_SIZES = [10, 25, 50, 100];

/**
 * Page, page size, sort and column visibility of one server-side list. Page size and hidden
 * columns are remembered per list on this laptop.
 */
export function useServerTable(key: string, defaultSort: SortState, defaultHidden: string[] = []) {
  const [page, setPage] = useState(1);
  const [pageSize, setPageSizeStored] = useLocalStorage({ key: `sma.${key}.page-size`, defaultValue: 25, getInitialValueInEffect: false });
  const [sort, setSortState] = useState<SortState>(defaultSort);
  const hiddenByDefault: VisibilityState = Object.fromEntries(defaultHidden.map((id) => [id, false]));
  const [storedVisibility, setColumnVisibility] = useLocalStorage<VisibilityState>({
    key: `sma.${key}.columns`,
    defaultValue: hiddenByDefault,
    getInitialValueInEffect: false,
  });
  // Choices saved before a column existed say nothing about it: a new optional column starts hidden.
  const columnVisibility = { ...hiddenByDefault, ...storedVisibility };
  // What the list shows now (DataTable hides secondary columns while narrow): "visible columns" of an
  // export are these, so the file holds what the owner sees.
  const [shownVisibility, setShownVisibility] = useState<VisibilityState | null>(null);

  return {
    page,
    setPage,
    pageSize: PAGE_SIZES.includes(pageSize) ? pageSize : 25,
    setPageSize: (size: number) => {
      setPageSizeStored(size);
      setPage(1);
    },
    sort,
    setSort: (next: SortState) => {
      setSortState(next);
      setPage(1);
    },
    resetPage: () => setPage(1),
    columnVisibility,
    setColumnVisibility,
    shownVisibility: shownVisibility ?? columnVisibility,
    setShownVisibility,
  };
}

export type ServerTableState = ReturnType<typeof useServerTable>;
