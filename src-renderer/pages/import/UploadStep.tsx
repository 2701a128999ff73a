import { Alert, Anchor, Badge, Button, Group, List, Loader, Paper, SegmentedControl, Select, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconAlertCircle, IconDownload, IconFileSpreadsheet, IconUpload } from '@tabler/icons-react';
import { useEffect, useRef, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { IMPORT_KINDS, type ImportKindName } from '../../../src-shared/schemas/import';
import { formatBytes } from '../../components/formatBytes';
import { useDownload } from './useDownload';
import { chooseFile, chooseSheet, setKind, type WizardState } from './wizardStore';

/** Step 1: what to import, and the file (drop it, or pick it), with the template for that kind. */
export function UploadStep({ wizard }: { wizard: WizardState }) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);
  const download = useDownload();
  const { kind, busy, file, fileError, inspect } = wizard;
  const disabled = Boolean(busy || wizard.run);

  // A file dropped next to the drop area must not make the window open it instead.
  useEffect(() => {
    const stop = (event: globalThis.DragEvent) => event.preventDefault();
    window.addEventListener('dragover', stop);
    window.addEventListener('drop', stop);
    return () => {
      window.removeEventListener('dragover', stop);
      window.removeEventListener('drop', stop);
    };
  }, []);

  const take = (files: FileList | null) => {
    const chosen = files?.[0];
    if (chosen) void chooseFile(chosen);
  };
  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    if (!disabled) take(event.dataTransfer.files);
  };
  const onDragOver = (event: DragEvent) => {
    event.preventDefault();
    if (!disabled) setDragging(true);
  };

  return (
    <Stack gap="lg">
      <Stack gap={6}>
        <Text fw={600} size="sm">
          {t('import.upload.kind')}
        </Text>
        <SegmentedControl
          value={kind}
          onChange={(value) => setKind(value as ImportKindName)}
          disabled={disabled}
          data={IMPORT_KINDS.map((value) => ({ value, label: <span data-testid={`import-kind-${value}`}>{t(`import.kinds.${value}`)}</span> }))}
          w={{ base: '100%', sm: 440 }}
          data-testid="import-kind"
        />
      </Stack>

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

      <input
        ref={input}
        type="file"
        accept=".csv,.xlsx,.txt"
        hidden
        data-testid="import-file-input"
        onChange={(event) => {
          take(event.currentTarget.files);
          event.currentTarget.value = '';
        }}
      />
      <Paper
        withBorder
        p="xl"
        role="button"
        tabIndex={disabled ? -1 : 0}
        aria-disabled={disabled}
        onClick={() => !disabled && input.current?.click()}
        onKeyDown={(event) => {
          if ((event.key === 'Enter' || event.key === ' ') && !disabled) {
            event.preventDefault();
            input.current?.click();
          }
        }}
        onDragOver={onDragOver}
        onDragEnter={onDragOver}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
        data-testid="import-dropzone"
        style={{
          borderStyle: 'dashed',
          borderWidth: 2,
          borderColor: dragging ? 'var(--mantine-color-navy-5)' : undefined,
          backgroundColor: dragging ? 'light-dark(var(--mantine-color-navy-0), var(--mantine-color-dark-5))' : undefined,
          cursor: disabled ? 'progress' : 'pointer',
          transition: 'background-color 120ms, border-color 120ms',
        }}
      >
        <Stack align="center" gap="xs" py="md">
          {busy ? (
            <>
              <Loader size="lg" />
              <Text fw={600}>{busy === 'upload' ? t('import.upload.uploading', { name: file?.name ?? '' }) : t('import.upload.inspecting')}</Text>
            </>
          ) : (
            <>
              <ThemeIcon variant="light" size={64} radius={32}>
                <IconUpload size={32} stroke={1.5} />
              </ThemeIcon>
              <Text fw={600} size="lg" ta="center">
                {dragging ? t('import.upload.dropActive') : t('import.upload.dropTitle')}
              </Text>
              <Text size="sm" c="dimmed">
                {t('import.upload.dropFormats')}
              </Text>
              {/* Only a visual cue: the click reaches the drop area, which opens the file dialog. A span, not a
                  button: a control inside the drop area (itself a button) would be a second, nested one. */}
              <Button component="span" variant="light" mt="xs" leftSection={<IconFileSpreadsheet size={18} />} data-testid="import-choose">
                {t('import.upload.choose')}
              </Button>
            </>
          )}
        </Stack>
      </Paper>

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

      <Group align="flex-start" justify="space-between" gap="xl" wrap="wrap">
        <List size="sm" c="dimmed" spacing={4} style={{ flex: '1 1 360px' }}>
          <List.Item>{t('import.upload.hintCsv')}</List.Item>
          <List.Item>{t('import.upload.hintXlsx')}</List.Item>
          <List.Item>{t('import.upload.hintSize')}</List.Item>
        </List>
        <Stack gap={4} style={{ flex: '0 1 300px' }}>
          <Anchor
            component="button"
            type="button"
            fw={600}
            onClick={() => void download.template(kind)}
            disabled={download.pending !== null}
            data-testid="import-template"
          >
            <Group gap={6} wrap="nowrap">
              {download.pending ? <Loader size={14} /> : <IconDownload size={16} />}
              {t('import.upload.template')}
            </Group>
          </Anchor>
          <Text size="xs" c="dimmed">
            {t('import.upload.templateHint', { kind: t(`import.kinds.${kind}`).toLowerCase() })}
          </Text>
        </Stack>
      </Group>
    </Stack>
  );
}
