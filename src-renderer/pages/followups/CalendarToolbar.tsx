import { ActionIcon, Button, Group, SegmentedControl, Text, Title } from '@mantine/core';
import { IconChevronLeft, IconChevronRight } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { hrefWith } from '../../router';
import classes from './Calendar.module.css';
import { shiftAnchor, type CalendarView } from './calendarRange';

/**
 * The calendar's bar above its grid: back, forward and today, the period shown, the colours'
 * legend, and month or week. Apart from the page (CalendarPage.tsx) because it only moves the
 * address (view and date), which the page reads.
 */

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

export function CalendarToolbar({ view, anchor, days, today }: { view: CalendarView; anchor: string; days: string[]; today: string }) {
  const { t, i18n } = useTranslation();
  return (
    <Group justify="space-between" px="md" py="sm" wrap="wrap" gap="sm">
      <Group gap="xs" wrap="nowrap">
        <ActionIcon
          variant="default"
          size="lg"
          onClick={() => go(view, shiftAnchor(view, anchor, -1))}
          aria-label={t('calendar.previous')}
          data-testid="calendar-prev"
        >
          <IconChevronLeft size={18} />
        </ActionIcon>
        <ActionIcon
          variant="default"
          size="lg"
          onClick={() => go(view, shiftAnchor(view, anchor, 1))}
          aria-label={t('calendar.next')}
          data-testid="calendar-next"
        >
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
  );
}
