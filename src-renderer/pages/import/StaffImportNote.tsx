import { Button, Card, Group, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconDownload, IconLock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { IMPORT_KINDS } from '../../../src-shared/schemas/import';
import { useDownload } from './useDownload';
import { TitleBlock } from '../../../src-ui/components/TitleBlock';

/** Staff cannot import, but can prepare a file from the templates for the owner or a manager. */
export function StaffImportNote() {
  const { t } = useTranslation();
  const download = useDownload();
  return (
    <Card data-testid="import-staff-note">
      <Stack gap="md" maw={640}>
        <Group gap="sm" wrap="nowrap" align="flex-start">
          <ThemeIcon variant="light" color="gray" size={40} radius="xl">
            <IconLock size={20} />
          </ThemeIcon>
          <TitleBlock title={t('import.staffTitle')} subtitle={t('import.staffText')} order={2} size="h4" gap={4} />
        </Group>
        <Text size="sm" fw={600}>
          {t('import.upload.template')}
        </Text>
        <Group gap="sm" mt={-8}>
          {IMPORT_KINDS.map((kind) => (
            <Button
              key={kind}
              variant="light"
              leftSection={<IconDownload size={16} />}
              loading={download.pending === `template-${kind}`}
              onClick={() => void download.template(kind)}
              data-testid={`import-template-${kind}`}
            >
              {t(`import.kinds.${kind}`)}
            </Button>
          ))}
        </Group>
      </Stack>
    </Card>
  );
}
