// The assistant analytics' campaign table: per campaign code, conversations, bookings, conversion, handovers.
import { Card, Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AssistantAnalytics } from '../../../src-shared/schemas/assistant';
import { FigureCell } from '../../../src-ui/components/FigureCell';
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
        columns={(['code', 'conversations', 'bookings', 'conversion', 'handovers'] as const).map((column) => t(`assistant.analytics.campaigns.${column}`))}
        figuresFrom={1}
      >
        {campaigns.map((c) => (
          <Table.Tr key={c.code ?? '-'} data-testid="assistant-campaign-row" data-code={c.code ?? ''}>
            <Table.Td ff={c.code ? 'monospace' : undefined} c={c.code ? undefined : 'dimmed'}>
              {c.code ?? t('assistant.list.noCode')}
            </Table.Td>
            <FigureCell>{whole.format(c.conversations)}</FigureCell>
            <FigureCell>{whole.format(c.bookings)}</FigureCell>
            <FigureCell>{percent(c.conversations ? c.bookings / c.conversations : null)}</FigureCell>
            <FigureCell>{whole.format(c.handovers)}</FigureCell>
          </Table.Tr>
        ))}
      </ScrollTable>
    </Card>
  );
}
