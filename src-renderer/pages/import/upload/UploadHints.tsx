import { Anchor, Group, List, Loader, Stack, Text } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ImportKindName } from '../../../../src-shared/schemas/import';
import { useDownload } from '../useDownload';

/** What files the import takes, and the template for the kind chosen. */
export function UploadHints({ kind }: { kind: ImportKindName }) {
  const { t } = useTranslation();
  const download = useDownload();
  return (
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
  );
}
