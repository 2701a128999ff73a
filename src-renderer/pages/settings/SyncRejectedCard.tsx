import { Button, Group, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { notifySuccess } from '../../components/notify';
import { useSyncFormat } from '../../shell/useSyncStatus';
import { SettingsSection } from './SettingsSection';
import { ScrollTable } from '../../../src-ui/components/ScrollTable';

const KNOWN_ENTITIES = [
  'customers',
  'products',
  'transactions',
  'settings',
  'business',
  'rfm_runs',
  'campaigns',
  'campaign_recipients',
  'api_usage_logs',
] as const;

/** The cloud's dead-letter list: what it refused and why; each can be queued again or dismissed. */
export function SyncRejectedCard() {
  const { t } = useTranslation();
  const format = useSyncFormat();
  const rejected = useApiQuery('sync.rejected', {});
  const retry = useApiMutation('sync.retryRejected', { invalidates: ['sync'], onSuccess: () => notifySuccess(t('sync.retried')) });
  const dismiss = useApiMutation('sync.dismissRejected', { invalidates: ['sync'] });
  const rows = rejected.data ?? [];
  const entity = (name: string) => ((KNOWN_ENTITIES as readonly string[]).includes(name) ? t(`sync.entity.${name as (typeof KNOWN_ENTITIES)[number]}`) : name);

  return (
    <SettingsSection title={t('sync.rejectedTitle')} hint={t('sync.rejectedHint')}>
      {rows.length === 0 ? (
        <Text size="sm" c="dimmed" data-testid="sync-rejected-empty">
          {t('sync.rejectedEmpty')}
        </Text>
      ) : (
        <ScrollTable
          minWidth={640}
          verticalSpacing="sm"
          data-testid="sync-rejected"
          // The last column holds the row's buttons and has no heading.
          columns={[t('sync.rejectedWhat'), t('sync.rejectedReason'), t('sync.rejectedAt'), '']}
        >
          {rows.map((row) => {
            const key = { seq: row.seq, key: row.key };
            const busy = (m: typeof retry | typeof dismiss) => m.isPending && m.variables?.seq === row.seq && m.variables.key === row.key;
            return (
              <Table.Tr key={`${row.seq}:${row.key}`} data-testid="sync-rejected-row">
                <Table.Td>
                  <Text size="sm" fw={600}>
                    {entity(row.entity)}
                  </Text>
                  <Text size="xs" c="dimmed" ff="monospace">
                    {row.id}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{row.reason}</Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{format.at(row.at)}</Text>
                </Table.Td>
                <Table.Td>
                  <Group gap="xs" justify="flex-end" wrap="nowrap">
                    <Button size="xs" variant="light" onClick={() => retry.mutate(key)} loading={busy(retry)} data-testid="sync-retry">
                      {t('sync.retry')}
                    </Button>
                    <Button size="xs" variant="subtle" color="gray" onClick={() => dismiss.mutate(key)} loading={busy(dismiss)} data-testid="sync-dismiss">
                      {t('sync.dismiss')}
                    </Button>
                  </Group>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </ScrollTable>
      )}
    </SettingsSection>
  );
}
