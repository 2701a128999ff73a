import { Alert, Card, SegmentedControl, Select, Skeleton } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { dateInZone } from '../../../src-shared/format/date';
import type { ActivityRow } from '../../../src-shared/schemas/lead';
import { useApiListQuery } from '../../api/hooks';
import { PageHeader } from '../../components/PageHeader';
import { useSession } from '../../session/context';
import { MonthGrid, WeekGrid } from './CalendarGrids';
import { readCalendarQuery, visibleDays } from './calendarRange';
import { CalendarToolbar } from './CalendarToolbar';
import { useSeesTeam } from './useFollowUps';

/** The most a view reads: six weeks of a busy team. Past it the page says the list is cut. */
const LIMIT = 2000;

/** Follow-ups by day, a month or a week at a time: the user's own, or the team's (owners and managers), one person at a time if asked. */
export function CalendarPage({ query }: { query: URLSearchParams }) {
  const { t } = useTranslation();
  const { status } = useSession();
  const seesTeam = useSeesTeam();
  const [who, setWho] = useState<'me' | 'team'>('me');
  const [person, setPerson] = useState<string | null>(null);
  const localToday = dateInZone(new Date(), status.business?.timezone);
  const { view, anchor } = readCalendarQuery(query, localToday);
  const days = visibleDays(view, anchor);
  const team = seesTeam && who === 'team';
  const list = useApiListQuery('followUps.list', { who: team ? 'team' : 'me', from: days[0], to: days[days.length - 1], includeDone: true, limit: LIMIT });
  const today = list.data?.today ?? localToday;
  const rows = list.data?.rows;

  const people = useMemo(() => {
    const names = new Map<string, string>();
    for (const row of rows ?? []) if (row.assignedTo) names.set(row.assignedTo, row.assignedName ?? row.assignedTo);
    return [...names.entries()].map(([value, label]) => ({ value, label })).sort((a, b) => a.label.localeCompare(b.label));
  }, [rows]);
  const byDay = useMemo(() => {
    const map = new Map<string, ActivityRow[]>();
    for (const row of rows ?? []) {
      if (!row.dueDate || (team && person && row.assignedTo !== person)) continue;
      map.set(row.dueDate, [...(map.get(row.dueDate) ?? []), row]);
    }
    return map;
  }, [rows, team, person]);

  const grid = { days, byDay, today, showAssignee: team && !person };
  return (
    <>
      <PageHeader
        title={t('calendar.title')}
        subtitle={t('calendar.subtitle')}
        actions={
          seesTeam && (
            <>
              <SegmentedControl
                value={who}
                onChange={(value) => setWho(value as 'me' | 'team')}
                data={[
                  { value: 'me', label: t('followups.whoMine') },
                  { value: 'team', label: t('followups.whoTeam') },
                ]}
                aria-label={t('followups.whoLabel')}
                data-testid="calendar-who"
              />
              {team && (
                <Select
                  value={person}
                  onChange={setPerson}
                  data={people}
                  placeholder={t('calendar.everyone')}
                  clearable
                  aria-label={t('calendar.person')}
                  w={200}
                  data-testid="calendar-person"
                />
              )}
            </>
          )
        }
      />
      <Card p={0}>
        <CalendarToolbar view={view} anchor={anchor} days={days} today={today} />
        {rows && rows.length >= LIMIT && (
          <Alert color="orange" mx="md" mb="sm" data-testid="calendar-truncated">
            {t('calendar.truncated', { n: LIMIT })}
          </Alert>
        )}
        {!rows ? (
          <Skeleton height={view === 'month' ? 520 : 440} />
        ) : view === 'month' ? (
          <MonthGrid {...grid} month={anchor.slice(0, 7)} />
        ) : (
          <WeekGrid {...grid} />
        )}
      </Card>
    </>
  );
}
