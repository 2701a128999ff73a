import { Anchor, Button, Card, Collapse, Grid, Group, Paper, Skeleton, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconChartPie, IconChevronDown, IconChevronRight } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { daysBetween, formatDate } from '../../../src-shared/format/date';
import { formatRupiah } from '../../../src-shared/format/money';
import { purchasesPerYear } from '../../../src-shared/rfm/rules';
import { customerVerdict, type VerdictTone } from '../../../src-shared/rfm/verdict';
import type { RfmCustomerOutput } from '../../../src-shared/schemas/rfm';
import { useApiQuery } from '../../api/hooks';
import { EmptyList } from '../../components/EmptyList';
import { ChurnBadge, SegmentBadge } from '../../components/rfm/SegmentBadge';
import { useSegmentText } from '../../components/rfm/useSegmentText';
import { hrefWith } from '../../router';
import { RfmHistory } from './RfmHistory';

const whole = new Intl.NumberFormat('id-ID');
const two = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 2 });

type Current = NonNullable<RfmCustomerOutput['current']>;

const TONE_COLOR: Record<VerdictTone, string> = { good: 'teal', watch: 'yellow', act: 'red', gone: 'gray' };

/**
 * Where the customer stands in the latest RFM run, said in one plain sentence, with the scores and
 * formulas behind it folded away under "Cara dihitung", and the past runs.
 */
export function CustomerRfmCard({ id }: { id: string }) {
  const { t } = useTranslation();
  const rfm = useApiQuery('rfm.customer', { id });
  const data = rfm.data;
  return (
    <Card data-testid="customer-rfm-card">
      <Group justify="space-between" mb="md" wrap="wrap" gap="xs">
        <Text fw={700}>{t('customerRfm.title')}</Text>
        {data?.current && (
          <Text size="sm" c="dimmed">
            {t('customerRfm.asOf', { date: formatDate(data.current.analysisDate), method: t(`rfm.method.${data.current.method}`) })}
          </Text>
        )}
      </Group>
      {!data ? (
        <Skeleton height={160} />
      ) : !data.current ? (
        <>
          <EmptyList
            icon={IconChartPie}
            title={t('customerRfm.emptyTitle')}
            description={t(data.history.length ? 'customerRfm.emptyNotInRun' : 'customerRfm.emptyText')}
            testId="customer-rfm-empty"
          />
          {data.history.length > 0 && <RfmHistory history={data.history} />}
        </>
      ) : (
        <Grid gap="lg">
          <Grid.Col span={{ base: 12, md: 8 }}>
            <Standing current={data.current} years={data.clvExpectedYears} shopGap={data.shopMedianGapDays} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 4 }}>
            <RfmHistory history={data.history} />
          </Grid.Col>
        </Grid>
      )}
    </Card>
  );
}

function Standing({ current, years, shopGap }: { current: Current; years: number; shopGap: number | null }) {
  const { t, i18n } = useTranslation();
  const text = useSegmentText();
  const [showHow, how] = useDisclosure(false);
  const verdict = customerVerdict(
    {
      segment: current.segment,
      churnBand: current.churnBand,
      recencyDays: current.recencyDays,
      frequency: current.frequency,
      gapDays: current.medianGapDays ?? shopGap,
    },
    i18n.language === 'en' ? 'en' : 'id',
  );
  const score = (letter: string, value: number, testId: string) => (
    <Stack gap={0} align="center" miw={56}>
      <Text size="xs" c="dimmed" fw={600}>
        {letter}
      </Text>
      <Text fz={28} fw={700} lh={1.1} className="sma-num" data-testid={testId}>
        {value}
      </Text>
    </Stack>
  );
  return (
    <Stack gap="sm">
      <Anchor href={hrefWith({ runId: current.runId }, 'rfm', 'segment', current.segment)} underline="never">
        <SegmentBadge segment={current.segment} size="xl" variant="filled" data-testid="customer-rfm-segment" />
      </Anchor>
      <Paper px="md" py="sm" radius="md" bg={`var(--mantine-color-${TONE_COLOR[verdict.tone]}-light)`} data-testid="customer-verdict" data-tone={verdict.tone}>
        <Text fw={600} lh={1.4}>
          {verdict.text}
        </Text>
      </Paper>
      <Text size="sm" c="dimmed">
        <Text span fw={600} c="var(--mantine-color-text)">
          {t('rfm.table.action')}:{' '}
        </Text>
        {text.segment(current.segment).action}
      </Text>
      <div>
        <Button
          variant="subtle"
          size="compact-sm"
          px={4}
          leftSection={showHow ? <IconChevronDown size={14} /> : <IconChevronRight size={14} />}
          onClick={how.toggle}
          aria-expanded={showHow}
          data-testid="customer-rfm-how"
        >
          {t('customerRfm.how')}
        </Button>
        <Collapse expanded={showHow}>
          <Grid gap="lg" pt="sm">
            <Grid.Col span={{ base: 12, sm: 5 }}>
              <Stack gap="xs">
                <Group gap="xs">
                  {score('R', current.r, 'customer-rfm-r')}
                  {score('F', current.f, 'customer-rfm-f')}
                  {score('M', current.m, 'customer-rfm-m')}
                </Group>
                <Text size="xs" c="dimmed">
                  {text.segment(current.segment).who}
                </Text>
              </Stack>
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 7 }}>
              <Figures current={current} years={years} shopGap={shopGap} />
            </Grid.Col>
          </Grid>
        </Collapse>
      </div>
    </Stack>
  );
}

function Line({ label, value, note, testId }: { label: string; value: React.ReactNode; note?: string; testId?: string }) {
  return (
    <div>
      <Group justify="space-between" gap="sm" wrap="nowrap">
        <Text size="sm" c="dimmed">
          {label}
        </Text>
        <Text size="sm" fw={600} className="sma-num" data-testid={testId}>
          {value}
        </Text>
      </Group>
      {note && (
        <Text size="xs" c="dimmed" ta="right">
          {note}
        </Text>
      )}
    </div>
  );
}

function Figures({ current, years, shopGap }: { current: Current; years: number; shopGap: number | null }) {
  const { t } = useTranslation();
  const perYear = purchasesPerYear(current.frequency, daysBetween(current.firstPurchase, current.analysisDate));
  const gap = current.medianGapDays ?? shopGap;
  return (
    <Stack gap={8}>
      <Line
        label={t('segmentPage.col.recency')}
        value={t('rfm.table.days', { n: whole.format(current.recencyDays) })}
        note={t('customerRfm.lastOn', { date: formatDate(current.lastPurchase) })}
      />
      <Line
        label={t('segmentPage.col.frequency')}
        value={`${whole.format(current.frequency)}×`}
        note={t('customerRfm.firstOn', { date: formatDate(current.firstPurchase) })}
      />
      <Line label={t('segmentPage.col.monetary')} value={formatRupiah(current.monetary)} />
      <Line
        label={t('customerRfm.clv')}
        value={formatRupiah(current.clv)}
        note={t('customerRfm.clvParams', { aov: formatRupiah(current.aov), perYear: two.format(perYear), years: two.format(years) })}
        testId="customer-rfm-clv"
      />
      <Group justify="space-between" gap="sm" wrap="nowrap">
        <Text size="sm" c="dimmed">
          {t('segmentPage.col.churn')}
        </Text>
        <ChurnBadge band={current.churnBand} data-testid="customer-rfm-churn" />
      </Group>
      <Text size="xs" c="dimmed" ta="right">
        {current.churnRatio === null || gap === null
          ? t('customerRfm.churnUnknown')
          : t(current.medianGapDays === null ? 'customerRfm.churnShopGap' : 'customerRfm.churnOwnGap', {
              days: whole.format(current.recencyDays),
              gap: two.format(gap),
              ratio: two.format(current.churnRatio),
            })}
      </Text>
      <Text size="xs" c="orange.8" ta="right">
        {t('customerRfm.thumb')}
      </Text>
    </Stack>
  );
}
