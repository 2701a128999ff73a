import { Button, Group, Loader } from '@mantine/core';
import { IconDownload, IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { downloadFile } from '../../api/files';

/**
 * The footer of a dialog that writes a file in a job (an export, a broadcast list): cancel while it
 * runs; download again and close once done; otherwise cancel and the dialog's start button. One
 * footer, so both dialogs behave alike. `testId` prefixes the buttons' test ids.
 */
export function JobDialogActions(props: {
  running: boolean;
  cancelRequested: boolean;
  /** The written file, once the job is done. */
  doneFileId: string | null;
  onCancel: () => void;
  onClose: () => void;
  onStart: () => void;
  startLabel: string;
  testId: string;
}) {
  const { t } = useTranslation();
  const { running, cancelRequested, doneFileId, testId } = props;
  return (
    <Group justify="flex-end" gap="sm">
      {running ? (
        <Button
          variant="default"
          leftSection={cancelRequested ? <Loader size={12} /> : <IconX size={14} />}
          disabled={cancelRequested}
          onClick={props.onCancel}
          data-testid={`${testId}-cancel`}
        >
          {cancelRequested ? t('exporter.cancelling') : t('exporter.cancel')}
        </Button>
      ) : doneFileId ? (
        <>
          <Button variant="default" leftSection={<IconDownload size={16} />} onClick={() => void downloadFile(doneFileId)}>
            {t('exporter.downloadAgain')}
          </Button>
          <Button onClick={props.onClose} data-testid={`${testId}-close`}>
            {t('common.close')}
          </Button>
        </>
      ) : (
        <>
          <Button variant="default" onClick={props.onClose}>
            {t('common.cancel')}
          </Button>
          <Button color="sun.5" c="navy.9" leftSection={<IconDownload size={16} />} onClick={props.onStart} data-testid={`${testId}-start`}>
            {props.startLabel}
          </Button>
        </>
      )}
    </Group>
  );
}
