import { Alert, Badge, Group, SegmentedControl, Select, Stack, Text } from '@mantine/core';
import { IconAlertCircle, IconFileSpreadsheet } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { IMPORT_KINDS, type ImportKindName } from '../../../src-shared/schemas/import';
import { Captioned } from '../../components/Captioned';
import { formatBytes } from '../../components/formatBytes';
import { DropZone } from './upload/DropZone';
import { UploadHints } from './upload/UploadHints';
import { chooseFile, chooseSheet, setKind } from './wizardFile';
import type { WizardState } from './wizardStore';

/** Step 1: what to import, and the file (drop it, or pick it), with the template for that kind. */
export function UploadStep({ wizard }: { wizard: WizardState }) {
  const { t } = useTranslation();
  const { kind, busy, file, fileError, inspect } = wizard;
  const disabled = Boolean(busy || wizard.run);

  return (
    <Stack gap="lg">
      <Captioned label={t('import.upload.kind')} strong>
        <SegmentedControl
          value={kind}
          onChange={(value) => setKind(value as ImportKindName)}
          disabled={disabled}
          data={IMPORT_KINDS.map((value) => ({ value, label: <span data-testid={`import-kind-${value}`}>{t(`import.kinds.${value}`)}</span> }))}
          w={{ base: '100%', sm: 440 }}
          data-testid="import-kind"
        />
      </Captioned>

      {fileError && (
        <Alert color="red" variant="light" icon={<IconAlertCircle />} title={t('import.upload.errorTitle')} data-testid="import-file-error">
          {fileError}
          {wizard.fileErrorSheets && (
            <Select
              mt="sm"
              label={t('import.upload.otherSheet')}
              data={wizard.fileErrorSheets}
              onChange={(value) => value && chooseSheet(value)}
              disabled={disabled}
              w={260}
              data-testid="import-sheet"
            />
          )}
        </Alert>
      )}

      <DropZone busy={busy} fileName={file?.name ?? ''} disabled={disabled} onFile={(chosen) => void chooseFile(chosen)} />

      {file && inspect && !busy && (
        <Group gap="sm" data-testid="import-chosen-file">
          <IconFileSpreadsheet size={20} color="var(--mantine-color-teal-6)" />
          <Text size="sm" c="dimmed">
            {t('import.upload.chosen')}:
          </Text>
          <Text size="sm" fw={600}>
            {file.name}
          </Text>
          <Badge variant="light" color="gray">
            {formatBytes(file.size)}
          </Badge>
        </Group>
      )}

      <UploadHints kind={kind} />
    </Stack>
  );
}
