import { Table, type TableTdProps } from '@mantine/core';
import { flexRender, type Cell, type Row } from '@tanstack/react-table';

/**
 * A table model's row drawn as cells: each visible column's cell renderer in a Table.Td. `cellProps`
 * gives a column its alignment or class. One place, so the lists of both UIs draw their rows alike.
 */
export function RowCells<T>({ row, cellProps }: { row: Row<T>; cellProps?: (cell: Cell<T, unknown>) => TableTdProps }) {
  return row.getVisibleCells().map((cell) => (
    <Table.Td key={cell.id} {...cellProps?.(cell)}>
      {flexRender(cell.column.columnDef.cell, cell.getContext())}
    </Table.Td>
  ));
}
