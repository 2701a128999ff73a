import { BarChart } from '@mantine/charts';
import { Badge, Card, Progress, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { IconChartBar, IconChartDonut, IconUsers } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { BusinessDetail } from '../../../../src-shared/cloud/admin-businesses-api';
import { formatDate } from '../../../../src-shared/format/date';
import { formatRupiahShort } from '../../../../src-shared/format/money';
import { EmptyList } from '../../../../src-renderer/components/EmptyList';
import { Money } from '../../../../src-ui/components/Money';
import { formatCount } from '../../format';
import { currentLanguage } from '../../i18n';
import { segmentColor, segmentLabel, sortSegments } from '../../segments';
import { FigureCell } from '../../../../src-ui/components/FigureCell';
import { HeadRow } from '../../../../src-ui/components/HeadRow';
import { TitleBlock } from '../../../../src-ui/components/TitleBlock';

/** `2026-11` → `Nov 26` in the language on screen. */
function monthLabel(month: string, language: string): string {
  const [year, m] = month.split('-').map(Number);
  return new Date(Date.UTC(year, m - 1, 1)).toLocaleDateString(language === 'en' ? 'en-GB' : 'id-ID', { month: 'short', year: '2-digit', timeZone: 'UTC' });
}

export function OverviewTab({ detail }: { detail: BusinessDetail }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const months = detail.months.map((m) => ({ ...m, label: monthLabel(m.month, language) }));
  const hasRevenue = detail.months.some((m) => m.transactions > 0);
  const segments = detail.rfm ? sortSegments(detail.rfm.segments) : [];
  const segmentTotal = segments.reduce((sum, s) => sum + s.customers, 0);

  return (
    <Stack gap="lg">
      <Card>
        <Stack gap="xs">
          <TitleBlock title={t('business.months.title')} subtitle={t('business.months.subtitle')} order={2} size="h4" gap="xs" />
          {hasRevenue ? (
            <BarChart
              h={280}
              data={months}
              dataKey="label"
              series={[{ name: 'revenue', label: t('business.months.revenue'), color: 'navy.6' }]}
              valueFormatter={(value) => formatRupiahShort(value)}
              tickLine="y"
              gridAxis="y"
              data-testid="months-chart"
            />
          ) : (
            <EmptyList icon={IconChartBar} title={t('business.months.title')} description={t('business.months.empty')} testId="months-empty" />
          )}
        </Stack>
      </Card>
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
        <Card>
          <Stack gap="xs">
            <TitleBlock
              title={t('business.segments.title')}
              subtitle={
                detail.rfm && t('business.segments.subtitle', { date: formatDate(detail.rfm.analysisDate), customers: formatCount(detail.rfm.customers) })
              }
              order={2}
              size="h4"
              gap="xs"
            />
            {detail.rfm ? (
              <>
                <Table verticalSpacing={6} data-testid="segments-table">
                  <HeadRow columns={[t('business.segments.segment'), t('business.segments.customers'), t('business.segments.revenue')]} figuresFrom={1} />
                  <Table.Tbody>
                    {segments.map((s) => (
                      <Table.Tr key={s.segment} data-segment={s.segment}>
                        <Table.Td>
                          <Stack gap={4}>
                            <Badge color={segmentColor(s.segment)} variant="light" tt="none">
                              {segmentLabel(s.segment, language)}
                            </Badge>
                            <Progress
                              value={segmentTotal ? (s.customers / segmentTotal) * 100 : 0}
                              color={`${segmentColor(s.segment)}.6`}
                              size="sm"
                              w={160}
                              aria-hidden
                            />
                          </Stack>
                        </Table.Td>
                        <FigureCell>{formatCount(s.customers)}</FigureCell>
                        <FigureCell>
                          <Money amount={s.revenue} />
                        </FigureCell>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </>
            ) : (
              <EmptyList icon={IconChartDonut} title={t('business.segments.title')} description={t('business.segments.empty')} testId="segments-empty" />
            )}
          </Stack>
        </Card>
        <Card>
          <Stack gap="xs">
            <Title order={2} size="h4">
              {t('business.top.title')}
            </Title>
            {detail.topCustomers.length ? (
              <Table verticalSpacing={6} data-testid="top-customers">
                <HeadRow
                  columns={[t('business.top.name'), t('business.top.city'), t('business.top.transactions'), t('business.top.revenue')]}
                  figuresFrom={2}
                />
                <Table.Tbody>
                  {detail.topCustomers.map((c) => (
                    <Table.Tr key={c.id}>
                      <Table.Td>
                        <Text size="sm" fw={600} lh={1.3}>
                          {c.name}
                        </Text>
                        <Text size="xs" c="dimmed">
                          {c.code}
                        </Text>
                      </Table.Td>
                      <Table.Td>{c.city ?? t('common.none')}</Table.Td>
                      <FigureCell>{formatCount(c.transactions)}</FigureCell>
                      <FigureCell>
                        <Money amount={c.revenue} />
                      </FigureCell>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            ) : (
              <EmptyList icon={IconUsers} title={t('business.top.title')} description={t('business.top.empty')} />
            )}
          </Stack>
        </Card>
      </SimpleGrid>
    </Stack>
  );
}
