import { Badge, Button, Card, Group, SegmentedControl, Skeleton, Stack, Text } from '@mantine/core';
import { IconCalendarEvent, IconChecklist, IconTargetArrow } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ActivityRow } from '../../../src-shared/schemas/lead';
import { useApiQuery } from '../../api/hooks';
import { EmptyList } from '../../components/EmptyList';
import { PageHeader } from '../../components/PageHeader';
import { href } from '../../router';
import { FollowUpTable } from './FollowUpTable';
import { overdueFirst } from './followUpLink';
import { useMyFollowUps, useSeesTeam } from './useFollowUps';

type Who = 'me' | 'team';

/** One card: a heading with its count, and the follow-ups under it. */
function Section({
  title,
  count,
  overdue,
  rows,
  today,
  testId,
}: {
  title: string;
  count: number;
  overdue?: boolean;
  rows: ActivityRow[];
  today: string;
  testId: string;
}) {
  return (
    <Card p={0} data-testid={testId}>
      <Group gap="sm" px="md" pt="md" pb="xs">
        <Text fw={700} c={overdue ? 'red' : undefined}>
          {title}
        </Text>
        <Badge variant="light" color={overdue ? 'red' : 'gray'} data-testid={`${testId}-count`}>
          {count}
        </Badge>
      </Group>
      <FollowUpTable rows={rows} today={today} />
    </Card>
  );
}

/** Rows per assignee, in the order the server listed them; the unassigned last. */
function byAssignee(rows: ActivityRow[], unassigned: string): { key: string; name: string; rows: ActivityRow[] }[] {
  const groups = new Map<string, { name: string; rows: ActivityRow[] }>();
  for (const row of rows) {
    const key = row.assignedTo ?? '';
    const group = groups.get(key) ?? { name: row.assignedName ?? unassigned, rows: [] };
    group.rows.push(row);
    groups.set(key, group);
  }
  return [...groups.entries()]
    .sort(([a, x], [b, y]) => (a === '' ? 1 : b === '' ? -1 : x.name.localeCompare(y.name)))
    .map(([key, group]) => ({ key, ...group }));
}

/** The daily to-do list: today's and overdue follow-ups, ticked off here; owners and managers also see the team's. */
export function FollowUpsPage() {
  const { t } = useTranslation();
  const seesTeam = useSeesTeam();
  const [who, setWho] = useState<Who>('me');
  const mine = useMyFollowUps();
  const team = useApiQuery('followUps.list', { who: 'team' }, { enabled: seesTeam && who === 'team' });
  const list = who === 'team' && seesTeam ? team : mine;
  const data = list.data;
  const rows = data ? overdueFirst(data.rows) : [];

  return (
    <>
      <PageHeader
        title={t('followups.title')}
        subtitle={who === 'team' ? t('followups.subtitleTeam') : t('followups.subtitle')}
        actions={
          <>
            {seesTeam && (
              <SegmentedControl
                value={who}
                onChange={(value) => setWho(value as Who)}
                data={[
                  { value: 'me', label: t('followups.whoMine') },
                  { value: 'team', label: t('followups.whoTeam') },
                ]}
                aria-label={t('followups.whoLabel')}
                data-testid="followups-who"
              />
            )}
            <Button component="a" href={href('calendar')} variant="default" leftSection={<IconCalendarEvent size={18} />}>
              {t('followups.openCalendar')}
            </Button>
          </>
        }
      />
      {!data ? (
        <Skeleton height={160} />
      ) : rows.length === 0 ? (
        <Card>
          <EmptyList
            icon={IconChecklist}
            title={t('followups.emptyTitle')}
            description={who === 'team' ? t('followups.emptyTeamText') : t('followups.emptyText')}
            testId="followups-empty"
            actions={
              <Button component="a" href={href('leads')} leftSection={<IconTargetArrow size={18} />}>
                {t('followups.openLeads')}
              </Button>
            }
          />
        </Card>
      ) : who === 'team' ? (
        <Stack gap="md">
          {byAssignee(rows, t('followups.unassigned')).map((group) => (
            <Section
              key={group.key}
              title={group.name}
              count={group.rows.length}
              overdue={group.rows.some((r) => r.overdue)}
              rows={group.rows}
              today={data.today}
              testId="followups-person"
            />
          ))}
        </Stack>
      ) : (
        <Stack gap="md">
          {data.overdue > 0 && (
            <Section
              title={t('followups.overdueSection')}
              count={data.overdue}
              overdue
              rows={rows.filter((r) => r.overdue)}
              today={data.today}
              testId="followups-overdue"
            />
          )}
          {data.dueToday > 0 && (
            <Section
              title={t('followups.todaySection')}
              count={data.dueToday}
              rows={rows.filter((r) => !r.overdue)}
              today={data.today}
              testId="followups-today"
            />
          )}
        </Stack>
      )}
    </>
  );
}
