import { Card, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatRupiah } from '../../../src-shared/format/money';
import type { SegmentSummaryRow } from '../../../src-shared/schemas/rfm';
import { SegmentBadge } from '../../components/rfm/SegmentBadge';
import { useSegmentText } from '../../components/rfm/useSegmentText';
import { useRupiahShort } from '../../../src-ui/components/useRupiahShort';
import { hrefWith } from '../../router';
import { FigureCell } from '../../../src-ui/components/FigureCell';
import { ScrollTable } from '../../../src-ui/components/ScrollTable';

const one = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 1, minimumFractionDigits: 1 });
const whole = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 0 });
/** An empty segment has no revenue or averages: a dash, not "0 hari" and "Rp 0" that read as real figures. */
const NONE = '—';

/**
 * One row per segment, in the standard order; a row opens the segment's customers. The action sits
 * under the segment's name, where it is read with it, so the figures keep room on a laptop screen.
 */
export function SegmentTable({ rows, runId }: { rows: SegmentSummaryRow[]; runId: string }) {
  const { t } = useTranslation();
  const text = useSegmentText();
  const formatRupiahShort = useRupiahShort();
  const open = (segment: string) => {
    window.location.hash = hrefWith({ runId }, 'rfm', 'segment', segment);
  };
  const th = (label: string, align: 'left' | 'right' = 'right') => (
    <Table.Th
      ta={align}
      style={{
        verticalAlign: 'bottom',
        fontSize: 'var(--mantine-font-size-xs)',
        textTransform: 'uppercase',
        letterSpacing: '0.04em',
        color: 'var(--mantine-color-dimmed)',
      }}
    >
      {label}
    </Table.Th>
  );
  return (
    <Card p={0}>
      <ScrollTable
        minWidth={900}
        highlightOnHover
        verticalSpacing="sm"
        horizontalSpacing="xs"
        data-testid="segment-table"
        head={
          <>
            {th(t('rfm.table.segmentAction'), 'left')}
            {th(t('rfm.table.customers'))}
            {th(t('rfm.table.revenue'))}
            {th(t('rfm.table.revenuePct'))}
            {th(t('rfm.table.aov'))}
            {th(t('rfm.table.meanR'))}
            {th(t('rfm.table.meanF'))}
            {th(t('rfm.table.meanM'))}
          </>
        }
      >
        {rows.map((row) => (
          <Table.Tr
            key={row.segment}
            className="sma-clickable-row"
            onClick={() => open(row.segment)}
            data-testid={`segment-row-${row.segment}`}
            data-customers={row.customers}
            data-empty={row.customers === 0 || undefined}
          >
            <Table.Td miw={170} maw={400}>
              <Stack gap={4} align="flex-start">
                <SegmentBadge segment={row.segment} size="md" title={text.segment(row.segment).who} />
                <Text size="xs" lh={1.35}>
                  {text.segment(row.segment).action}
                </Text>
              </Stack>
            </Table.Td>
            {/* The share under the count, not in a column of its own: the table fits a 1024 px laptop. */}
            <Table.Td ta="right" className="sma-num">
              <Text size="sm" fw={600} data-testid="segment-customers">
                {whole.format(row.customers)}
              </Text>
              <Text size="xs" c="dimmed">
                {one.format(row.customersPct)}%
              </Text>
            </Table.Td>
            {row.customers === 0 ? (
              Array.from({ length: 6 }, (_, i) => (
                <Table.Td key={i} ta="right" c="dimmed" data-testid="segment-none">
                  {NONE}
                </Table.Td>
              ))
            ) : (
              <>
                <Table.Td ta="right" className="sma-num" title={formatRupiah(row.revenue)}>
                  {formatRupiahShort(row.revenue)}
                </Table.Td>
                <FigureCell>{one.format(row.revenuePct)}%</FigureCell>
                <Table.Td ta="right" className="sma-num" title={formatRupiah(row.aov)}>
                  {formatRupiahShort(row.aov)}
                </Table.Td>
                <FigureCell>{t('rfm.table.days', { n: whole.format(row.meanRecencyDays) })}</FigureCell>
                <FigureCell>{one.format(row.meanFrequency)}×</FigureCell>
                <Table.Td ta="right" className="sma-num" title={formatRupiah(Math.round(row.meanMonetary))}>
                  {formatRupiahShort(row.meanMonetary)}
                </Table.Td>
              </>
            )}
          </Table.Tr>
        ))}
      </ScrollTable>
    </Card>
  );
}
