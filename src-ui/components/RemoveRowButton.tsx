import { ActionIcon } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';

/** The red bin at the end of a row of an editable list (sale items, model prices): takes the row out. */
export function RemoveRowButton({ label, onClick, disabled }: { label: string; onClick: () => void; disabled?: boolean }) {
  return (
    <ActionIcon variant="subtle" color="red" aria-label={label} disabled={disabled} onClick={onClick}>
      <IconTrash size={16} />
    </ActionIcon>
  );
}
