import { ScrollArea, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../src-shared/format/date';
import type { RfmCustomerOutput } from '../../../src-shared/schemas/rfm';
import { SegmentBadge } from '../../components/rfm/SegmentBadge';

/** The customer's segment in every run, newest first: where they came from, at a glance. */
export function RfmHistory({ history }: { history: RfmCustomerOutput['history'] }) {
  const { t } = useTranslation();
  return (
    <div data-testid="customer-rfm-history">
      <Text size="sm" fw={600} mb={4}>
        {t('customerRfm.history')}
      </Text>
      <ScrollArea.Autosize mah={240} type="auto">
        <Table verticalSpacing={4} fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('customerRfm.runDate')}</Table.Th>
              <Table.Th>{t('rfm.table.segment')} · R·F·M</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {history.map((h) => (
              <Table.Tr key={h.runId} data-testid="customer-rfm-history-row">
                <Table.Td>
                  <Text size="sm" className="sma-num">
                    {formatDate(h.analysisDate)}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {t(`rfm.method.${h.method}`)}
                  </Text>
                </Table.Td>
                {/* Scores under the segment, not in a third column: the card is a third of a 1024 px laptop. */}
                <Table.Td>
                  <SegmentBadge segment={h.segment} size="sm" />
                  <Text size="xs" c="dimmed" className="sma-num">
                    {h.r}·{h.f}·{h.m}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea.Autosize>
    </div>
  );
}
