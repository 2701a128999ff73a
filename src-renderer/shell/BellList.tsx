import { Anchor, Button, Divider, Group, ScrollArea, Stack, Text } from '@mantine/core';
import { IconCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ActivityRow } from '../../src-shared/schemas/lead';
import type { ChannelOutput } from '../../src-shared/contract';
import { DueText } from '../pages/followups/DueText';
import { followUpHref } from '../pages/followups/followUpLink';
import type { useSetDone } from '../pages/followups/useFollowUps';
import { href } from '../router';

// What the header's bell (NotificationBell.tsx) opens: the follow-ups due, each with a link to its
// lead and a "done" tick, and the way to the to-do page. Apart from the bell because the bell is
// the count, the shortcut and the popover; this is what is listed in it.

/** The popover lists this many; the to-do page has the rest. */
const SHOWN = 8;

interface Props {
  data: ChannelOutput<'followUps.list'> | undefined;
  /** The follow-ups, overdue first. */
  rows: ActivityRow[];
  setDone: ReturnType<typeof useSetDone>;
  onClose: () => void;
}

export function BellList({ data, rows, setDone, onClose }: Props) {
  const { t } = useTranslation();
  const count = data ? data.overdue + data.dueToday : 0;
  return (
    <>
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
              <BellItem key={row.id} row={row} today={data?.today ?? ''} setDone={setDone} onClose={onClose} />
            ))}
          </Stack>
        </ScrollArea.Autosize>
      )}
      <Group justify="space-between" px="md" py="sm" wrap="nowrap">
        <Anchor href={href('followups')} size="sm" onClick={onClose} data-testid="bell-open-all">
          {t('followups.openAll')}
        </Anchor>
        {rows.length > SHOWN && (
          <Text size="xs" c="dimmed">
            {t('followups.moreInList', { n: rows.length - SHOWN })}
          </Text>
        )}
      </Group>
    </>
  );
}

function BellItem({ row, today, setDone, onClose }: { row: ActivityRow; today: string; setDone: Props['setDone']; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Stack gap={2} px="md" py="xs" data-testid="bell-item" style={{ borderBottom: '1px solid var(--mantine-color-default-border)' }}>
      <Anchor href={followUpHref(row)} fw={600} size="sm" truncate onClick={onClose} data-testid="bell-item-link">
        {row.subject || t('followups.noSubject')}
      </Anchor>
      <Text size="sm" lineClamp={2}>
        {row.nextAction ?? t('followups.noAction')}
      </Text>
      <Group justify="space-between" gap="xs" wrap="nowrap">
        <DueText row={row} today={today} size="xs" data-testid="bell-item-due" />
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
  );
}
