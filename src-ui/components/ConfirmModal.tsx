import { Button, Group, Modal, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconAlertTriangle, type Icon } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  opened: boolean;
  title: string;
  /** A sentence (shown dimmed), or lines of its own. */
  message: ReactNode;
  confirmLabel: string;
  loading?: boolean;
  onConfirm: () => void;
  onClose: () => void;
  testId?: string;
  /** `danger` (the default): a red warning before something is removed; `go`: a step forward worth a pause. */
  tone?: 'danger' | 'go';
  icon?: Icon;
  size?: 'sm' | 'md';
}

const TONES = {
  danger: { icon: 'red', button: { color: 'red.9' } },
  // The one call to action that matters: the sun button with navy text, as everywhere.
  go: { icon: 'navy', button: { color: 'sun.5', c: 'navy.9' } },
} as const;

/** Asks before an action: what it does, Cancel, and the action's own word. */
export function ConfirmModal(props: Props) {
  const {
    opened,
    title,
    message,
    confirmLabel,
    loading = false,
    onConfirm,
    onClose,
    testId = 'confirm-delete',
    tone = 'danger',
    icon: ModalIcon = IconAlertTriangle,
    size = 'sm',
  } = props;
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} withCloseButton={false} size={size}>
      <Stack gap="md">
        <Group gap="sm" wrap="nowrap" align="flex-start">
          <ThemeIcon color={TONES[tone].icon} variant="light" size={40} radius="xl">
            <ModalIcon size={22} />
          </ThemeIcon>
          <Stack gap={typeof message === 'string' ? 4 : 6}>
            <Text fw={700} size="lg">
              {title}
            </Text>
            {typeof message === 'string' ? (
              <Text size="sm" c="dimmed">
                {message}
              </Text>
            ) : (
              message
            )}
          </Stack>
        </Group>
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose} disabled={loading}>
            {t('common.cancel')}
          </Button>
          {/* red.9 carries white text at 5.5:1; on red.6 only black text reaches 4.5:1, which reads oddly on a delete button. */}
          <Button {...TONES[tone].button} onClick={onConfirm} loading={loading} data-testid={testId}>
            {confirmLabel}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
