import { Card, Group, Progress, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../src-shared/format/date';
import type { CampaignRow } from '../../../src-shared/schemas/content';

const whole = new Intl.NumberFormat('id-ID');
const pct = new Intl.NumberFormat('id-ID', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/**
 * A campaign's funnel: recipients, contacted, converted, each as a share of the recipients, and
 * how a conversion is counted. Apart from the page (CampaignDetail.tsx) because it is one card
 * with its own arithmetic.
 */
export function CampaignFunnel({ row }: { row: CampaignRow }) {
  const { t } = useTranslation();
  const share = (n: number) => (row.recipients ? (100 * n) / row.recipients : 0);
  return (
    <Card>
      <Text fw={700} mb="sm">
        {t('campaigns.funnelTitle')}
      </Text>
      <Stack gap="sm">
        {(
          [
            ['recipients', row.recipients, 'navy'],
            ['contacted', row.contacted, 'blue'],
            ['converted', row.converted, 'teal'],
          ] as const
        ).map(([key, n, color]) => (
          <Stack key={key} gap={4}>
            <Group justify="space-between">
              <Text size="sm">{t(`campaigns.stat.${key}`)}</Text>
              <Text size="sm" fw={600} className="sma-num">
                {whole.format(n)} · {pct.format(share(n))}%
              </Text>
            </Group>
            <Progress value={share(n)} color={color} size="lg" radius="sm" aria-label={t(`campaigns.stat.${key}`)} />
          </Stack>
        ))}
        <Text size="xs" c="dimmed">
          {t('campaigns.howCounted', { code: row.code, from: formatDate(row.startDate) })}
        </Text>
      </Stack>
    </Card>
  );
}
