import { ActionIcon, Anchor, Button, Divider, Group, Indicator, Popover, ScrollArea, Stack, Text } from '@mantine/core';
import { IconBell, IconCheck } from '@tabler/icons-react';
import { useHotkeys } from '@mantine/hooks';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DueText } from '../pages/followups/DueText';
import { followUpHref, overdueFirst } from '../pages/followups/followUpLink';
import { useHandoverEvents, useMyFollowUps, useReminderEvents, useSetDone } from '../pages/followups/useFollowUps';
import { href } from '../router';

/** The popover lists this many; the to-do page has the rest. */
const SHOWN = 8;

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
          <Group justify="space-between" px="md" pt="sm" pb="xs" wrap="nowrap">
            <Text fw={700}>{t('followups.popoverTitle')}</Text>
            {data && count > 0 && (
              <Text size="xs" c="dimmed">
                {t('followups.popoverSummary', { overdue: data.overdue, today: data.dueToday })}
              </Text>
            )}
          </Group>
          <Divider />
          {rows.length === 0 ? (
            <Text size="sm" c="dimmed" p="md" data-testid="bell-empty">
              {t('followups.popoverEmpty')}
            </Text>
          ) : (
            <ScrollArea.Autosize mah={360} type="auto">
              <Stack gap={0}>
                {rows.slice(0, SHOWN).map((row) => (
                  <Stack key={row.id} gap={2} px="md" py="xs" data-testid="bell-item" style={{ borderBottom: '1px solid var(--mantine-color-default-border)' }}>
                    <Anchor href={followUpHref(row)} fw={600} size="sm" truncate onClick={close} data-testid="bell-item-link">
                      {row.subject || t('followups.noSubject')}
                    </Anchor>
                    <Text size="sm" lineClamp={2}>
                      {row.nextAction ?? t('followups.noAction')}
                    </Text>
                    <Group justify="space-between" gap="xs" wrap="nowrap">
                      <DueText row={row} today={data?.today ?? ''} size="xs" data-testid="bell-item-due" />
                      <Button
                        size="compact-xs"
                        variant="light"
                        color="teal"
                        leftSection={<IconCheck size={14} />}
                        loading={setDone.isPending && setDone.variables?.id === row.id}
                        onClick={() => setDone.mutate({ id: row.id, done: true })}
                        aria-label={`${t('followups.markDone')}: ${row.subject || t('followups.noSubject')}`}
                        style={{ flexShrink: 0 }}
                        data-testid="bell-item-done"
                      >
                        {t('followups.markDone')}
                      </Button>
                    </Group>
                  </Stack>
                ))}
              </Stack>
            </ScrollArea.Autosize>
          )}
          <Group justify="space-between" px="md" py="sm" wrap="nowrap">
            <Anchor href={href('followups')} size="sm" onClick={close} data-testid="bell-open-all">
              {t('followups.openAll')}
            </Anchor>
            {rows.length > SHOWN && (
              <Text size="xs" c="dimmed">
                {t('followups.moreInList', { n: rows.length - SHOWN })}
              </Text>
            )}
          </Group>
        </Popover.Dropdown>
      </Popover>
    </Indicator>
  );
}
