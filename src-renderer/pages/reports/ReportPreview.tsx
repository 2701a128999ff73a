import { Card, Group, Loader, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { IconTableOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../src-shared/format/date';
import { formatRupiah } from '../../../src-shared/format/money';
import type { ExportPreview } from '../../../src-shared/schemas/export';
import { EmptyList } from '../../components/EmptyList';
import { formatCell, isFigure } from '../../components/export/formatCell';

const count = new Intl.NumberFormat('id-ID');

interface Props {
  preview: ExportPreview | undefined;
  loading: boolean;
  timeZone?: string;
}

/** The report's first rows as the file will show them, with the row count and totals of every row. */
export function ReportPreview({ preview, loading, timeZone }: Props) {
  const { t } = useTranslation();
  if (!preview) {
    return (
      <Card>
        <Group justify="center" py={60}>
          <Loader />
        </Group>
      </Card>
    );
  }
  const columns = preview.columns;
  const period = preview.period ? `${preview.period.from ? formatDate(preview.period.from) : '…'} – ${preview.period.to ? formatDate(preview.period.to) : '…'}` : null;
  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="md">
        <Figure label={t('reports.rows')} value={count.format(preview.total)} testId="preview-total" />
        {period && <Figure label={t('reports.period')} value={period} testId="preview-period" />}
        {Object.entries(preview.totals).map(([key, value]) => {
          const column = columns.find((c) => c.key === key);
          const label = t('reports.totalOf', { column: column?.label.toLowerCase() ?? key });
          return <Figure key={key} label={label} value={column?.type === 'money' ? formatRupiah(value) : count.format(value)} testId={`preview-sum-${key}`} />;
        })}
      </SimpleGrid>
      <Card p={0} pos="relative" style={{ opacity: loading ? 0.6 : 1 }}>
        <Group justify="space-between" px="md" py="sm">
          <Title order={3} size="h5">
            {t('reports.previewTitle')}
          </Title>
          <Text size="sm" c="dimmed" className="sma-num">
            {t('reports.previewNote', { shown: count.format(preview.rows.length), total: count.format(preview.total) })}
          </Text>
        </Group>
        {preview.rows.length === 0 ? (
          <EmptyList icon={IconTableOff} title={t('reports.emptyTitle')} description={t('reports.emptyText')} testId="preview-empty" />
        ) : (
          <Table.ScrollContainer minWidth={Math.max(720, columns.length * 120)}>
            <Table striped verticalSpacing="xs" horizontalSpacing="sm" data-testid="preview-table">
              <Table.Thead>
                <Table.Tr>
                  {columns.map((c) => (
                    <Table.Th key={c.key} ta={isFigure(c.type) ? 'right' : undefined} style={{ whiteSpace: 'nowrap', fontSize: 'var(--mantine-font-size-xs)', color: 'var(--mantine-color-dimmed)' }}>
                      {c.label}
                    </Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {preview.rows.map((row, index) => (
                  <Table.Tr key={index} data-testid="preview-row">
                    {columns.map((c, i) => (
                      <Table.Td key={c.key} ta={isFigure(c.type) ? 'right' : undefined} className={isFigure(c.type) ? 'sma-num' : undefined} style={{ whiteSpace: 'nowrap', maxWidth: 280, overflow: 'hidden', textOverflow: 'ellipsis' }}>
                        {formatCell(c.type, row[i], timeZone)}
                      </Table.Td>
                    ))}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Card>
    </Stack>
  );
}

/** A figure of the whole report; long ones (a period, billions of rupiah) need the card's full width. */
function Figure({ label, value, testId }: { label: string; value: string; testId: string }) {
  return (
    <Card padding="md">
      <Text size="xs" c="dimmed" fw={600} tt="uppercase" style={{ letterSpacing: '0.04em' }} truncate>
        {label}
      </Text>
      <Text fw={700} size={value.length > 18 ? 'md' : 'lg'} lh={1.3} mt={2} className="sma-num" data-testid={testId}>
        {value}
      </Text>
    </Card>
  );
}
