import { Button, Card, Group, Loader, SimpleGrid, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { useElementSize } from '@mantine/hooks';
import { IconTableOff } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../src-shared/format/date';
import { formatRupiah } from '../../../src-shared/format/money';
import type { ExportPreview } from '../../../src-shared/schemas/export';
import { EmptyList } from '../../components/EmptyList';
import { formatCell, isFigure } from '../../components/export/formatCell';

const count = new Intl.NumberFormat('id-ID');

/** Room a column needs before its text wraps past reading: a rupiah figure, a date and time. */
const COLUMN_WIDTH = 130;
/** Longer text than this (an address, an e-mail, items) may wrap in its cell; shorter stays on one line. */
const LONG_TEXT = 18;

interface Props {
  /** The report chosen: its name titles the preview, also while it loads. */
  name: string;
  /** The preview of that report: undefined while it loads (never another report's). */
  preview: ExportPreview | undefined;
  /** A newer preview of the same report (another period) is on its way. */
  loading: boolean;
  timeZone?: string;
}

type Column = ExportPreview['columns'][number];

/**
 * The columns that fit the card: the report's first ones in its own order (the identifying ones
 * come first in every report), and every summed figure.
 */
function fitting(columns: Column[], totals: Record<string, number>, width: number): Column[] {
  const room = Math.max(3, Math.floor(width / COLUMN_WIDTH));
  if (columns.length <= room) return columns;
  const summed = columns.filter((c) => c.key in totals).slice(0, room - 2);
  const first = columns.filter((c) => !summed.includes(c)).slice(0, room - summed.length);
  return columns.filter((c) => first.includes(c) || summed.includes(c));
}

/** The report's first rows as the file will show them, with the row count and totals of every row. */
export function ReportPreview({ name, preview, loading, timeZone }: Props) {
  const { t } = useTranslation();
  const { ref, width } = useElementSize();
  const [allColumns, setAllColumns] = useState(false);
  if (!preview) {
    // A report just chosen: its own title and a loading state at once, none of the last one's figures.
    return (
      <Stack gap="md" data-testid="preview-loading">
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="md">
          {[0, 1].map((i) => (
            <Card key={i} padding="md">
              <Skeleton height={12} width="60%" />
              <Skeleton height={22} width="40%" mt={8} />
            </Card>
          ))}
        </SimpleGrid>
        <Card>
          <Title order={3} size="h5" data-testid="preview-title">
            {t('reports.previewOf', { name })}
          </Title>
          <Group justify="center" gap="sm" py={48}>
            <Loader size="sm" />
            <Text size="sm">{t('reports.previewLoading', { name })}</Text>
          </Group>
        </Card>
      </Stack>
    );
  }
  const shown = allColumns ? preview.columns : fitting(preview.columns, preview.totals, width || 1000);
  const hidden = preview.columns.length - shown.length;
  const at = new Map(preview.columns.map((c, i) => [c.key, i]));
  const wraps = new Set(shown.filter((c) => !isFigure(c.type) && preview.rows.some((row) => formatCell(c.type, row[at.get(c.key) ?? 0], timeZone).length > LONG_TEXT)).map((c) => c.key));
  const period = preview.period ? `${preview.period.from ? formatDate(preview.period.from) : '…'} – ${preview.period.to ? formatDate(preview.period.to) : '…'}` : null;
  const table = (
    <Table striped verticalSpacing="xs" horizontalSpacing="sm" data-testid="preview-table">
      <Table.Thead>
        <Table.Tr>
          {shown.map((c) => (
            <Table.Th key={c.key} ta={isFigure(c.type) ? 'right' : undefined} style={{ fontSize: 'var(--mantine-font-size-xs)', color: 'var(--mantine-color-dimmed)', verticalAlign: 'bottom' }}>
              {c.label}
            </Table.Th>
          ))}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {preview.rows.map((row, index) => (
          <Table.Tr key={index} data-testid="preview-row">
            {shown.map((c) => (
              <Table.Td
                key={c.key}
                ta={isFigure(c.type) ? 'right' : undefined}
                className={isFigure(c.type) ? 'sma-num' : undefined}
                // Figures and short values (codes, phones, cities) stay on one line; long text wraps,
                // even an unbroken e-mail address, instead of widening the page.
                style={wraps.has(c.key) ? { overflowWrap: 'anywhere', minWidth: 120 } : { whiteSpace: 'nowrap' }}
              >
                {formatCell(c.type, row[at.get(c.key) ?? 0], timeZone)}
              </Table.Td>
            ))}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
  return (
    <Stack gap="md" style={{ opacity: loading ? 0.6 : 1 }} aria-busy={loading}>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="md">
        <Figure label={t('reports.rows')} value={count.format(preview.total)} testId="preview-total" />
        {period && <Figure label={t('reports.period')} value={period} testId="preview-period" />}
        {Object.entries(preview.totals).map(([key, value]) => {
          const column = preview.columns.find((c) => c.key === key);
          // "Total belanja" is a total already: not "Total total belanja".
          const label = column && /^total\b/i.test(column.label) ? column.label : t('reports.totalOf', { column: column?.label.toLowerCase() ?? key });
          return <Figure key={key} label={label} value={column?.type === 'money' ? formatRupiah(value) : count.format(value)} testId={`preview-sum-${key}`} />;
        })}
      </SimpleGrid>
      <Card p={0} ref={ref}>
        <Group justify="space-between" px="md" py="sm" gap="xs" wrap="wrap">
          <Group gap="xs" wrap="nowrap">
            <Title order={3} size="h5" data-testid="preview-title">
              {t('reports.previewOf', { name })}
            </Title>
            {loading && <Loader size="xs" data-testid="preview-refreshing" />}
          </Group>
          <Text size="sm" c="dimmed" className="sma-num">
            {t('reports.previewNote', { shown: count.format(preview.rows.length), total: count.format(preview.total) })}
          </Text>
        </Group>
        {preview.rows.length === 0 ? (
          <EmptyList icon={IconTableOff} title={t('reports.emptyTitle')} description={t('reports.emptyText')} testId="preview-empty" />
        ) : allColumns ? (
          // Asked for: every column, scrolling inside the card rather than widening the page.
          <Table.ScrollContainer minWidth={preview.columns.length * COLUMN_WIDTH}>{table}</Table.ScrollContainer>
        ) : (
          table
        )}
        {(hidden > 0 || allColumns) && (
          <Group justify="space-between" px="md" py="sm" gap="xs" wrap="wrap">
            <Text size="sm" c="dimmed" data-testid="preview-hidden-columns">
              {hidden > 0 ? t('reports.moreColumns', { n: hidden }) : ''}
            </Text>
            <Button variant="subtle" size="compact-sm" onClick={() => setAllColumns((all) => !all)} data-testid="preview-all-columns">
              {allColumns ? t('reports.showFewerColumns') : t('reports.showAllColumns', { n: preview.columns.length })}
            </Button>
          </Group>
        )}
      </Card>
    </Stack>
  );
}

/** A figure of the whole report; long ones (a period, billions of rupiah) need the card's full width. */
function Figure({ label, value, testId }: { label: string; value: string; testId: string }) {
  return (
    <Card padding="md">
      <Text size="xs" c="dimmed" fw={600} tt="uppercase" style={{ letterSpacing: '0.04em' }}>
        {label}
      </Text>
      <Text fw={700} size={value.length > 18 ? 'md' : 'lg'} lh={1.3} mt={2} className="sma-num" data-testid={testId}>
        {value}
      </Text>
    </Card>
  );
}
