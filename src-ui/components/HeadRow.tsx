import { Table } from '@mantine/core';
import { CAPS_HEAD } from './capsHead';

/**
 * A table's header row. Figures' columns come last in every table of both UIs: from `figuresFrom`
 * on, headers align right, over their FigureCells. `caps` heads them in small grey capitals.
 */
export function HeadRow({ columns, figuresFrom = columns.length, caps = false }: { columns: string[]; figuresFrom?: number; caps?: boolean }) {
  return (
    <Table.Thead>
      <Table.Tr>
        {columns.map((column, i) => (
          <Table.Th key={i} ta={i >= figuresFrom ? 'right' : undefined} style={caps ? CAPS_HEAD : undefined}>
            {column}
          </Table.Th>
        ))}
      </Table.Tr>
    </Table.Thead>
  );
}
