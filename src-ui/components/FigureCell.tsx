import { Table } from '@mantine/core';
import type { ReactNode } from 'react';

/** A number in a table: right-aligned in tabular digits so columns of figures line up; `strong` for the row's total. */
export function FigureCell({ strong = false, children }: { strong?: boolean; children: ReactNode }) {
  return (
    <Table.Td ta="right" className="sma-num" fw={strong ? 600 : undefined}>
      {children}
    </Table.Td>
  );
}
