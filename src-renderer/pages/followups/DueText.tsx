import { Text, type TextProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { daysBetween, formatDate } from '../../../src-shared/format/date';
import type { ActivityRow } from '../../../src-shared/schemas/lead';

interface Props extends TextProps {
  row: Pick<ActivityRow, 'dueDate' | 'dueTime' | 'overdue' | 'doneAt'>;
  /** The shop's today (`followUps.list` answers it), so "3 days late" counts shop days. */
  today: string;
}

/** When a follow-up is due, in words: "Terlambat 2 hari · 05/12/2026", "Hari ini pukul 15:00"; red when overdue. */
export function DueText({ row, today, ...props }: Props) {
  const { t } = useTranslation();
  if (!row.dueDate) return null;
  const at = row.dueTime ? ` ${t('followups.at', { time: row.dueTime })}` : '';
  const late = daysBetween(row.dueDate, today);
  let text: string;
  if (row.overdue && late > 0) text = `${t('followups.lateDays', { n: late })} · ${formatDate(row.dueDate)}${at}`;
  else if (row.overdue) text = `${t('followups.lateToday')}${at}`;
  else if (row.dueDate === today) text = `${t('followups.dueToday')}${at}`;
  else text = `${formatDate(row.dueDate)}${at}`;
  return (
    <Text size="sm" c={row.overdue ? 'red' : 'dimmed'} fw={row.overdue ? 600 : undefined} data-overdue={row.overdue || undefined} {...props}>
      {text}
    </Text>
  );
}
