import { Badge, Button, Group, Table, Text } from '@mantine/core';
import { IconHistory } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../src-shared/format/date';
import type { BackupSummary } from '../../../src-shared/schemas/system';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { ConfirmModal } from '../../../src-ui/components/ConfirmModal';
import { formatBytes } from '../../components/formatBytes';
import { notifySuccess } from '../../components/notify';
import { useCan } from '../../session/usePermission';
import { TableCard } from '../../components/TableCard';
import { FigureCell } from '../../../src-ui/components/FigureCell';

const numbers = new Intl.NumberFormat('id-ID');
const count = (n: number | null) => (n === null ? '—' : numbers.format(n));

/**
 * The backups on this laptop, newest first, with what each holds, and (for the owner) restoring
 * one: the current data is backed up first, so a restore can itself be undone from this list.
 */
export function BackupsCard({ timeZone }: { timeZone?: string }) {
  const { t } = useTranslation();
  const canRestore = useCan()('health.restore');
  const queryClient = useQueryClient();
  const backups = useApiQuery('health.backups', {}, { staleTime: 0 });
  const [chosen, setChosen] = useState<BackupSummary | null>(null);
  const restore = useApiMutation('health.restore', {
    onSuccess: async (result) => {
      setChosen(null);
      // Every list, figure and page shows the restored data.
      await queryClient.invalidateQueries();
      notifySuccess(t('backups.restored', { name: result.restoredFrom, previous: result.previous }));
    },
  });

  return (
    <>
      <TableCard
        title={
          <Group gap="xs">
            <IconHistory size={18} stroke={1.7} />
            <Text fw={700}>{t('backups.title')}</Text>
          </Group>
        }
        aside={
          <Text size="sm" c="dimmed">
            {t('backups.hint')}
          </Text>
        }
        testId="backups-table"
        head={
          <>
            <Table.Th>{t('backups.when')}</Table.Th>
            <Table.Th>{t('backups.file')}</Table.Th>
            <Table.Th ta="right">{t('backups.size')}</Table.Th>
            <Table.Th ta="right">{t('backups.customers')}</Table.Th>
            <Table.Th ta="right">{t('backups.transactions')}</Table.Th>
            {canRestore && <Table.Th />}
          </>
        }
      >
        {backups.data?.length === 0 && (
          <Table.Tr>
            <Table.Td colSpan={6}>
              <Text size="sm" c="dimmed">
                {t('backups.none')}
              </Text>
            </Table.Td>
          </Table.Tr>
        )}
        {backups.data?.map((backup) => (
          <Table.Tr key={backup.name} data-testid="backup-row">
            <Table.Td className="sma-num">{formatDateTime(backup.at, timeZone)}</Table.Td>
            <Table.Td>
              <Text size="sm" style={{ wordBreak: 'break-all' }}>
                {backup.name}
              </Text>
              {backup.schemaVersion === null && (
                <Badge color="red" variant="light" size="sm">
                  {t('backups.unreadable')}
                </Badge>
              )}
            </Table.Td>
            <FigureCell>{formatBytes(backup.bytes)}</FigureCell>
            <FigureCell>{count(backup.customers)}</FigureCell>
            <FigureCell>{count(backup.transactions)}</FigureCell>
            {canRestore && (
              <Table.Td ta="right">
                <Button size="xs" variant="light" onClick={() => setChosen(backup)} disabled={backup.schemaVersion === null} data-testid="backup-restore">
                  {t('backups.restore')}
                </Button>
              </Table.Td>
            )}
          </Table.Tr>
        ))}
      </TableCard>
      <ConfirmModal
        opened={chosen !== null}
        title={t('backups.confirmTitle')}
        message={
          chosen
            ? t('backups.confirmText', {
                when: formatDateTime(chosen.at, timeZone),
                customers: count(chosen.customers),
                transactions: count(chosen.transactions),
              })
            : ''
        }
        confirmLabel={t('backups.restore')}
        loading={restore.isPending}
        onConfirm={() => chosen && restore.mutate({ name: chosen.name })}
        onClose={() => setChosen(null)}
        testId="backup-restore-confirm"
      />
    </>
  );
}
