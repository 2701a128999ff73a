import { Anchor, Stack, Text, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ActivityRow } from '../../../src-shared/schemas/lead';
import { hrefWith } from '../../router';
import classes from './Calendar.module.css';
import { followUpHref } from './followUpLink';

/** Items a month cell lists before "+n more" (a 1366 × 768 screen fits three under the day number). */
const PER_MONTH_CELL = 3;

interface GridProps {
  days: string[];
  /** Follow-ups by their due day. */
  byDay: Map<string, ActivityRow[]>;
  today: string;
  /** The month shown: days outside it are shaded (month view). */
  month?: string;
  /** Team view: each item names its assignee. */
  showAssignee: boolean;
}

function Item({ row, wide, showAssignee }: { row: ActivityRow; wide: boolean; showAssignee: boolean }) {
  const { t } = useTranslation();
  const state = row.doneAt ? t('calendar.done') : row.overdue ? t('calendar.overdue') : null;
  const action = row.nextAction ?? t('followups.noAction');
  const subject = row.subject || t('followups.noSubject');
  const assignee = showAssignee ? row.assignedName : null;
  // What the small chip leaves out is still read out (after the visible words, so voice control finds them).
  const unseen = (wide ? [state] : [action, assignee, state]).filter(Boolean).join(', ');
  return (
    <a
      href={followUpHref(row)}
      className={wide ? classes.weekItem : classes.item}
      data-overdue={row.overdue || undefined}
      data-done={row.doneAt ? true : undefined}
      title={[row.dueTime, subject, action, assignee, state].filter(Boolean).join(' · ')}
      data-testid="calendar-item"
    >
      {row.dueTime && <span className={classes.time}>{row.dueTime}</span>} <span style={wide ? { fontWeight: 600 } : undefined}>{subject}</span>
      {wide && (
        <>
          <br />
          <span style={{ fontWeight: 400 }}>{action}</span>
          {assignee && (
            <>
              <br />
              <span style={{ fontWeight: 400 }}>{assignee}</span>
            </>
          )}
        </>
      )}
      {unseen && <VisuallyHidden>, {unseen}</VisuallyHidden>}
    </a>
  );
}

function Weekdays() {
  const { t } = useTranslation();
  return t('calendar.weekdays')
    .split(',')
    .map((name) => (
      <div key={name} className={classes.weekday} aria-hidden>
        {name}
      </div>
    ));
}

function DayNumber({ day, today }: { day: string; today: string }) {
  return (
    <span className={day === today ? `${classes.dayNumber} ${classes.today}` : classes.dayNumber} aria-current={day === today ? 'date' : undefined}>
      {Number(day.slice(8))}
    </span>
  );
}

/** A month: whole weeks from Monday, each day with its first follow-ups and a link to the week for the rest. */
export function MonthGrid({ days, byDay, today, month, showAssignee }: GridProps) {
  const { t } = useTranslation();
  return (
    <div className={classes.grid} data-testid="calendar-month">
      <Weekdays />
      {days.map((day) => {
        const rows = byDay.get(day) ?? [];
        const outside = month !== undefined && day.slice(0, 7) !== month;
        return (
          <div key={day} className={outside ? `${classes.cell} ${classes.outside}` : classes.cell} data-day={day} data-testid="calendar-day">
            <DayNumber day={day} today={today} />
            {rows.slice(0, PER_MONTH_CELL).map((row) => (
              <Item key={row.id} row={row} wide={false} showAssignee={showAssignee} />
            ))}
            {rows.length > PER_MONTH_CELL && (
              <Anchor href={hrefWith({ view: 'week', date: day }, 'calendar')} size="xs" fw={600} data-testid="calendar-more">
                {t('calendar.more', { n: rows.length - PER_MONTH_CELL })}
              </Anchor>
            )}
          </div>
        );
      })}
    </div>
  );
}

/** A week: seven columns, every follow-up of each day with its next step (and assignee for the team). */
export function WeekGrid({ days, byDay, today, showAssignee }: GridProps) {
  const { t } = useTranslation();
  return (
    <div className={classes.grid} data-testid="calendar-week">
      <Weekdays />
      {days.map((day) => {
        const rows = byDay.get(day) ?? [];
        return (
          <div key={day} className={classes.weekCell} data-day={day} data-testid="calendar-day">
            <DayNumber day={day} today={today} />
            {rows.length === 0 ? (
              <Text size="xs" c="dimmed">
                {t('calendar.emptyDay')}
              </Text>
            ) : (
              <Stack gap={6}>
                {rows.map((row) => (
                  <Item key={row.id} row={row} wide showAssignee={showAssignee} />
                ))}
              </Stack>
            )}
          </div>
        );
      })}
    </div>
  );
}
