import { Button, Group, Modal, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconDatabaseImport } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ImportReport } from '../../../src-shared/schemas/import';
import { count } from './fields';

interface Props {
  opened: boolean;
  report: ImportReport | null;
  onClose: () => void;
  onConfirm: () => void;
}

/** "N rows will be saved in one step": the import is all or nothing, and can be undone later. */
export function CommitConfirmModal({ opened, report, onClose, onConfirm }: Props) {
  const { t } = useTranslation();
  const rows = report ? report.valid : 0;
  return (
    <Modal opened={opened} onClose={onClose} withCloseButton={false} size="md">
      <Stack gap="md">
        <Group gap="sm" wrap="nowrap" align="flex-start">
          <ThemeIcon color="navy" variant="light" size={40} radius="xl">
            <IconDatabaseImport size={22} />
          </ThemeIcon>
          <Stack gap={6}>
            <Text fw={700} size="lg">
              {t('import.report.confirmTitle')}
            </Text>
            <Text size="sm">{t('import.report.confirmText', { n: count(rows) })}</Text>
            {report && report.failed > 0 && (
              <Text size="sm" c="dimmed">
                {t('import.report.confirmFailed', { n: count(report.failed) })}
              </Text>
            )}
            <Text size="sm" c="dimmed">
              {t('import.report.confirmUndo')}
            </Text>
          </Stack>
        </Group>
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button color="sun.5" c="navy.9" onClick={onConfirm} data-testid="confirm-import">
            {t('import.report.confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
