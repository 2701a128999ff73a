import { Button, Group, Modal, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

interface Props {
  opened: boolean;
  title: string;
  message: string;
  confirmLabel: string;
  loading?: boolean;
  onConfirm: () => void;
  onClose: () => void;
  testId?: string;
}

export function ConfirmModal({ opened, title, message, confirmLabel, loading = false, onConfirm, onClose, testId = 'confirm-delete' }: Props) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} withCloseButton={false} size="sm">
      <Stack gap="md">
        <Group gap="sm" wrap="nowrap" align="flex-start">
          <ThemeIcon color="red" variant="light" size={40} radius="xl">
            <IconAlertTriangle size={22} />
          </ThemeIcon>
          <Stack gap={4}>
            <Text fw={700} size="lg">
              {title}
            </Text>
            <Text size="sm" c="dimmed">
              {message}
            </Text>
          </Stack>
        </Group>
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose} disabled={loading}>
            {t('common.cancel')}
          </Button>
          {/* red.9 carries white text at 5.5:1; on red.6 only black text reaches 4.5:1, which reads oddly on a delete button. */}
          <Button color="red.9" onClick={onConfirm} loading={loading} data-testid={testId}>
            {confirmLabel}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
