// A short "what, how many" card of the assistant's analytics: escalation reasons, customers'
// questions, the model's reasons for handing over.
import { Card, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CardTitle } from '../dashboard/leads/CardTitle';
import { whole } from '../dashboard/leads/format';

/** A short "what, how many" table; a dash where the range has none. */
export function CountList({ title, hint, rows, testId }: { title: string; hint: string; rows: { text: string; count: number }[]; testId: string }) {
  const { t } = useTranslation();
  return (
    <Card h="100%" data-testid={testId}>
      <CardTitle title={title} hint={hint} />
      {rows.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('assistant.analytics.none')}
        </Text>
      ) : (
        <Table verticalSpacing={4}>
          <Table.Tbody>
            {rows.map((r) => (
              <Table.Tr key={r.text} data-testid={`${testId}-row`}>
                <Table.Td style={{ overflowWrap: 'anywhere' }}>{r.text}</Table.Td>
                <Table.Td ta="right" className="sma-num" w={60}>
                  {whole.format(r.count)}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Card>
  );
}
