import { Table, type TableProps } from '@mantine/core';
import type { ReactNode } from 'react';
import { HeadRow } from './HeadRow';

interface Props extends TableProps {
  /** Below this width the table scrolls sideways instead of squeezing its columns. */
  minWidth: number;
  /** The header row's cells (Table.Th), or its words as `columns`. */
  head?: ReactNode;
  /** Plain header words: figures' columns from `figuresFrom` on, as HeadRow lays them out. */
  columns?: string[];
  figuresFrom?: number;
  /** `columns` in small grey capitals (HeadRow's `caps`). */
  caps?: boolean;
  /** The rows. */
  children: ReactNode;
}

/**
 * The table of a card or a page in both UIs: a header row, the rows, and a sideways scroll on a
 * narrow window. One component, so every such table scrolls and heads the same way.
 */
export function ScrollTable({ minWidth, head, columns, figuresFrom, caps, children, ...table }: Props) {
  return (
    <Table.ScrollContainer minWidth={minWidth}>
      <Table {...table}>
        {columns ? (
          <HeadRow columns={columns} figuresFrom={figuresFrom} caps={caps} />
        ) : (
          <Table.Thead>
            <Table.Tr>{head}</Table.Tr>
          </Table.Thead>
        )}
        <Table.Tbody>{children}</Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
