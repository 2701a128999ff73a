import { Group, Table, UnstyledButton } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconArrowsSort } from '@tabler/icons-react';
import { flexRender, type Table as TableModel } from '@tanstack/react-table';
import type { BusinessSummary } from '../../../src-shared/cloud/admin-businesses-api';
import { RowCells } from '../../../src-ui/components/RowCells';

/**
 * The shops' table: headers that sort on a click (with aria-sort for screen readers) and one row
 * per shop. The page keeps the table model (columns, sorting, filters); this only draws it.
 */
export function BusinessesTable({ table }: { table: TableModel<BusinessSummary> }) {
  return (
    <Table.ScrollContainer minWidth={1100}>
      <Table verticalSpacing="xs" horizontalSpacing="sm" fz="sm" highlightOnHover data-testid="businesses-table">
        <Table.Thead>
          {table.getHeaderGroups().map((group) => (
            <Table.Tr key={group.id}>
              {group.headers.map((header) => {
                const sorted = header.column.getIsSorted();
                const label = flexRender(header.column.columnDef.header, header.getContext());
                return (
                  <Table.Th
                    key={header.id}
                    aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : undefined}
                    style={{ whiteSpace: 'nowrap' }}
                  >
                    {header.column.getCanSort() ? (
                      <UnstyledButton onClick={header.column.getToggleSortingHandler()} fw={600} fz="sm">
                        <Group gap={4} wrap="nowrap">
                          {label}
                          {sorted === 'asc' ? (
                            <IconArrowUp size={14} />
                          ) : sorted === 'desc' ? (
                            <IconArrowDown size={14} />
                          ) : (
                            <IconArrowsSort size={14} opacity={0.4} />
                          )}
                        </Group>
                      </UnstyledButton>
                    ) : (
                      label
                    )}
                  </Table.Th>
                );
              })}
            </Table.Tr>
          ))}
        </Table.Thead>
        <Table.Tbody>
          {table.getRowModel().rows.map((row) => (
            <Table.Tr key={row.id} data-testid="business-row" data-business={row.original.name}>
              <RowCells row={row} cellProps={() => ({ style: { whiteSpace: 'nowrap' } })} />
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
