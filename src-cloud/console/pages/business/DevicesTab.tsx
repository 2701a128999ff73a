import { Badge, Button, Card, Table, Text } from '@mantine/core';
import { IconDeviceLaptop } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { adminPath } from '../../../../src-shared/cloud/admin-api';
import { enrolCodesResponse, revokeResponse, type BusinessDetail, type deviceView } from '../../../../src-shared/cloud/admin-businesses-api';
import { api } from '../../api/client';
import { ConfirmModal } from '../../../../src-ui/components/ConfirmModal';
import { EmptyList } from '../../../../src-renderer/components/EmptyList';
import { notifySuccess } from '../../components/notify';
import { ago, formatCount, when } from '../../format';
import { useSession } from '../../session';
import { FigureCell } from '../../../../src-ui/components/FigureCell';
import { ScrollTable } from '../../../../src-ui/components/ScrollTable';

type Device = z.infer<typeof deviceView>;

/** The shop's laptops: when each was last seen, its app version and queue; revoke with a confirmation. */
export function DevicesTab({ businessId, devices }: { businessId: string; devices: Device[] }) {
  const { t } = useTranslation();
  const { canWrite } = useSession();
  const queryClient = useQueryClient();
  const [revoking, setRevoking] = useState<Device | null>(null);
  const codes = useQuery({
    queryKey: ['enrol-codes', businessId],
    queryFn: () => api('GET', adminPath('enrolCodes', { id: businessId }), enrolCodesResponse),
    meta: { silent: true },
  });
  const revoke = useMutation({
    mutationFn: (device: Device) => api('POST', adminPath('revokeDevice', { id: businessId, deviceId: device.id }), revokeResponse),
    onSuccess: ({ revokedAt }, device) => {
      setRevoking(null);
      queryClient.setQueryData(['businesses', businessId], (old: BusinessDetail | undefined) =>
        old ? { ...old, devices: old.devices.map((d) => (d.id === device.id ? { ...d, revokedAt } : d)) } : old,
      );
      notifySuccess(t('business.devices.revokedToast'));
      void queryClient.invalidateQueries({ queryKey: ['businesses'] });
    },
  });

  return (
    <Card>
      {codes.data && codes.data.codes.length > 0 && (
        <Text size="sm" c="dimmed" mb="sm" data-testid="open-codes">
          {t('enrol.open', { count: codes.data.codes.length })}
        </Text>
      )}
      {devices.length === 0 ? (
        <EmptyList icon={IconDeviceLaptop} title={t('business.devices.title')} description={t('business.devices.empty')} testId="devices-empty" />
      ) : (
        <ScrollTable
          minWidth={800}
          verticalSpacing="sm"
          data-testid="devices-table"
          head={
            <>
              <Table.Th>{t('business.devices.name')}</Table.Th>
              <Table.Th>{t('business.devices.version')}</Table.Th>
              <Table.Th>{t('business.devices.lastSeen')}</Table.Th>
              <Table.Th>{t('business.devices.lastPush')}</Table.Th>
              <Table.Th ta="right">{t('business.devices.pending')}</Table.Th>
              <Table.Th>{t('business.devices.enrolled')}</Table.Th>
              <Table.Th />
            </>
          }
        >
          {devices.map((device) => (
            <Table.Tr key={device.id} data-testid="device-row">
              <Table.Td fw={600}>{device.name}</Table.Td>
              <Table.Td>{device.appVersion ?? t('common.none')}</Table.Td>
              <Table.Td title={when(device.lastSeenAt, '')}>{ago(device.lastSeenAt, t('common.never'))}</Table.Td>
              <Table.Td title={when(device.lastPushAt, '')}>{ago(device.lastPushAt, t('common.never'))}</Table.Td>
              <FigureCell>{formatCount(device.pending)}</FigureCell>
              <Table.Td>{when(device.createdAt, '')}</Table.Td>
              <Table.Td ta="right">
                {device.revokedAt ? (
                  <Badge color="red" variant="light" tt="none">
                    {t('business.devices.revoked', { date: when(device.revokedAt, '') })}
                  </Badge>
                ) : (
                  canWrite && (
                    <Button size="xs" variant="default" color="red" onClick={() => setRevoking(device)} data-testid="device-revoke">
                      {t('business.devices.revoke')}
                    </Button>
                  )
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </ScrollTable>
      )}
      <ConfirmModal
        opened={revoking !== null}
        title={t('business.devices.revokeTitle', { name: revoking?.name ?? '' })}
        message={t('business.devices.revokeMessage')}
        confirmLabel={t('business.devices.revoke')}
        loading={revoke.isPending}
        onConfirm={() => revoking && revoke.mutate(revoking)}
        onClose={() => setRevoking(null)}
        testId="confirm-revoke"
      />
    </Card>
  );
}
