import { Button, Card, Group, Loader, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useElementSize } from '@mantine/hooks';
import { IconTableOff } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../src-shared/format/date';
import { formatRupiah } from '../../../src-shared/format/money';
import type { ExportPreview } from '../../../src-shared/schemas/export';
import { EmptyList } from '../../components/EmptyList';
import { PreviewLoading } from './PreviewLoading';
import { ReportRowsTable } from './ReportRowsTable';

const count = new Intl.NumberFormat('id-ID');

/** Room a column needs before its text wraps past reading: a rupiah figure, a date and time. */
const COLUMN_WIDTH = 130;

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
  if (!preview) return <PreviewLoading name={name} />;
  const shown = allColumns ? preview.columns : fitting(preview.columns, preview.totals, width || 1000);
  const hidden = preview.columns.length - shown.length;
  const period = preview.period
    ? `${preview.period.from ? formatDate(preview.period.from) : '…'} – ${preview.period.to ? formatDate(preview.period.to) : '…'}`
    : null;
  const table = <ReportRowsTable preview={preview} shown={shown} timeZone={timeZone} />;
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
