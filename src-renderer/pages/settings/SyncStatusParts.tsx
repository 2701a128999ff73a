import { Alert, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconClockExclamation, IconPlayerPause } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ChannelOutput } from '../../../src-shared/contract';
import { useSyncFormat } from '../../shell/useSyncStatus';

// What the sync status card (SyncTab.tsx) says under its title: where the shop syncs to and what
// waits, then what needs the owner's eye. Apart from the card, which holds the actions.

type SyncStatus = ChannelOutput<'sync.status'>;

/** A laptop clock further than this from the server's gets a warning (the cloud clamps at 5 min). */
const CLOCK_WARNING_MS = 5 * 60_000;

/** The shop in the cloud, the server, the changes waiting and the last sync. */
export function SyncFacts({ status }: { status: SyncStatus }) {
  const { t } = useTranslation();
  const format = useSyncFormat();
  return (
    <Stack gap={6} mb="md">
      <Text size="sm">
        {t('sync.shopInCloud')}:{' '}
        <Text span fw={700} data-testid="sync-business">
          {status.businessName}
        </Text>
      </Text>
      <Text size="sm" c="dimmed">
        {t('sync.serverLabel')}: {status.serverUrl}
      </Text>
      <Text size="lg" fw={700} data-testid="sync-pending" data-pending={status.pending}>
        {t('sync.pending', { n: format.count(status.pending) })}
      </Text>
      <Text size="sm" c="dimmed" data-testid="sync-last">
        {status.lastSuccessAt ? t('sync.lastSync', { at: format.at(status.lastSuccessAt) }) : t('sync.neverSynced')}
      </Text>
    </Stack>
  );
}

/** The last error, a pause, a clock far off the server's, and a failed send-now. */
export function SyncNotes({ status, pushError }: { status: SyncStatus; pushError: Error | null }) {
  const { t } = useTranslation();
  const format = useSyncFormat();
  const clockOff = status.clockOffsetMs !== null && Math.abs(status.clockOffsetMs) > CLOCK_WARNING_MS;
  return (
    <Stack gap="sm" mb="md">
      {status.lastError && (
        <Alert color={status.problem === 'offline' ? 'orange' : 'red'} variant="light" icon={<IconAlertTriangle size={18} />} data-testid="sync-error">
          {status.lastError}
        </Alert>
      )}
      {status.paused && (
        <Alert color="gray" variant="light" icon={<IconPlayerPause size={18} />}>
          {t('sync.pausedNote')}
        </Alert>
      )}
      {clockOff && (
        <Alert color="yellow" variant="light" icon={<IconClockExclamation size={18} />} data-testid="sync-clock">
          {t('sync.clockWarning', { minutes: format.count(Math.round(Math.abs(status.clockOffsetMs ?? 0) / 60_000)) })}
        </Alert>
      )}
      {pushError && (
        <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />} data-testid="sync-push-error">
          {pushError.message}
        </Alert>
      )}
    </Stack>
  );
}
