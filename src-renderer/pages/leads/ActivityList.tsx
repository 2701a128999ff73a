import { Badge, Checkbox, Group, Stack, Text, Timeline } from '@mantine/core';
import { IconBrandWhatsapp, IconMessage, IconNote, IconPhone, IconUsers, type Icon } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { formatDate, formatDateTime } from '../../../src-shared/format/date';
import type { ActivityRow } from '../../../src-shared/schemas/lead';
import { useApiMutation } from '../../api/hooks';

const ICONS: Record<ActivityRow['kind'], Icon> = { call: IconPhone, chat: IconMessage, meeting: IconUsers, note: IconNote, whatsapp: IconBrandWhatsapp };

/** A lead's activities, newest first; a next action can be ticked done (and un-ticked). */
export function ActivityList({ activities }: { activities: ActivityRow[] }) {
  const { t } = useTranslation();
  const setDone = useApiMutation('activities.setDone', { invalidates: ['leads', 'activities', 'followUps'] });
  if (activities.length === 0) {
    return (
      <Text size="sm" c="dimmed" data-testid="activities-empty">
        {t('leads.activity.empty')}
      </Text>
    );
  }
  return (
    <Timeline bulletSize={26} lineWidth={2} data-testid="activities">
      {activities.map((activity) => {
        const KindIcon = ICONS[activity.kind];
        return (
          <Timeline.Item
            key={activity.id}
            bullet={<KindIcon size={14} />}
            title={
              <Group gap="xs" wrap="wrap">
                <Text size="sm" fw={600}>
                  {t(`leads.activity.kinds.${activity.kind}`)}
                </Text>
                <Text size="xs" c="dimmed" className="sma-num">
                  {formatDateTime(activity.createdAt)} · {activity.userName ?? '—'}
                </Text>
              </Group>
            }
            data-testid="activity-row"
            data-kind={activity.kind}
          >
            <Stack gap={4}>
              {activity.outcome && (
                <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                  {activity.outcome}
                </Text>
              )}
              {activity.nextAction && (
                <Group gap="xs" wrap="nowrap" align="flex-start">
                  <Checkbox
                    size="xs"
                    mt={3}
                    // Ticked at once: the box shows the click while the change is saved and the list refetched.
                    checked={setDone.isPending && setDone.variables?.id === activity.id ? setDone.variables.done : activity.doneAt !== null}
                    onChange={(event) => setDone.mutate({ id: activity.id, done: event.currentTarget.checked })}
                    aria-label={t('leads.activity.markDone', { action: activity.nextAction })}
                    data-testid="activity-done"
                  />
                  <Stack gap={0} style={{ minWidth: 0 }}>
                    <Text
                      size="sm"
                      td={activity.doneAt ? 'line-through' : undefined}
                      c={activity.doneAt ? 'dimmed' : undefined}
                      style={{ overflowWrap: 'anywhere' }}
                    >
                      {activity.nextAction}
                    </Text>
                    <Group gap={6}>
                      {activity.dueDate && (
                        <Text size="xs" c={activity.overdue ? 'red.8' : 'dimmed'} className="sma-num">
                          {formatDate(activity.dueDate)}
                          {activity.dueTime ? ` ${activity.dueTime}` : ''}
                        </Text>
                      )}
                      {activity.overdue && (
                        <Badge color="red" variant="light" size="xs">
                          {t('leads.overdue')}
                        </Badge>
                      )}
                      {activity.assignedName && (
                        <Text size="xs" c="dimmed">
                          · {activity.assignedName}
                        </Text>
                      )}
                    </Group>
                  </Stack>
                </Group>
              )}
            </Stack>
          </Timeline.Item>
        );
      })}
    </Timeline>
  );
}
