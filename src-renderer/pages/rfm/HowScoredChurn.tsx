import { Accordion, Group, Stack, Text } from '@mantine/core';
import { IconHeartRateMonitor } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { RfmRunRow } from '../../../src-shared/schemas/rfm';
import { ChurnBadge } from '../../components/rfm/SegmentBadge';

const one = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 1 });

/**
 * "Cara skor dihitung", last part: the churn bands — days since the last purchase against the
 * customer's usual gap — and the shop's own gap for one-time buyers. Apart from the card
 * (HowScored.tsx) because it explains the churn column, not the RFM scores.
 */
export function HowScoredChurn({ shopMedianGapDays }: { shopMedianGapDays: RfmRunRow['parameters']['shopMedianGapDays'] }) {
  const { t } = useTranslation();
  return (
    <Accordion.Item value="churn">
      <Accordion.Control icon={<IconHeartRateMonitor size={18} />} data-testid="rfm-how-churn">
        {t('rfm.how.churnTitle')}
      </Accordion.Control>
      <Accordion.Panel>
        <Stack gap="sm">
          <Text size="sm">{t('rfm.how.churnRule')}</Text>
          <Group gap="lg" wrap="wrap">
            {(
              [
                ['active', '< 1'],
                ['cooling', '1 – 2'],
                ['at_risk', '2 – 3'],
                ['likely_lost', '> 3'],
              ] as const
            ).map(([band, range]) => (
              <Group key={band} gap={6} wrap="nowrap">
                <ChurnBadge band={band} />
                <Text size="sm" className="sma-num">
                  {range}
                </Text>
              </Group>
            ))}
          </Group>
          <Text size="sm">{shopMedianGapDays === null ? t('rfm.how.churnNoShopGap') : t('rfm.how.churnOneTime', { days: one.format(shopMedianGapDays) })}</Text>
          <Text size="sm" fw={600} c="orange.8">
            {t('rfm.how.churnThumb')}
          </Text>
        </Stack>
      </Accordion.Panel>
    </Accordion.Item>
  );
}
