import { ActionIcon, Alert, Button, Card, Group, SegmentedControl, Select, Skeleton, Text, Title } from '@mantine/core';
import { IconChevronLeft, IconChevronRight } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { dateInZone } from '../../../src-shared/format/date';
import type { ActivityRow } from '../../../src-shared/schemas/lead';
import { useApiListQuery } from '../../api/hooks';
import { PageHeader } from '../../components/PageHeader';
import { hrefWith } from '../../router';
import { useSession } from '../../session/context';
import classes from './Calendar.module.css';
import { MonthGrid, WeekGrid } from './CalendarGrids';
import { readCalendarQuery, shiftAnchor, visibleDays, type CalendarView } from './calendarRange';
import { useSeesTeam } from './useFollowUps';

/** The most a view reads: six weeks of a busy team. Past it the page says the list is cut. */
const LIMIT = 2000;

function go(view: CalendarView, date: string): void {
  window.location.hash = hrefWith({ view, date }, 'calendar');
}

/** "Desember 2026", or "30 Nov – 6 Des 2026" for a week, in the language on screen. */
function periodTitle(view: CalendarView, days: string[], anchor: string, language: string): string {
  const locale = language === 'en' ? 'en-GB' : 'id-ID';
  const at = (iso: string) => new Date(`${iso}T00:00:00Z`);
  if (view === 'month') return new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(at(anchor));
  return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).formatRange(at(days[0]), at(days[6]));
}

/** Follow-ups by day, a month or a week at a time: the user's own, or the team's (owners and managers), one person at a time if asked. */
export function CalendarPage({ query }: { query: URLSearchParams }) {
  const { t, i18n } = useTranslation();
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
        <Group justify="space-between" px="md" py="sm" wrap="wrap" gap="sm">
          <Group gap="xs" wrap="nowrap">
            <ActionIcon variant="default" size="lg" onClick={() => go(view, shiftAnchor(view, anchor, -1))} aria-label={t('calendar.previous')} data-testid="calendar-prev">
              <IconChevronLeft size={18} />
            </ActionIcon>
            <ActionIcon variant="default" size="lg" onClick={() => go(view, shiftAnchor(view, anchor, 1))} aria-label={t('calendar.next')} data-testid="calendar-next">
              <IconChevronRight size={18} />
            </ActionIcon>
            <Button variant="default" onClick={() => go(view, today)} data-testid="calendar-today">
              {t('calendar.today')}
            </Button>
            <Title order={2} size="h4" ml="xs" tt="capitalize" data-testid="calendar-period">
              {periodTitle(view, days, anchor, i18n.language)}
            </Title>
          </Group>
          <Group gap="md" wrap="nowrap">
            <Group gap="sm" wrap="nowrap" visibleFrom="lg" aria-hidden>
              <Text size="xs" c="dimmed">
                <span className={classes.legend} style={{ background: 'var(--mantine-color-red-7)' }} />
                {t('calendar.legendOverdue')}
              </Text>
              <Text size="xs" c="dimmed">
                <span className={classes.legend} style={{ background: 'var(--mantine-color-navy-6)' }} />
                {t('calendar.legendOpen')}
              </Text>
              <Text size="xs" c="dimmed">
                <span className={classes.legend} style={{ background: 'var(--mantine-color-gray-5)' }} />
                {t('calendar.legendDone')}
              </Text>
            </Group>
            <SegmentedControl
              value={view}
              onChange={(value) => go(value as CalendarView, anchor)}
              data={[
                { value: 'month', label: t('calendar.month') },
                { value: 'week', label: t('calendar.week') },
              ]}
              aria-label={t('calendar.viewLabel')}
              data-testid="calendar-view"
            />
          </Group>
        </Group>
        {rows && rows.length >= LIMIT && (
          <Alert color="orange" mx="md" mb="sm" data-testid="calendar-truncated">
            {t('calendar.truncated', { n: LIMIT })}
          </Alert>
        )}
        {!rows ? <Skeleton height={view === 'month' ? 520 : 440} /> : view === 'month' ? <MonthGrid {...grid} month={anchor.slice(0, 7)} /> : <WeekGrid {...grid} />}
      </Card>
    </>
  );
}
