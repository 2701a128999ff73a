import { Button, Checkbox, Menu, Stack } from '@mantine/core';
import { IconColumns3 } from '@tabler/icons-react';
import type { VisibilityState } from '@tanstack/react-table';
import { useTranslation } from 'react-i18next';
import type { MenuColumn } from './narrowColumns';

interface Props {
  /** The columns that may be hidden (not the fixed ones). */
  columns: MenuColumn[];
  /** What shows now, narrow-width defaults included. */
  visibility: VisibilityState;
  /** The user's choice for one column, remembered per list. */
  onChange: (id: string, visible: boolean) => void;
}

/** Show or hide columns; the choice is remembered per list. */
export function ColumnsMenu({ columns, visibility, onChange }: Props) {
  const { t } = useTranslation();
  const hidden = columns.filter((column) => visibility[column.id] === false).length;
  return (
    <Menu position="top-end" closeOnItemClick={false} shadow="md" width={220}>
      <Menu.Target>
        <Button variant="subtle" size="xs" color="gray" leftSection={<IconColumns3 size={16} />} data-testid="columns-menu" data-hidden={hidden}>
          {hidden > 0 ? t('common.columnsHidden', { n: hidden }) : t('common.columns')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Stack gap="xs" p="xs">
          {columns.map((column) => (
            <Checkbox
              key={column.id}
              label={column.label}
              checked={visibility[column.id] !== false}
              onChange={(event) => onChange(column.id, event.currentTarget.checked)}
              data-testid={`columns-menu-${column.id}`}
            />
          ))}
        </Stack>
      </Menu.Dropdown>
    </Menu>
  );
}
