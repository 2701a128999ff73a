import { Anchor, Badge, Checkbox, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ActivityRow } from '../../../src-shared/schemas/lead';
import { DueText } from './DueText';
import { followUpHref } from './followUpLink';
import { useSetDone } from './useFollowUps';
import { CAPS_HEAD } from '../../../src-ui/components/capsHead';
import { ScrollTable } from '../../../src-ui/components/ScrollTable';

/** Follow-ups to tick off: who or what, the next step, when it is due (red when late). */
export function FollowUpTable({ rows, today }: { rows: ActivityRow[]; today: string }) {
  const { t } = useTranslation();
  const setDone = useSetDone();
  return (
    <ScrollTable
      minWidth={640}
      verticalSpacing="sm"
      horizontalSpacing="md"
      layout="fixed"
      head={
        <>
          <Table.Th style={{ ...CAPS_HEAD, width: 72 }}>{t('followups.col.done')}</Table.Th>
          <Table.Th style={{ ...CAPS_HEAD, width: '26%' }}>{t('followups.col.subject')}</Table.Th>
          <Table.Th style={CAPS_HEAD}>{t('followups.col.action')}</Table.Th>
          <Table.Th style={{ ...CAPS_HEAD, width: 110 }}>{t('followups.col.kind')}</Table.Th>
          <Table.Th style={{ ...CAPS_HEAD, width: '24%' }}>{t('followups.col.due')}</Table.Th>
        </>
      }
    >
      {rows.map((row) => (
        <Table.Tr key={row.id} data-testid="followup-row" data-overdue={row.overdue || undefined}>
          <Table.Td>
            <Checkbox
              color="teal"
              checked={Boolean(row.doneAt) || (setDone.isPending && setDone.variables?.id === row.id)}
              disabled={setDone.isPending}
              onChange={(event) => setDone.mutate({ id: row.id, done: event.currentTarget.checked })}
              aria-label={`${t('followups.markDone')}: ${row.subject || t('followups.noSubject')} — ${row.nextAction ?? t('followups.noAction')}`}
              data-testid="followup-done"
            />
          </Table.Td>
          <Table.Td>
            <Anchor href={followUpHref(row)} fw={600} size="sm" style={{ overflowWrap: 'anywhere' }} data-testid="followup-link">
              {row.subject || t('followups.noSubject')}
            </Anchor>
            {row.outcome && (
              <Text size="xs" c="dimmed" lineClamp={2}>
                {row.outcome}
              </Text>
            )}
          </Table.Td>
          <Table.Td>
            <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
              {row.nextAction ?? t('followups.noAction')}
            </Text>
          </Table.Td>
          <Table.Td>
            <Badge variant="light" color="gray" tt="none">
              {t(`followups.kind.${row.kind}`)}
            </Badge>
          </Table.Td>
          <Table.Td>
            <DueText row={row} today={today} data-testid="followup-due" />
          </Table.Td>
        </Table.Tr>
      ))}
    </ScrollTable>
  );
}
