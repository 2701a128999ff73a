import { Accordion, Card, Group, List, Table, Text } from '@mantine/core';
import { IconBulb, IconCoin, IconGridDots } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../src-shared/format/date';
import { SEGMENT_IDS, type SegmentId } from '../../../src-shared/rfm/rules';
import type { RfmRunRow } from '../../../src-shared/schemas/rfm';
import { SegmentBadge } from '../../components/rfm/SegmentBadge';
import { HowScoredChurn } from './HowScoredChurn';
import { HowScoredScores } from './HowScoredScores';

const one = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 1 });

/**
 * "Cara skor dihitung": the exact rules of the run on screen, with its own parameters (edges, map,
 * expected years, shop gap), in words an owner can check against a customer's figures.
 */
export function HowScored({ run }: { run: RfmRunRow }) {
  const { t } = useTranslation();
  const p = run.parameters;
  const cellsOf = (segment: SegmentId) => (p.segments[segment] ?? []).map((cell) => cell.replace(/^(\d)-(\d)$/, 'R$1·F$2')).join(', ');
  const period =
    run.windowMonths === null
      ? t('rfm.how.windowAll', { date: formatDate(run.analysisDate) })
      : t('rfm.how.windowMonths', { n: run.windowMonths, date: formatDate(run.analysisDate) });

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
        <HowScoredScores run={run} />

        <Accordion.Item value="segments">
          <Accordion.Control icon={<IconGridDots size={18} />} data-testid="rfm-how-segments">
            {t('rfm.how.mapTitle')}
          </Accordion.Control>
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
          <Accordion.Control icon={<IconCoin size={18} />} data-testid="rfm-how-clv">
            {t('rfm.how.clvTitle')}
          </Accordion.Control>
          <Accordion.Panel>
            <List size="sm" spacing={4}>
              <List.Item>{t('rfm.how.clvRule')}</List.Item>
              <List.Item>{t('rfm.how.clvPerYear')}</List.Item>
              <List.Item>{t('rfm.how.clvYears', { years: one.format(p.clvExpectedYears) })}</List.Item>
              <List.Item>{t('rfm.how.clvProxy')}</List.Item>
            </List>
          </Accordion.Panel>
        </Accordion.Item>

        <HowScoredChurn shopMedianGapDays={p.shopMedianGapDays} />
      </Accordion>
    </Card>
  );
}
