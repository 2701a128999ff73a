// The assistant analytics' campaign table: per campaign code, conversations, bookings, conversion, handovers.
import { Card, Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AssistantAnalytics } from '../../../src-shared/schemas/assistant';
import { ScrollTable } from '../../../src-ui/components/ScrollTable';
import { CardTitle } from '../dashboard/leads/CardTitle';
import { percent, whole } from '../dashboard/leads/format';

export function CampaignsCard({ campaigns }: { campaigns: AssistantAnalytics['campaigns'] }) {
  const { t } = useTranslation();
  return (
    <Card data-testid="assistant-campaigns">
      <CardTitle title={t('assistant.analytics.campaigns.title')} hint={t('assistant.analytics.campaigns.hint')} />
      <ScrollTable
        minWidth={560}
        verticalSpacing={6}
        head={
          <>
            <Table.Th>{t('assistant.analytics.campaigns.code')}</Table.Th>
            <Table.Th ta="right">{t('assistant.analytics.campaigns.conversations')}</Table.Th>
            <Table.Th ta="right">{t('assistant.analytics.campaigns.bookings')}</Table.Th>
            <Table.Th ta="right">{t('assistant.analytics.campaigns.conversion')}</Table.Th>
            <Table.Th ta="right">{t('assistant.analytics.campaigns.handovers')}</Table.Th>
          </>
        }
      >
        {campaigns.map((c) => (
          <Table.Tr key={c.code ?? '-'} data-testid="assistant-campaign-row" data-code={c.code ?? ''}>
            <Table.Td ff={c.code ? 'monospace' : undefined} c={c.code ? undefined : 'dimmed'}>
              {c.code ?? t('assistant.list.noCode')}
            </Table.Td>
            <Table.Td ta="right" className="sma-num">
              {whole.format(c.conversations)}
            </Table.Td>
            <Table.Td ta="right" className="sma-num">
              {whole.format(c.bookings)}
            </Table.Td>
            <Table.Td ta="right" className="sma-num">
              {percent(c.conversations ? c.bookings / c.conversations : null)}
            </Table.Td>
            <Table.Td ta="right" className="sma-num">
              {whole.format(c.handovers)}
            </Table.Td>
          </Table.Tr>
        ))}
      </ScrollTable>
    </Card>
  );
}
