import { Table, type MantineColor } from '@mantine/core';
import type { ReactNode } from 'react';

/**
 * A number in a table: right-aligned in tabular digits so columns of figures line up; `strong` for
 * the row's total, `color` for a figure that should stand out (failures in red).
 */
export function FigureCell({ strong = false, color, children }: { strong?: boolean; color?: MantineColor; children: ReactNode }) {
  return (
    <Table.Td ta="right" className="sma-num" fw={strong ? 600 : undefined} c={color}>
      {children}
    </Table.Td>
  );
}
