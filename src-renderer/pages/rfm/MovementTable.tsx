import { Badge, Card, Group, ScrollArea, Switch, Table, Text } from '@mantine/core';
import { IconArrowRight, IconArrowsExchange } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../src-shared/format/date';
import type { RfmSummary } from '../../../src-shared/schemas/rfm';
import { EmptyList } from '../../components/EmptyList';
import { SegmentBadge } from '../../components/rfm/SegmentBadge';
import { FigureCell } from '../../../src-ui/components/FigureCell';

const whole = new Intl.NumberFormat('id-ID');

/** Customers per from → to pair since the run before; by default only those who changed segment. */
export function MovementTable({ movement }: { movement: RfmSummary['movement'] }) {
  const { t } = useTranslation();
  const [movedOnly, setMovedOnly] = useState(true);

  if (!movement) {
    return (
      <Card h="100%" data-testid="rfm-movement">
        <Text fw={700}>{t('rfm.movement.title')}</Text>
        <EmptyList icon={IconArrowsExchange} title={t('rfm.movement.noneTitle')} description={t('rfm.movement.noneText')} />
      </Card>
    );
  }

  const moved = movement.rows.filter((row) => row.from !== row.to);
  const stayed = movement.rows.filter((row) => row.from === row.to).reduce((sum, row) => sum + row.customers, 0);
  const rows = movedOnly ? moved : movement.rows;
  return (
    <Card h="100%" data-testid="rfm-movement">
      <Group justify="space-between" align="flex-start" mb="sm" wrap="wrap" gap="xs">
        <div>
          <Text fw={700}>{t('rfm.movement.title')}</Text>
          <Text size="sm" c="dimmed">
            {t('rfm.movement.since', {
              date: formatDate(movement.previousRun.analysisDate),
              moved: whole.format(moved.reduce((s, r) => s + r.customers, 0)),
              stayed: whole.format(stayed),
            })}
          </Text>
        </div>
        <Switch
          label={t('rfm.movement.movedOnly')}
          checked={movedOnly}
          onChange={(event) => setMovedOnly(event.currentTarget.checked)}
          size="sm"
          data-testid="rfm-movement-moved-only"
        />
      </Group>
      {rows.length === 0 ? (
        <Text size="sm" c="dimmed" py="md" ta="center">
          {t('rfm.movement.noChange')}
        </Text>
      ) : (
        <ScrollArea.Autosize mah={420} type="auto">
          <Table verticalSpacing={6} data-testid="rfm-movement-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('rfm.movement.fromTo')}</Table.Th>
                <Table.Th ta="right">{t('rfm.table.customers')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((row) => (
                <Table.Tr key={`${row.from ?? 'new'}-${row.to}`} data-testid="rfm-movement-row">
                  <Table.Td>
                    {/* One cell that wraps, so a narrow column never cuts a segment name. */}
                    <Group gap={6} wrap="wrap">
                      {row.from ? (
                        <SegmentBadge segment={row.from} />
                      ) : (
                        <Badge variant="outline" color="gray" tt="none">
                          {t('rfm.movement.notInRun')}
                        </Badge>
                      )}
                      <IconArrowRight size={14} color="var(--mantine-color-dimmed)" aria-label={t('rfm.movement.to')} />
                      <SegmentBadge segment={row.to} />
                    </Group>
                  </Table.Td>
                  <FigureCell strong>{whole.format(row.customers)}</FigureCell>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollArea.Autosize>
      )}
    </Card>
  );
}
