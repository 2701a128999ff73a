import { Group, Stack, Text, Tooltip, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { IconCloudCheck, IconCloudOff, IconCloudPause, IconCloudUpload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { href } from '../router';
import { useCan } from '../session/usePermission';
import classes from './SyncIndicator.module.css';
import { useSyncFormat, useSyncStatus } from './useSyncStatus';

type State = 'synced' | 'pending' | 'offline' | 'paused' | 'problem';

/**
 * Where the shop's changes stand with the cloud, always in view at the foot of the sidebar:
 * online or not, changes waiting, the last sync. A shop that never enrolled sees nothing here.
 */
export function SyncIndicator({ compact }: { compact: boolean }) {
  const { t } = useTranslation();
  const can = useCan();
  const { data } = useSyncStatus({ listen: true });
  const format = useSyncFormat();
  if (!data?.enrolled) return null;

  const state: State = data.paused
    ? 'paused'
    : data.problem && data.problem !== 'offline'
      ? 'problem'
      : data.online === false
        ? 'offline'
        : data.pending > 0
          ? 'pending'
          : 'synced';
  const Icon = { synced: IconCloudCheck, pending: IconCloudUpload, offline: IconCloudOff, paused: IconCloudPause, problem: IconCloudOff }[state];
  const headline = state === 'pending' ? t('sync.indicator.pending', { n: format.count(data.pending) }) : t(`sync.indicator.${state}`);
  const waiting = state !== 'pending' && data.pending > 0 ? t('sync.indicator.pending', { n: format.count(data.pending) }) : null;
  const last = data.lastSuccessAt ? t('sync.indicator.last', { at: format.at(data.lastSuccessAt) }) : t('sync.neverSynced');
  const detail = [waiting, last].filter(Boolean).join(' · ');

  const body = (
    <Group gap={8} wrap="nowrap" justify={compact ? 'center' : undefined} className={classes.sync} data-state={state}>
      <Icon size={20} stroke={1.7} aria-hidden />
      {!compact && (
        <Stack gap={0} style={{ minWidth: 0 }}>
          <Text size="sm" fw={600} truncate>
            {headline}
          </Text>
          <Text size="xs" className={classes.syncDetail} truncate>
            {detail}
          </Text>
        </Stack>
      )}
    </Group>
  );
  const label = `${t('sync.indicator.label')}: ${headline}. ${detail}${data.lastError ? `. ${data.lastError}` : ''}`;
  const content = can('sync.enrol') ? (
    // A link is named by what it shows (WCAG 2.5.3: a voice user says the words on screen); the context is hidden text around them.
    <UnstyledButton component="a" href={href('settings', 'sync')} data-testid="sync-indicator" data-state={state} data-pending={data.pending}>
      <VisuallyHidden>{compact ? label : `${t('sync.indicator.label')}: `}</VisuallyHidden>
      {body}
      {!compact && data.lastError && <VisuallyHidden>{`. ${data.lastError}`}</VisuallyHidden>}
    </UnstyledButton>
  ) : (
    <div role="status" aria-label={label} data-testid="sync-indicator" data-state={state} data-pending={data.pending}>
      {body}
    </div>
  );
  return (
    <Tooltip label={data.lastError ?? `${headline} · ${detail}`} position="right" withArrow multiline w={280} openDelay={200}>
      {content}
    </Tooltip>
  );
}
