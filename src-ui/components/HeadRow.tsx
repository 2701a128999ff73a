import { Table } from '@mantine/core';

/**
 * A table's header row. Figures' columns come last in every table of both UIs: from `figuresFrom`
 * on, headers align right, over their FigureCells.
 */
export function HeadRow({ columns, figuresFrom = columns.length }: { columns: string[]; figuresFrom?: number }) {
  return (
    <Table.Thead>
      <Table.Tr>
        {columns.map((column, i) => (
          <Table.Th key={i} ta={i >= figuresFrom ? 'right' : undefined}>
            {column}
          </Table.Th>
        ))}
      </Table.Tr>
    </Table.Thead>
  );
}
