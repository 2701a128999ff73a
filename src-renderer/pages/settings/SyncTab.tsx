import { Alert, Button, Card, Group, Skeleton, Stack, Text, TextInput } from '@mantine/core';
import { IconAlertTriangle, IconCloudUpload, IconPlayerPause, IconPlayerPlay, IconPlugConnectedX } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { validationIssues } from '../../api/client';
import { useApiMutation } from '../../api/hooks';
import { ConfirmModal } from '../../../src-ui/components/ConfirmModal';
import { notifySuccess } from '../../components/notify';
import { useSyncFormat, useSyncStatus } from '../../shell/useSyncStatus';
import { SettingsSection } from './SettingsSection';
import { StateBadge } from './StateBadge';
import { SyncRejectedCard } from './SyncRejectedCard';
import { SyncRestoreCard } from './SyncRestoreCard';
import { SyncFacts, SyncNotes } from './SyncStatusParts';

const STATE_COLOR = { online: 'teal', offline: 'orange', paused: 'gray', waiting: 'blue', problem: 'red' } as const;

/** Settings → Sinkronisasi (owner only): enrol with a code, the status, send now, pause, leave, refused changes. */
export function SyncTab() {
  const { data: status } = useSyncStatus();
  if (!status) return <Skeleton height={200} radius="md" />;
  return (
    <Stack gap="lg" maw={860}>
      {status.enrolled ? <SyncStatusCard /> : <EnrolCard />}
      {status.enrolled && status.problem === 'unauthorised' && <EnrolCard again />}
      {(status.enrolled || status.rejected > 0) && <SyncRejectedCard />}
      <SyncRestoreCard />
    </Stack>
  );
}

function EnrolCard({ again = false }: { again?: boolean }) {
  const { t } = useTranslation();
  const [server, setServer] = useState('');
  const [code, setCode] = useState('');
  const enrol = useApiMutation('sync.enrol', {
    invalidates: ['sync'],
    silent: true,
    onSuccess: (status) => {
      setCode('');
      notifySuccess(t('sync.enrolled', { name: status.businessName ?? '' }));
    },
  });
  const issues = validationIssues(enrol.error);
  const fieldError = (path: string) => issues.find((issue) => issue.path === path)?.message;
  const generalError = enrol.error && issues.length === 0 ? enrol.error.message : null;

  return (
    <SettingsSection title={t(again ? 'sync.enrolAgain' : 'sync.enrolTitle')} hint={t('sync.enrolHint')}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          enrol.mutate({ server: server.trim(), code: code.trim() });
        }}
      >
        <Stack gap="sm">
          <Group align="flex-start" gap="sm" grow>
            <TextInput
              label={t('sync.server')}
              placeholder={t('sync.serverPlaceholder')}
              value={server}
              onChange={(event) => setServer(event.currentTarget.value)}
              error={fieldError('server')}
              autoComplete="url"
              required
              data-testid="sync-server"
            />
            <TextInput
              label={t('sync.code')}
              placeholder={t('sync.codePlaceholder')}
              value={code}
              onChange={(event) => setCode(event.currentTarget.value)}
              error={fieldError('code')}
              autoComplete="off"
              required
              data-testid="sync-code"
            />
          </Group>
          {generalError && (
            <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />} data-testid="sync-enrol-error">
              {generalError}
            </Alert>
          )}
          <Group>
            <Button type="submit" loading={enrol.isPending} disabled={!server.trim() || !code.trim()} data-testid="sync-enrol">
              {t('sync.enrol')}
            </Button>
          </Group>
        </Stack>
      </form>
    </SettingsSection>
  );
}

function SyncStatusCard() {
  const { t } = useTranslation();
  const { data: status } = useSyncStatus();
  const format = useSyncFormat();
  const [confirmLeave, setConfirmLeave] = useState(false);
  const push = useApiMutation('sync.pushNow', {
    invalidates: ['sync'],
    onSuccess: (outcome) => notifySuccess(t('sync.pushed', { n: format.count(outcome.acked), remaining: format.count(outcome.remaining) })),
    onError: () => undefined,
  });
  const pause = useApiMutation('sync.pause', { invalidates: ['sync'] });
  const resume = useApiMutation('sync.resume', { invalidates: ['sync'] });
  const leave = useApiMutation('sync.leave', {
    invalidates: ['sync'],
    onSuccess: () => {
      setConfirmLeave(false);
      notifySuccess(t('sync.left'));
    },
  });
  if (!status?.enrolled) return null;

  const state = status.paused
    ? 'paused'
    : status.problem && status.problem !== 'offline'
      ? 'problem'
      : status.online === false
        ? 'offline'
        : status.online
          ? 'online'
          : 'waiting';

  return (
    <Card data-testid="sync-status-card">
      <Group justify="space-between" mb={4}>
        <Text fw={700}>{t('sync.statusTitle')}</Text>
        <StateBadge color={STATE_COLOR[state]} label={t(`sync.state.${state}`)} data-testid="sync-state" data-state={state} />
      </Group>
      <Text size="sm" c="dimmed" mb="md">
        {t('sync.statusHint')}
      </Text>
      <SyncFacts status={status} />
      <SyncNotes status={status} pushError={push.error} />
      <Group gap="sm">
        <Button leftSection={<IconCloudUpload size={18} />} onClick={() => push.mutate({})} loading={push.isPending} data-testid="sync-push">
          {t('sync.pushNow')}
        </Button>
        {status.paused ? (
          <Button
            variant="default"
            leftSection={<IconPlayerPlay size={18} />}
            onClick={() => resume.mutate({})}
            loading={resume.isPending}
            data-testid="sync-resume"
          >
            {t('sync.resume')}
          </Button>
        ) : (
          <Button
            variant="default"
            leftSection={<IconPlayerPause size={18} />}
            onClick={() => pause.mutate({})}
            loading={pause.isPending}
            data-testid="sync-pause"
          >
            {t('sync.pause')}
          </Button>
        )}
        <Button variant="subtle" color="red.9" leftSection={<IconPlugConnectedX size={18} />} onClick={() => setConfirmLeave(true)} data-testid="sync-leave">
          {t('sync.leave')}
        </Button>
      </Group>
      <ConfirmModal
        opened={confirmLeave}
        title={t('sync.leaveTitle')}
        message={t('sync.leaveText', { n: format.count(status.pending) })}
        confirmLabel={t('sync.leaveConfirm')}
        loading={leave.isPending}
        onConfirm={() => leave.mutate({})}
        onClose={() => setConfirmLeave(false)}
        testId="sync-leave-confirm"
      />
    </Card>
  );
}
