import { Table, Text, type MantineSize } from '@mantine/core';
import type { ReactNode } from 'react';

/** A table cell holding a code or an id: monospace, so look-alike characters read apart. */
export function CodeCell({ children, size = 'sm' }: { children: ReactNode; size?: MantineSize }) {
  return (
    <Table.Td>
      <Text size={size} ff="monospace">
        {children}
      </Text>
    </Table.Td>
  );
}
