import { Alert, Anchor, Badge, Button, Group, Skeleton, Stack, Tabs } from '@mantine/core';
import {
  IconArrowLeft,
  IconCash,
  IconClockHour4,
  IconKey,
  IconPencil,
  IconPlayerPause,
  IconPlayerPlay,
  IconReceipt,
  IconStack2,
  IconUsers,
} from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { adminPath } from '../../../../src-shared/cloud/admin-api';
import { businessDetailResponse, enrolCodeIssued, statusResponse, type BusinessDetail } from '../../../../src-shared/cloud/admin-businesses-api';
import { api } from '../../api/client';
import { ConfirmModal } from '../../../../src-ui/components/ConfirmModal';
import { ErrorState } from '../../components/ErrorState';
import { notifySuccess } from '../../components/notify';
import { PageHeader } from '../../../../src-renderer/components/PageHeader';
import { StatGrid } from '../../../../src-ui/components/StatGrid';
import { ago, formatCount } from '../../format';
import { linkClick, navigate, useRoute } from '../../router';
import { useSession } from '../../session';
import { BusinessForm } from '../BusinessForm';
import { AssistantTab } from '../assistant/AssistantTab';
import { AiTab } from './AiTab';
import { CatalogueTab } from './CatalogueTab';
import { DevicesTab } from './DevicesTab';
import { EnrolCodeModal } from './EnrolCodeModal';
import { OverviewTab } from './OverviewTab';
import { SyncLogTab } from './SyncLogTab';

export const businessKey = (id: string) => ['businesses', id] as const;

const TABS = ['overview', 'devices', 'sync', 'ai', 'assistant', 'catalogue'] as const;
type Tab = (typeof TABS)[number];

/** One shop: its figures, devices, sync log, AI usage and WhatsApp assistant; codes, suspend and edit for a super admin. */
export function BusinessPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const { canWrite } = useSession();
  const queryClient = useQueryClient();
  const route = useRoute();
  const tab: Tab = (TABS as readonly string[]).includes(route.query.get('tab') ?? '') ? (route.query.get('tab') as Tab) : 'overview';
  const detail = useQuery({
    queryKey: businessKey(id),
    queryFn: () => api('GET', adminPath('business', { id }), businessDetailResponse),
    refetchInterval: 60_000,
  });
  const [editing, setEditing] = useState(false);
  const [confirmSuspend, setConfirmSuspend] = useState(false);
  const [issued, setIssued] = useState<{ code: string; expiresAt: string } | null>(null);

  const refresh = () => queryClient.invalidateQueries({ queryKey: ['businesses'] });
  const issue = useMutation({
    mutationFn: () => api('POST', adminPath('enrolCodes', { id }), enrolCodeIssued),
    onSuccess: (code) => {
      setIssued(code);
      void queryClient.invalidateQueries({ queryKey: ['enrol-codes', id] });
    },
  });
  const setStatus = useMutation({
    mutationFn: (to: 'suspend' | 'resume') => api('POST', adminPath(to, { id }), statusResponse),
    onSuccess: (result) => {
      setConfirmSuspend(false);
      // The answer is the new status: shown at once, while the figures are asked for again.
      queryClient.setQueryData(businessKey(id), (old: BusinessDetail | undefined) =>
        old ? { ...old, business: { ...old.business, status: result.status } } : old,
      );
      notifySuccess(result.status === 'suspended' ? t('business.suspended') : t('business.resumed'));
      void refresh();
    },
  });

  const back = (
    <Anchor href="/businesses" onClick={linkClick('/businesses')} size="sm">
      <Group gap={4}>
        <IconArrowLeft size={14} />
        {t('business.back')}
      </Group>
    </Anchor>
  );
  if (detail.isError) {
    return (
      <>
        <PageHeader title={t('businesses.title')} above={back} />
        <ErrorState error={detail.error} onRetry={() => void detail.refetch()} />
      </>
    );
  }
  const data = detail.data;
  const business = data?.business;
  const suspended = business?.status === 'suspended';

  return (
    <>
      <PageHeader
        above={back}
        title={
          business ? (
            <Group gap="sm">
              <span data-testid="business-title">{business.name}</span>
              <Badge color={suspended ? 'red' : 'teal'} variant="light" data-testid="business-status">
                {t(`businesses.status.${business.status}`)}
              </Badge>
            </Group>
          ) : (
            <Skeleton height={32} width={240} />
          )
        }
        subtitle={business ? [business.city, business.ownerName, business.phone].filter(Boolean).join(' · ') || undefined : undefined}
        actions={
          business &&
          canWrite && (
            <>
              <Button variant="default" leftSection={<IconPencil size={16} />} onClick={() => setEditing(true)}>
                {t('business.edit')}
              </Button>
              {suspended ? (
                <Button
                  variant="default"
                  leftSection={<IconPlayerPlay size={16} />}
                  loading={setStatus.isPending}
                  onClick={() => setStatus.mutate('resume')}
                  data-testid="business-resume"
                >
                  {t('business.resume')}
                </Button>
              ) : (
                <Button
                  variant="default"
                  color="red"
                  leftSection={<IconPlayerPause size={16} />}
                  onClick={() => setConfirmSuspend(true)}
                  data-testid="business-suspend"
                >
                  {t('business.suspend')}
                </Button>
              )}
              <Button
                color="sun"
                leftSection={<IconKey size={16} />}
                loading={issue.isPending}
                disabled={suspended}
                onClick={() => issue.mutate()}
                data-testid="issue-code"
              >
                {t('business.issueCode')}
              </Button>
            </>
          )
        }
      />
      <Stack gap="lg">
        {suspended && (
          <Alert color="red" variant="light">
            {t('business.suspendedNote')}
          </Alert>
        )}
        <StatGrid
          cols={{ base: 2, md: 3, xl: 6 }}
          spacing="md"
          stats={[
            { label: t('business.stat.customers'), value: business && formatCount(business.customers), icon: IconUsers, testId: 'stat-customers' },
            { label: t('business.stat.transactions'), value: business && formatCount(business.transactions), icon: IconReceipt, testId: 'stat-transactions' },
            {
              label: t('business.stat.revenueThisMonth'),
              amount: business?.revenueThisMonth,
              icon: IconCash,
              color: 'teal',
              testId: 'stat-revenue-this-month',
            },
            {
              label: t('business.stat.revenueLastMonth'),
              amount: business?.revenueLastMonth,
              icon: IconCash,
              color: 'gray',
              testId: 'stat-revenue-last-month',
            },
            {
              label: t('business.stat.lastSync'),
              value: business && ago(business.lastSyncAt, t('common.never')),
              icon: IconClockHour4,
              color: 'cyan',
              testId: 'stat-last-sync',
            },
            {
              label: t('business.stat.pending'),
              value: business && formatCount(business.pendingOps),
              icon: IconStack2,
              color: 'orange',
              testId: 'stat-pending',
            },
          ]}
        />
        <Tabs
          value={tab}
          onChange={(value) => navigate(`/businesses/${id}${value && value !== 'overview' ? `?tab=${value}` : ''}`, { replace: true })}
          keepMounted={false}
        >
          <Tabs.List mb="md">
            {TABS.map((key) => (
              <Tabs.Tab key={key} value={key} data-testid={`tab-${key}`}>
                {t(`business.tabs.${key}`)}
              </Tabs.Tab>
            ))}
          </Tabs.List>
          <Tabs.Panel value="overview">{data ? <OverviewTab detail={data} /> : <Skeleton height={320} />}</Tabs.Panel>
          <Tabs.Panel value="devices">{data ? <DevicesTab businessId={id} devices={data.devices} /> : <Skeleton height={200} />}</Tabs.Panel>
          <Tabs.Panel value="sync">{data ? <SyncLogTab businessId={id} rejected={data.rejectedOps} /> : <Skeleton height={200} />}</Tabs.Panel>
          <Tabs.Panel value="ai">{data ? <AiTab businessId={id} ai={data.ai} /> : <Skeleton height={200} />}</Tabs.Panel>
          <Tabs.Panel value="assistant">
            <AssistantTab businessId={id} />
          </Tabs.Panel>
          <Tabs.Panel value="catalogue">
            <CatalogueTab businessId={id} />
          </Tabs.Panel>
        </Tabs>
      </Stack>
      {business && editing && <BusinessForm opened business={business} onClose={() => setEditing(false)} />}
      {business && (
        <ConfirmModal
          opened={confirmSuspend}
          title={t('business.suspendTitle', { name: business.name })}
          message={t('business.suspendMessage')}
          confirmLabel={t('business.suspend')}
          loading={setStatus.isPending}
          onConfirm={() => setStatus.mutate('suspend')}
          onClose={() => setConfirmSuspend(false)}
          testId="confirm-suspend"
        />
      )}
      {issued && <EnrolCodeModal code={issued.code} expiresAt={issued.expiresAt} onClose={() => setIssued(null)} />}
    </>
  );
}
