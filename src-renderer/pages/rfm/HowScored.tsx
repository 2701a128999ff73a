import { Accordion, Card, Group, List, Stack, Table, Text } from '@mantine/core';
import { IconBulb, IconCoin, IconGridDots, IconHeartRateMonitor, IconMathFunction } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../src-shared/format/date';
import { SEGMENT_IDS, type SegmentId } from '../../../src-shared/rfm/rules';
import type { RfmRunRow } from '../../../src-shared/schemas/rfm';
import { ChurnBadge, SegmentBadge } from '../../components/rfm/SegmentBadge';
import { ScoreRanges } from './ScoreRanges';

const whole = new Intl.NumberFormat('id-ID');
const one = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 1 });

/**
 * "Cara skor dihitung": the exact rules of the run on screen, with its own parameters (edges, map,
 * expected years, shop gap), in words an owner can check against a customer's figures.
 */
export function HowScored({ run }: { run: RfmRunRow }) {
  const { t } = useTranslation();
  const p = run.parameters;
  const cellsOf = (segment: SegmentId) => (p.segments[segment] ?? []).map((cell) => cell.replace(/^(\d)-(\d)$/, 'R$1·F$2')).join(', ');
  const period = run.windowMonths === null ? t('rfm.how.windowAll', { date: formatDate(run.analysisDate) }) : t('rfm.how.windowMonths', { n: run.windowMonths, date: formatDate(run.analysisDate) });

  return (
    <Card data-testid="rfm-how">
      <Group gap="xs" mb="xs">
        <IconBulb size={20} color="var(--mantine-color-sun-7)" />
        <Text fw={700}>{t('rfm.how.title')}</Text>
      </Group>
      <Text size="sm" c="dimmed" mb="sm">
        {t('rfm.how.intro', { period })}
      </Text>
      <Accordion variant="separated" multiple defaultValue={['scores']}>
        <Accordion.Item value="scores">
          <Accordion.Control icon={<IconMathFunction size={18} />} data-testid="rfm-how-scores">
            {t('rfm.how.scoresTitle', { method: t(`rfm.method.${run.method}`) })}
          </Accordion.Control>
          <Accordion.Panel>
            <Stack gap="sm">
              <List size="sm" spacing={4}>
                <List.Item>{t('rfm.how.measures')}</List.Item>
                {run.method === 'fixed' ? (
                  <>
                    <List.Item>{t('rfm.how.fixedRule')}</List.Item>
                    <List.Item>{t('rfm.how.fixedRecency')}</List.Item>
                  </>
                ) : (
                  <>
                    <List.Item>{t('rfm.how.quintileRule', { n: whole.format(run.customers) })}</List.Item>
                    <List.Item>{t('rfm.how.quintileTies')}</List.Item>
                  </>
                )}
              </List>
              {run.method === 'fixed' ? (
                <ScoreRanges edges={p.edges} />
              ) : p.quintileEdges ? (
                <>
                  <Text size="sm">{t('rfm.how.quintileEdges')}</Text>
                  <ScoreRanges edges={p.quintileEdges} />
                </>
              ) : (
                <Text size="sm" c="dimmed">
                  {t('rfm.how.quintileNoEdges')}
                </Text>
              )}
            </Stack>
          </Accordion.Panel>
        </Accordion.Item>

        <Accordion.Item value="segments">
          <Accordion.Control icon={<IconGridDots size={18} />} data-testid="rfm-how-segments">{t('rfm.how.mapTitle')}</Accordion.Control>
          <Accordion.Panel>
            <Text size="sm" mb="sm">
              {t('rfm.how.mapRule')}
            </Text>
            <Table verticalSpacing={4} fz="sm">
              <Table.Tbody>
                {SEGMENT_IDS.map((segment) => (
                  <Table.Tr key={segment}>
                    <Table.Td w={220}>
                      <SegmentBadge segment={segment} />
                    </Table.Td>
                    <Table.Td className="sma-num">{cellsOf(segment) || t('rfm.how.noCells')}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Accordion.Panel>
        </Accordion.Item>

        <Accordion.Item value="clv">
          <Accordion.Control icon={<IconCoin size={18} />} data-testid="rfm-how-clv">{t('rfm.how.clvTitle')}</Accordion.Control>
          <Accordion.Panel>
            <List size="sm" spacing={4}>
              <List.Item>{t('rfm.how.clvRule')}</List.Item>
              <List.Item>{t('rfm.how.clvPerYear')}</List.Item>
              <List.Item>{t('rfm.how.clvYears', { years: one.format(p.clvExpectedYears) })}</List.Item>
              <List.Item>{t('rfm.how.clvProxy')}</List.Item>
            </List>
          </Accordion.Panel>
        </Accordion.Item>

        <Accordion.Item value="churn">
          <Accordion.Control icon={<IconHeartRateMonitor size={18} />} data-testid="rfm-how-churn">{t('rfm.how.churnTitle')}</Accordion.Control>
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
              <Text size="sm">
                {p.shopMedianGapDays === null ? t('rfm.how.churnNoShopGap') : t('rfm.how.churnOneTime', { days: one.format(p.shopMedianGapDays) })}
              </Text>
              <Text size="sm" fw={600} c="orange.8">
                {t('rfm.how.churnThumb')}
              </Text>
            </Stack>
          </Accordion.Panel>
        </Accordion.Item>
      </Accordion>
    </Card>
  );
}
