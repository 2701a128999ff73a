import { Badge, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../src-shared/format/date';

/** A lead's next follow-up day, red with "Terlambat" once it is past; the badge wraps under the day in a narrow board card. */
export function NextDue({ date, overdue, size = 'sm' }: { date: string | null; overdue: boolean; size?: 'xs' | 'sm' }) {
  const { t } = useTranslation();
  if (!date)
    return (
      <Text size={size} c="dimmed">
        —
      </Text>
    );
  return (
    <Group gap={4} wrap="wrap">
      <Text size={size} className="sma-num" c={overdue ? 'red.8' : undefined} style={{ whiteSpace: 'nowrap' }}>
        {formatDate(date)}
      </Text>
      {overdue && (
        <Badge color="red" variant="light" size="xs" data-testid="lead-overdue" style={{ flexShrink: 0 }}>
          {t('leads.overdue')}
        </Badge>
      )}
    </Group>
  );
}
