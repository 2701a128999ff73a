import { Alert, Button, Group, Stack, TextInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { IconAlertTriangle, IconCloudDownload } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { onEvent, validationIssues } from '../../api/client';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { notifySuccess } from '../../components/notify';
import { currentLanguage } from '../../i18n';
import { useSyncStatus } from '../../shell/useSyncStatus';
import { RestoreProgress, type RestoreCounts } from '../setup/RestoreProgress';
import { SettingsSection } from './SettingsSection';

/**
 * Settings → Sinkronisasi on a shop that is still empty: the restore from the cloud again, for an
 * owner whose first-run restore failed or who opened the empty shop. A laptop that attempt left
 * enrolled needs no new code (the cloud already knows it); the cloud refuses a shop with data anyway.
 */
export function SyncRestoreCard() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const { data: status } = useSyncStatus();
  const customers = useApiQuery('customers.list', { page: 1, pageSize: 5 });
  const sales = useApiQuery('transactions.list', { page: 1, pageSize: 5 });
  const [server, setServer] = useState('');
  const [code, setCode] = useState('');
  const [counts, setCounts] = useState<RestoreCounts>({});
  useEffect(() => onEvent('sync.restoreProgress', (p) => setCounts((c) => ({ ...c, [p.entity]: p.rows }))), []);
  const restore = useApiMutation('sync.restore', {
    silent: true,
    onSuccess: async (restored) => {
      const numbers = new Intl.NumberFormat(currentLanguage() === 'en' ? 'en-US' : 'id-ID');
      notifySuccess(t('setup.restoreDone', { customers: numbers.format(restored.customers), transactions: numbers.format(restored.transactions) }));
      // Every page reads the restored shop, its name in the header included.
      await queryClient.invalidateQueries();
    },
  });

  if (!customers.data || !sales.data || customers.data.total > 0 || sales.data.total > 0) return null;
  const enrolledServer = status?.enrolled ? (status.serverUrl ?? '') : '';
  const issues = validationIssues(restore.error);
  const fieldError = (path: string) => issues.find((issue) => issue.path === path)?.message;

  return (
    <SettingsSection title={t('setup.restoreTitle')} hint={t(enrolledServer ? 'sync.restoreHintEnrolled' : 'sync.restoreHint')}>
      {restore.isPending ? (
        <RestoreProgress counts={counts} />
      ) : (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            setCounts({});
            restore.mutate({ server: (server || enrolledServer).trim(), code: code.trim() });
          }}
        >
          <Stack gap="sm">
            <Group align="flex-start" gap="sm" grow>
              <TextInput
                label={t('sync.server')}
                placeholder={enrolledServer || t('sync.serverPlaceholder')}
                value={server}
                onChange={(event) => setServer(event.currentTarget.value)}
                error={fieldError('server')}
                data-testid="sync-restore-server"
              />
              <TextInput
                label={t('setup.restoreCode')}
                placeholder={t('sync.codePlaceholder')}
                value={code}
                onChange={(event) => setCode(event.currentTarget.value)}
                error={fieldError('code')}
                autoComplete="off"
                data-testid="sync-restore-code"
              />
            </Group>
            {restore.error && issues.length === 0 && (
              <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />} data-testid="sync-restore-error">
                {restore.error.message}
              </Alert>
            )}
            <Group>
              <Button
                type="submit"
                variant="light"
                leftSection={<IconCloudDownload size={18} />}
                disabled={!(server || enrolledServer).trim()}
                data-testid="sync-restore"
              >
                {t('setup.restoreStart')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </SettingsSection>
  );
}
