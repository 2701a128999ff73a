import { Badge, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ContentRow } from '../../../src-shared/schemas/content';

/**
 * A variant's title with its state: edits not saved yet, and draft or approved. Apart from the
 * card (VariantCard.tsx) because it only shows, where the card edits.
 */
export function VariantHeader({ row, dirty }: { row: ContentRow; dirty: boolean }) {
  const { t } = useTranslation();
  const approved = row.status === 'approved';
  return (
    <Group justify="space-between" gap="xs">
      <Text fw={700}>{t('content.variant.title', { n: row.variant })}</Text>
      <Group gap={6}>
        {dirty && (
          <Badge color="orange" variant="light" tt="none" data-testid="variant-unsaved">
            {t('content.variant.unsaved')}
          </Badge>
        )}
        <Badge color={approved ? 'teal' : 'gray'} variant={approved ? 'filled' : 'light'} tt="none" data-testid="variant-status" data-status={row.status}>
          {t(`content.status.${row.status}`)}
        </Badge>
      </Group>
    </Group>
  );
}
