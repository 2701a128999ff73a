import { Card, Skeleton, Table, UnstyledButton } from '@mantine/core';
import { useElementSize } from '@mantine/hooks';
import { IconArrowDown, IconArrowUp, IconSelector } from '@tabler/icons-react';
import { flexRender, getCoreRowModel, useReactTable, type ColumnDef, type Header, type VisibilityState } from '@tanstack/react-table';
import { useEffect, type ReactNode } from 'react';
import { CAPS_HEAD } from '../../../src-ui/components/capsHead';
import { RowCells } from '../../../src-ui/components/RowCells';
import { ColumnsMenu } from './ColumnsMenu';
import { FetchingBar } from './FetchingBar';
import { visibleColumns, type MenuColumn } from './narrowColumns';
import { TablePager } from './TablePager';
import type { SortState } from './types';
import type { ServerTableState } from './useServerTable';
import './types';

interface Props<T> {
  /** Display columns: cells render from the row; sorting and paging happen in the main process. */
  columns: ColumnDef<T, unknown>[];
  /** The list query: its page of rows and total, and whether it is loading (first time) or refetching. */
  list: { data?: { rows: T[]; total: number }; isPending: boolean; isFetching: boolean };
  state: ServerTableState;
  getRowId: (row: T) => string;
  onRowClick?: (row: T) => void;
  /** Dim a row, e.g. soft-deleted records in the "all" view. */
  isRowMuted?: (row: T) => boolean;
  testId: string;
  rowTestId: string;
  empty: ReactNode;
  /** Shown left of the pager, e.g. the total amount of the filtered transactions. */
  footer?: ReactNode;
}

export function DataTable<T>({ columns, list, state, getRowId, onRowClick, isRowMuted, testId, rowTestId, empty, footer }: Props<T>) {
  const rows = list.data?.rows;
  const total = list.data?.total ?? 0;
  const loading = list.isPending;
  const fetching = list.isFetching;
  const { ref: cardRef, width } = useElementSize();
  const menuColumns: MenuColumn[] = columns
    .filter((column) => column.id && !column.meta?.fixed)
    .map((column) => ({
      id: column.id as string,
      label: column.meta?.label ?? (typeof column.header === 'string' ? column.header : (column.id as string)),
      hideBelow: column.meta?.hideBelow,
    }));
  const columnVisibility = visibleColumns(menuColumns, state.columnVisibility, width);
  const shownKey = JSON.stringify(columnVisibility);
  const { setShownVisibility } = state;
  useEffect(() => setShownVisibility(JSON.parse(shownKey) as VisibilityState), [shownKey, setShownVisibility]);
  const table = useReactTable({
    data: rows ?? [],
    columns,
    getRowId,
    getCoreRowModel: getCoreRowModel(),
    manualPagination: true,
    manualSorting: true,
    state: { columnVisibility },
  });
  const visibleCount = table.getVisibleLeafColumns().length;
  const showEmpty = !loading && rows !== undefined && rows.length === 0;

  return (
    <Card p={0} pos="relative" ref={cardRef}>
      <FetchingBar visible={fetching && !loading} />
      <Table.ScrollContainer minWidth={720}>
        <Table highlightOnHover={!!onRowClick} verticalSpacing="sm" horizontalSpacing="sm" data-testid={testId} stickyHeader>
          <Table.Thead>
            {table.getHeaderGroups().map((group) => (
              <Table.Tr key={group.id}>
                {group.headers.map((header) => (
                  <Table.Th
                    key={header.id}
                    className={header.column.id === 'actions' ? 'sma-sticky-end' : undefined}
                    ta={header.column.columnDef.meta?.align}
                    w={header.column.columnDef.meta?.width}
                    style={CAPS_HEAD}
                    aria-sort={ariaSort(header, state.sort)}
                  >
                    <HeaderCell header={header} sort={state.sort} onSort={state.setSort} />
                  </Table.Th>
                ))}
              </Table.Tr>
            ))}
          </Table.Thead>
          <Table.Tbody>
            {loading &&
              Array.from({ length: Math.min(state.pageSize, 8) }, (_, index) => (
                <Table.Tr key={index}>
                  {table.getVisibleLeafColumns().map((column) => (
                    <Table.Td key={column.id}>
                      <Skeleton height={14} radius="sm" width={`${60 + ((index * 7 + column.id.length * 13) % 35)}%`} />
                    </Table.Td>
                  ))}
                </Table.Tr>
              ))}
            {showEmpty && (
              <Table.Tr>
                <Table.Td colSpan={visibleCount}>{empty}</Table.Td>
              </Table.Tr>
            )}
            {!loading &&
              table.getRowModel().rows.map((row) => (
                <Table.Tr
                  key={row.id}
                  data-testid={rowTestId}
                  data-id={row.id}
                  className={onRowClick ? 'sma-clickable-row' : undefined}
                  opacity={isRowMuted?.(row.original) ? 0.6 : undefined}
                  onClick={onRowClick ? () => onRowClick(row.original) : undefined}
                >
                  <RowCells
                    row={row}
                    cellProps={(cell) => ({ ta: cell.column.columnDef.meta?.align, className: cell.column.id === 'actions' ? 'sma-sticky-end' : undefined })}
                  />
                </Table.Tr>
              ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <TablePager
        total={total}
        state={state}
        footer={footer}
        columnsMenu={
          <ColumnsMenu
            columns={menuColumns}
            visibility={columnVisibility}
            onChange={(id, visible) => state.setColumnVisibility((previous) => ({ ...previous, [id]: visible }))}
          />
        }
      />
    </Card>
  );
}

/** The sort order belongs on the column header (a button may not carry aria-sort); none for unsortable columns. */
function ariaSort<T>(header: Header<T, unknown>, sort: SortState): 'ascending' | 'descending' | 'none' | undefined {
  const field = header.column.columnDef.meta?.sortField;
  if (!field) return undefined;
  return sort.field === field ? (sort.desc ? 'descending' : 'ascending') : 'none';
}

function HeaderCell<T>({ header, sort, onSort }: { header: Header<T, unknown>; sort: SortState; onSort: (next: SortState) => void }) {
  if (header.isPlaceholder) return null;
  const content = flexRender(header.column.columnDef.header, header.getContext());
  const field = header.column.columnDef.meta?.sortField;
  if (!field) return content;
  const active = sort.field === field;
  const Icon = !active ? IconSelector : sort.desc ? IconArrowDown : IconArrowUp;
  return (
    <UnstyledButton
      onClick={() => onSort({ field, desc: active ? !sort.desc : false })}
      data-testid={`sort-${field}`}
      style={{
        display: 'inline-flex',
        alignItems: 'center',
        gap: 4,
        font: 'inherit',
        color: active ? 'var(--mantine-color-text)' : 'inherit',
        textTransform: 'inherit',
      }}
    >
      {content}
      <Icon size={14} stroke={1.8} />
    </UnstyledButton>
  );
}
