import { Table, Text } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { formatRupiah } from '../../../src-shared/format/money';
import type { RfmEdges } from '../../../src-shared/rfm/rules';
import { ScrollTable } from '../../../src-ui/components/ScrollTable';

const whole = new Intl.NumberFormat('id-ID');

/**
 * What each score means under fixed edges. Values are whole numbers and edges upper-inclusive
 * (a value above an edge passes it), so score s covers (edge[s-2], edge[s-1]]: written as
 * "edge+1 – edge" for the owner, exactly what the run's SQL does (main's rfm/score.ts). The score
 * counts the edges passed, so their order does not matter; a quintile run's edges can repeat
 * (many customers with one value), and a score no whole value at or above `least` can reach shows
 * as a dash.
 */
function ranges(given: number[], least: number, show: (n: number) => string, t: TFunction): string[] {
  const edges = [...given].sort((a, b) => a - b);
  return [1, 2, 3, 4, 5].map((score) => {
    if (score === 5) return t('rfm.how.above', { v: show(edges[3]) });
    const high = edges[score - 1];
    const low = score === 1 ? least : Math.max(edges[score - 2] + 1, least);
    if (high < low) return '—';
    if (score === 1) return t('rfm.how.atMost', { v: show(high) });
    return low === high ? show(high) : `${show(low)} – ${show(high)}`;
  });
}

export function ScoreRanges({ edges }: { edges: RfmEdges }) {
  const { t } = useTranslation();
  const days = (n: number) => t('rfm.table.days', { n: whole.format(n) });
  const times = (n: number) => `${whole.format(n)}×`;
  // Recency is reversed: the fewest days since the last purchase score 5.
  const recency = ranges(edges.recencyDays, 0, days, t).reverse();
  const frequency = ranges(edges.frequency, 1, times, t);
  const monetary = ranges(edges.monetary, -Infinity, formatRupiah, t); // returns can make a total negative
  const rows: [string, string[]][] = [
    [t('rfm.how.recency'), recency],
    [t('rfm.how.frequency'), frequency],
    [t('rfm.how.monetary'), monetary],
  ];
  return (
    <ScrollTable
      minWidth={640}
      withTableBorder
      withColumnBorders
      verticalSpacing={6}
      fz="sm"
      data-testid="rfm-how-ranges"
      head={
        <>
          <Table.Th>{t('rfm.how.measure')}</Table.Th>
          {[1, 2, 3, 4, 5].map((score) => (
            <Table.Th key={score} ta="center">
              {t('rfm.how.score', { score })}
            </Table.Th>
          ))}
        </>
      }
    >
      {rows.map(([label, cells]) => (
        <Table.Tr key={label}>
          <Table.Td>
            <Text size="sm" fw={600}>
              {label}
            </Text>
          </Table.Td>
          {cells.map((cell, index) => (
            // A range may break after its dash: five of "Rp 1.000.001 – Rp 5.000.000" on one line each are wider than a 1024 px laptop.
            <Table.Td key={index} ta="center" className="sma-num" style={{ whiteSpace: 'normal' }}>
              {cell}
            </Table.Td>
          ))}
        </Table.Tr>
      ))}
    </ScrollTable>
  );
}
