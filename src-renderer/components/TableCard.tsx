import { Card, Group, Table } from '@mantine/core';
import type { ReactNode } from 'react';

interface Props {
  /** The card's heading: a bold line, with an icon if the card has one. */
  title: ReactNode;
  /** A note or a button on the heading's right. */
  aside?: ReactNode;
  /** The header row's cells. */
  head: ReactNode;
  children: ReactNode;
  testId: string;
  /** `100%` where cards side by side should end level. */
  h?: string;
}

/**
 * A card that is a titled table, the table running to the card's edges: the health page's and
 * the backups' tables, drawn once so they keep the same margins and row spacing.
 */
export function TableCard({ title, aside, head, children, testId, h }: Props) {
  return (
    <Card p={0} h={h}>
      <Group justify="space-between" p="md" pb="xs">
        {title}
        {aside}
      </Group>
      <Table verticalSpacing="xs" horizontalSpacing="md" data-testid={testId}>
        <Table.Thead>
          <Table.Tr>{head}</Table.Tr>
        </Table.Thead>
        <Table.Tbody>{children}</Table.Tbody>
      </Table>
    </Card>
  );
}
