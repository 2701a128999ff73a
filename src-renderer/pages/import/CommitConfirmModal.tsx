import { Text } from '@mantine/core';
import { IconDatabaseImport } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ImportReport } from '../../../src-shared/schemas/import';
import { ConfirmModal } from '../../../src-ui/components/ConfirmModal';
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
    <ConfirmModal
      opened={opened}
      tone="go"
      icon={IconDatabaseImport}
      size="md"
      title={t('import.report.confirmTitle')}
      message={
        <>
          <Text size="sm">{t('import.report.confirmText', { n: count(rows) })}</Text>
          {report && report.failed > 0 && (
            <Text size="sm" c="dimmed">
              {t('import.report.confirmFailed', { n: count(report.failed) })}
            </Text>
          )}
          <Text size="sm" c="dimmed">
            {t('import.report.confirmUndo')}
          </Text>
        </>
      }
      confirmLabel={t('import.report.confirm')}
      onConfirm={onConfirm}
      onClose={onClose}
      testId="confirm-import"
    />
  );
}
