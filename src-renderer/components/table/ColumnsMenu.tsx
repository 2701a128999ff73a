import { Button, Checkbox, Menu, Stack } from '@mantine/core';
import { IconColumns3 } from '@tabler/icons-react';
import type { ColumnDef } from '@tanstack/react-table';
import { useTranslation } from 'react-i18next';
import type { ServerTableState } from './useServerTable';

/** Show or hide columns; the choice is remembered per list. */
export function ColumnsMenu<T>({ columns, state }: { columns: ColumnDef<T, unknown>[]; state: ServerTableState }) {
  const { t } = useTranslation();
  const toggleable = columns.filter((column) => column.id && !column.meta?.fixed);
  return (
    <Menu position="top-end" closeOnItemClick={false} shadow="md" width={220}>
      <Menu.Target>
        <Button variant="subtle" size="xs" color="gray" leftSection={<IconColumns3 size={16} />} data-testid="columns-menu">
          {t('common.columns')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Stack gap="xs" p="xs">
          {toggleable.map((column) => {
            const id = column.id as string;
            const label = column.meta?.label ?? (typeof column.header === 'string' ? column.header : id);
            return (
              <Checkbox
                key={id}
                label={label}
                checked={state.columnVisibility[id] !== false}
                onChange={(event) => {
                  const visible = event.currentTarget.checked;
                  state.setColumnVisibility((previous) => ({ ...previous, [id]: visible }));
                }}
              />
            );
          })}
        </Stack>
      </Menu.Dropdown>
    </Menu>
  );
}
