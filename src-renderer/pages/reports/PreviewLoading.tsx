import { Card, Group, Loader, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/**
 * A report just chosen: its own title and a loading state at once, none of the last one's figures.
 * Apart from the preview (ReportPreview.tsx) because it shows before there is any preview at all.
 */
export function PreviewLoading({ name }: { name: string }) {
  const { t } = useTranslation();
  return (
    <Stack gap="md" data-testid="preview-loading">
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="md">
        {[0, 1].map((i) => (
          <Card key={i} padding="md">
            <Skeleton height={12} width="60%" />
            <Skeleton height={22} width="40%" mt={8} />
          </Card>
        ))}
      </SimpleGrid>
      <Card>
        <Title order={3} size="h5" data-testid="preview-title">
          {t('reports.previewOf', { name })}
        </Title>
        <Group justify="center" gap="sm" py={48}>
          <Loader size="sm" />
          <Text size="sm">{t('reports.previewLoading', { name })}</Text>
        </Group>
      </Card>
    </Stack>
  );
}
