import { Button, Group, Progress, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EventPayload } from '../../../src-shared/contract';
import { call } from '../../api/client';
import { currentLanguage } from '../../i18n';

export type RestoreCounts = Partial<Record<EventPayload<'sync.restoreProgress'>['entity'], number>>;

/** Rows arrive a page at a time, customers first: counts, not a percentage (the totals are not known). */
export function RestoreProgress({ counts }: { counts: RestoreCounts }) {
  const { t } = useTranslation();
  const [cancelling, setCancelling] = useState(false);
  const numbers = new Intl.NumberFormat(currentLanguage() === 'en' ? 'en-US' : 'id-ID');
  const line = (key: 'customers' | 'products' | 'transactions') => (
    <Group justify="space-between" key={key}>
      <Text size="sm">{t(`setup.restoreCount.${key}`)}</Text>
      <Text size="sm" fw={600} className="sma-num" data-testid={`restore-count-${key}`}>
        {numbers.format(counts[key] ?? 0)}
      </Text>
    </Group>
  );
  return (
    <Stack gap="sm" data-testid="restore-progress">
      <Text fw={600}>{t('setup.restoreRunning')}</Text>
      <Progress value={100} animated striped size="lg" radius="xl" color="sun" />
      {line('customers')}
      {line('products')}
      {line('transactions')}
      <Group justify="flex-end">
        <Button
          variant="default"
          loading={cancelling}
          data-testid="restore-cancel"
          onClick={() => {
            setCancelling(true);
            void call('sync.restoreCancel', {});
          }}
        >
          {t('common.cancel')}
        </Button>
      </Group>
    </Stack>
  );
}
