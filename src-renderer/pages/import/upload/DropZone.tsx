import { Button, Loader, Paper, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconFileSpreadsheet, IconUpload } from '@tabler/icons-react';
import { useEffect, useRef, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';

/** Blocks the window's own handling of a file dropped beside the drop area (it would open it). */
function useNoWindowDrop(): void {
  useEffect(() => {
    const stop = (event: globalThis.DragEvent) => event.preventDefault();
    window.addEventListener('dragover', stop);
    window.addEventListener('drop', stop);
    return () => {
      window.removeEventListener('dragover', stop);
      window.removeEventListener('drop', stop);
    };
  }, []);
}

/**
 * The area a file is dropped on, or clicked (or Enter / Space) to pick one; while a file uploads
 * or is inspected it shows that instead, and takes nothing.
 */
export function DropZone({
  busy,
  fileName,
  disabled,
  onFile,
}: {
  busy: 'upload' | 'inspect' | null;
  fileName: string;
  disabled: boolean;
  onFile: (file: File) => void;
}) {
  const input = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);
  useNoWindowDrop();

  const take = (files: FileList | null) => {
    const chosen = files?.[0];
    if (chosen) onFile(chosen);
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
    <>
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
        <DropZoneFace busy={busy} dragging={dragging} fileName={fileName} />
      </Paper>
    </>
  );
}

/** What the drop area says: the call to drop or pick, the drop about to happen, or the work on the file. */
function DropZoneFace({ busy, dragging, fileName }: { busy: 'upload' | 'inspect' | null; dragging: boolean; fileName: string }) {
  const { t } = useTranslation();
  return (
    <Stack align="center" gap="xs" py="md">
      {busy ? (
        <>
          <Loader size="lg" />
          <Text fw={600}>{busy === 'upload' ? t('import.upload.uploading', { name: fileName }) : t('import.upload.inspecting')}</Text>
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
  );
}
