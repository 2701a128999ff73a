import { ActionIcon, Group, Tooltip } from '@mantine/core';
import { IconPencil, IconRestore, IconTrash } from '@tabler/icons-react';
import type { MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  /** `customer` → test ids customer-edit, customer-delete, customer-restore. */
  testPrefix: string;
  deleted: boolean;
  canEdit: boolean;
  canDelete: boolean;
  canRestore: boolean;
  onEdit: () => void;
  onDelete: () => void;
  onRestore: () => void;
}

/** Edit / delete for a live row, restore for a deleted one, each only when the role allows it. */
export function RowActions({ testPrefix, deleted, canEdit, canDelete, canRestore, onEdit, onDelete, onRestore }: Props) {
  const { t } = useTranslation();
  const button = (label: string, color: string, icon: React.ReactNode, onClick: () => void, testId: string) => (
    <Tooltip label={label}>
      <ActionIcon variant="subtle" color={color} aria-label={label} onClick={onClick} data-testid={testId}>
        {icon}
      </ActionIcon>
    </Tooltip>
  );
  return (
    // Row clicks open the record; a click on these buttons must not.
    <Group gap={4} justify="flex-end" wrap="nowrap" onClick={(event: MouseEvent) => event.stopPropagation()}>
      {!deleted && canEdit && button(t('common.edit'), 'navy', <IconPencil size={17} />, onEdit, `${testPrefix}-edit`)}
      {!deleted && canDelete && button(t('common.delete'), 'red', <IconTrash size={17} />, onDelete, `${testPrefix}-delete`)}
      {deleted && canRestore && button(t('common.restore'), 'teal', <IconRestore size={17} />, onRestore, `${testPrefix}-restore`)}
    </Group>
  );
}
