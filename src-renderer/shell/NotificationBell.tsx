import { ActionIcon, Indicator, Popover } from '@mantine/core';
import { IconBell } from '@tabler/icons-react';
import { useHotkeys } from '@mantine/hooks';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { overdueFirst } from '../pages/followups/followUpLink';
import { useHandoverEvents, useMyFollowUps, useReminderEvents, useSetDone } from '../pages/followups/useFollowUps';
import { BellList } from './BellList';

/**
 * The header's bell: the signed-in user's overdue and due-today follow-ups, counted on the badge
 * and listed in a popover (overdue first, in red) with a link to each lead and a "done" tick. A chat
 * the WhatsApp assistant handed over is one of them: a follow-up due from the handover, on its lead.
 */
export function NotificationBell() {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  const list = useMyFollowUps();
  const setDone = useSetDone();
  useReminderEvents();
  useHandoverEvents();
  const data = list.data;
  const count = data ? data.overdue + data.dueToday : 0;
  const rows = data ? overdueFirst(data.rows) : [];
  const close = () => setOpened(false);
  const bell = useRef<HTMLButtonElement>(null);
  // Escape closes the list wherever the focus is (the popover's own Escape needs the focus inside
  // it, which a click elsewhere or a screen reader's cursor can take away), and gives it to the bell.
  useHotkeys(
    opened
      ? [
          [
            'Escape',
            () => {
              close();
              bell.current?.focus();
            },
          ],
        ]
      : [],
  );

  return (
    <Indicator
      inline
      size={18}
      offset={6}
      color={data && data.overdue > 0 ? 'red.8' : 'navy.7'}
      disabled={count === 0}
      label={<span data-testid="bell-count">{count}</span>}
    >
      {/* Focus moves into the list and stays there until Escape or a click outside, which gives it back to the bell. */}
      <Popover opened={opened} onChange={setOpened} position="bottom-end" width={380} shadow="lg" withinPortal trapFocus returnFocus>
        <Popover.Target>
          <ActionIcon
            ref={bell}
            variant="subtle"
            color="gray"
            size="lg"
            onClick={() => setOpened((open) => !open)}
            aria-label={count > 0 ? t('followups.bellCount', { n: count }) : t('followups.bell')}
            data-testid="bell"
          >
            <IconBell size={22} stroke={1.6} />
          </ActionIcon>
        </Popover.Target>
        <Popover.Dropdown p={0} data-testid="bell-popover">
          <BellList data={data} rows={rows} setDone={setDone} onClose={close} />
        </Popover.Dropdown>
      </Popover>
    </Indicator>
  );
}
