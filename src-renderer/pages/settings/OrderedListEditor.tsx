import { ActionIcon, Alert, Button, Group, Stack, Tooltip } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconPlus, IconTrash } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../api/client';
import { notifySuccess } from '../../components/notify';
import { ReadOnlyNote } from '../../components/ReadOnlyNote';
import { SettingsSection } from './SettingsSection';

/** One row of a list edited as a whole: `key` tells React the rows apart before a new one has an id. */
export interface DraftRow {
  key: string;
  id?: string;
  name: string;
}

let drafts = 0;
export const draftKey = () => `new-${++drafts}`;

function moved<T>(list: T[], index: number, step: number): T[] {
  const next = [...list];
  const [item] = next.splice(index, 1);
  next.splice(index + step, 0, item);
  return next;
}

/** A column's label over the first row only; every row's field keeps the name for screen readers. */
export const fieldName = (index: number, name: string) => (index === 0 ? { label: name } : { 'aria-label': name });

/**
 * The rows of an ordered list as drafted, and the options of the mutation that saves them all at once:
 * on success the stored rows replace the draft, the `domain`'s queries refresh and `savedText` is
 * shown; a refusal stays inline, under the rows.
 */
export function useOrderedList<Row extends DraftRow>(initial: Row[], { domain, savedText }: { domain: string; savedText: string }) {
  const [rows, setRows] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  return {
    rows,
    error,
    set: (index: number, patch: Partial<Row>) => setRows(rows.map((row, i) => (i === index ? { ...row, ...patch } : row))),
    move: (index: number, step: number) => setRows(moved(rows, index, step)),
    remove: (index: number) => setRows(rows.filter((_, i) => i !== index)),
    add: (row: Row, at = rows.length) => setRows([...rows.slice(0, at), row, ...rows.slice(at)]),
    saveOptions: {
      invalidates: [domain],
      silent: true,
      onSuccess: (saved: (Omit<Row, 'key'> & { id: string })[]) => {
        setRows(saved.map((row) => ({ key: row.id, ...row }) as Row));
        setError(null);
        notifySuccess(savedText);
      },
      onError: (failure: ApiError) => setError(failure.message),
    },
  };
}

export type OrderedList<Row extends DraftRow> = ReturnType<typeof useOrderedList<Row>>;

/** Up, down and remove for one row of an ordered list. */
function RowButtons({
  index,
  count,
  disabled,
  onMove,
  onRemove,
  label,
}: {
  index: number;
  count: number;
  disabled: boolean;
  onMove: (step: number) => void;
  onRemove: () => void;
  label: string;
}) {
  const { t } = useTranslation();
  const button = (text: string, icon: ReactNode, onClick: () => void, off: boolean, color = 'gray') => (
    <Tooltip label={text}>
      <ActionIcon variant="subtle" color={color} aria-label={`${text}: ${label}`} onClick={onClick} disabled={disabled || off}>
        {icon}
      </ActionIcon>
    </Tooltip>
  );
  return (
    <Group gap={2} wrap="nowrap" mt={index === 0 ? 24 : 4}>
      {button(t('leadSettings.up'), <IconArrowUp size={16} />, () => onMove(-1), index === 0)}
      {button(t('leadSettings.down'), <IconArrowDown size={16} />, () => onMove(1), index === count - 1)}
      {button(t('common.delete'), <IconTrash size={16} />, onRemove, false, 'red')}
    </Group>
  );
}

interface Props<Row extends DraftRow> {
  /** Names the test ids: `${item}s-editor`, `${item}-row`, `${item}s-error`, `${item}-add`, `${item}s-save`. */
  item: string;
  title: string;
  hint: string;
  addLabel: string;
  list: OrderedList<Row>;
  canEdit: boolean;
  /** Says why a viewer who may not edit sees the fields greyed out. */
  readOnlyNote?: boolean;
  saving: boolean;
  onAdd: () => void;
  onSave: () => void;
  /** The row's own fields, in front of its up/down/remove buttons. */
  fields: (row: Row, index: number) => ReactNode;
}

/** A settings card that edits an ordered list row by row and saves it whole. */
export function OrderedListEditor<Row extends DraftRow>({
  item,
  title,
  hint,
  addLabel,
  list,
  canEdit,
  readOnlyNote,
  saving,
  onAdd,
  onSave,
  fields,
}: Props<Row>) {
  const { t } = useTranslation();
  return (
    <SettingsSection title={title} hint={hint}>
      <Stack gap="sm" data-testid={`${item}s-editor`}>
        {readOnlyNote && !canEdit && <ReadOnlyNote />}
        {list.rows.map((row, index) => (
          <Group key={row.key} gap="sm" wrap="nowrap" align="flex-start" data-testid={`${item}-row`}>
            {fields(row, index)}
            <RowButtons
              index={index}
              count={list.rows.length}
              disabled={!canEdit}
              label={row.name}
              onMove={(step) => list.move(index, step)}
              onRemove={() => list.remove(index)}
            />
          </Group>
        ))}
        {list.error && (
          <Alert color="red" variant="light" data-testid={`${item}s-error`}>
            {list.error}
          </Alert>
        )}
        {canEdit && (
          <Group justify="space-between">
            <Button variant="subtle" leftSection={<IconPlus size={16} />} onClick={onAdd} data-testid={`${item}-add`}>
              {addLabel}
            </Button>
            <Button loading={saving} onClick={onSave} data-testid={`${item}s-save`}>
              {t('common.save')}
            </Button>
          </Group>
        )}
      </Stack>
    </SettingsSection>
  );
}
