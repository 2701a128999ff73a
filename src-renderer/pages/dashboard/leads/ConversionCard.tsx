import { Card, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LeadReports } from '../../../../src-shared/schemas/lead-reports';
import { SegmentedChoice } from '../../../components/SegmentedChoice';
import { CardTitle } from './CardTitle';
import { percent, whole } from './format';
import { FigureCell } from '../../../../src-ui/components/FigureCell';
import { ScrollTable } from '../../../../src-ui/components/ScrollTable';

/** Leads created in the period and how many closed, per channel or per campaign code. */
export function ConversionCard({ data }: { data: LeadReports }) {
  const { t } = useTranslation();
  const [by, setBy] = useState<'channel' | 'campaign'>('channel');
  const rows =
    by === 'channel'
      ? data.byChannel.map((r) => ({ ...r, key: r.channelId ?? '-' }))
      : data.byCampaign.map((r) => ({ ...r, key: r.code ?? '-', name: r.code }));
  return (
    <Card h="100%" data-testid="leads-conversion">
      <CardTitle title={t('leadsReports.conversion.title')} hint={t('leadsReports.conversion.hint')} />
      <SegmentedChoice
        size="xs"
        mb="sm"
        value={by}
        onChange={setBy}
        options={{ channel: t('leadsReports.conversion.byChannel'), campaign: t('leadsReports.conversion.byCampaign') }}
      />
      {rows.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('leadsReports.conversion.empty')}
        </Text>
      ) : (
        <ScrollTable
          minWidth={320}
          verticalSpacing={4}
          columns={[
            by === 'channel' ? t('leadsReports.conversion.channel') : t('leadsReports.conversion.campaign'),
            t('leadsReports.conversion.leads'),
            t('leadsReports.conversion.won'),
            t('leadsReports.conversion.rate'),
          ]}
          figuresFrom={1}
        >
          {rows.map((r) => (
            <Table.Tr key={r.key} data-testid="leads-conversion-row">
              <Table.Td ff={by === 'campaign' && r.name ? 'monospace' : undefined} c={r.name ? undefined : 'dimmed'}>
                {r.name ?? t('leadsReports.conversion.none')}
              </Table.Td>
              <FigureCell>{whole.format(r.leads)}</FigureCell>
              <FigureCell>{whole.format(r.won)}</FigureCell>
              <FigureCell strong>{percent(r.rate)}</FigureCell>
            </Table.Tr>
          ))}
        </ScrollTable>
      )}
    </Card>
  );
}
