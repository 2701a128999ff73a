import { Anchor, Card, Group, SimpleGrid, Stack } from '@mantine/core';
import { IconArrowLeft, IconCash, IconMessageCheck, IconPercentage, IconReceipt, IconTargetOff, IconUserCheck, IconUsers } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../api/hooks';
import { EmptyList } from '../../components/EmptyList';
import { StatCard } from '../../../src-ui/components/StatCard';
import { href } from '../../router';
import { CampaignFunnel } from './CampaignFunnel';
import { CampaignHeader } from './CampaignHeader';
import { CampaignMessage } from './CampaignMessage';

const whole = new Intl.NumberFormat('id-ID');
const pct = new Intl.NumberFormat('id-ID', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
/** The report's head counts, in order: the figure (its label is campaigns.stat.<key>), its icon and colour. */
const COUNTS = [
  { key: 'recipients', icon: IconUsers, color: 'navy' },
  { key: 'contacted', icon: IconMessageCheck, color: 'blue' },
  { key: 'converted', icon: IconUserCheck, color: 'teal' },
  { key: 'conversions', icon: IconReceipt, color: 'grape' },
] as const;

/** `#/content/campaigns/<id>`: the campaign's report, its message, and a way to send to its recipients. */
export function CampaignDetail({ id }: { id: string }) {
  const { t } = useTranslation();
  const campaign = useApiQuery('campaigns.get', { id }, { meta: { silent: true } });
  const row = campaign.data;
  const back = (
    <Anchor href={href('content', 'campaigns')} size="sm" c="dimmed">
      <Group gap={4}>
        <IconArrowLeft size={14} />
        {t('campaigns.back')}
      </Group>
    </Anchor>
  );

  if (campaign.isError) {
    return (
      <Stack>
        {back}
        <Card>
          <EmptyList icon={IconTargetOff} title={t('campaigns.notFound')} description={campaign.error.message} />
        </Card>
      </Stack>
    );
  }

  return (
    <Stack gap="lg">
      <Stack gap={6}>
        {back}
        <CampaignHeader row={row} />
      </Stack>

      <SimpleGrid cols={{ base: 2, sm: 3, lg: 6 }} spacing="md" data-testid="campaign-report">
        {COUNTS.map(({ key, icon, color }) => (
          <StatCard key={key} label={t(`campaigns.stat.${key}`)} value={row && whole.format(row[key])} icon={icon} color={color} testId={`campaign-${key}`} />
        ))}
        <StatCard label={t('campaigns.stat.revenue')} amount={row?.revenue} icon={IconCash} color="green" testId="campaign-revenue" />
        <StatCard
          label={t('campaigns.stat.conversionPct')}
          value={row && `${pct.format(row.conversionPct)}%`}
          icon={IconPercentage}
          color="orange"
          testId="campaign-conversion-pct"
        />
      </SimpleGrid>

      {row && (
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
          <CampaignFunnel row={row} />
          <CampaignMessage row={row} />
        </SimpleGrid>
      )}
    </Stack>
  );
}
