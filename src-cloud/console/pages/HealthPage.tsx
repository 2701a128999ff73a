import { Alert, SimpleGrid, Skeleton, Stack, Text } from '@mantine/core';
import { IconCircleCheck, IconCircleX, IconDatabase, IconStack2, IconTag } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { healthResponse } from '../../../src-shared/sync/protocol';
import { ApiError } from '../api/client';
import { ErrorState } from '../components/ErrorState';
import { PageHeader } from '../../../src-renderer/components/PageHeader';
import { StatCard } from '../../../src-ui/components/StatCard';
import { when } from '../format';

/** `GET /api/health`, polled: the database, the migrations applied, the server's version. */
export function HealthPage() {
  const { t } = useTranslation();
  // The health route answers 503 with the same body when the database is down: read it either way.
  const health = useQuery({
    queryKey: ['health'],
    queryFn: async () => {
      const res = await fetch('/api/health', { headers: { accept: 'application/json' } }).catch(() => null);
      if (!res) throw new ApiError('NETWORK', t('errors.network'), 0);
      const body = healthResponse.safeParse(await res.json().catch(() => null));
      if (!body.success) throw new ApiError('INTERNAL', t('errors.INTERNAL'), res.status);
      return body.data;
    },
    refetchInterval: 15_000,
  });
  const data = health.data;
  return (
    <>
      <PageHeader title={t('health.title')} subtitle={t('health.subtitle')} />
      <Stack gap="lg">
        {health.isError && !data && <ErrorState error={health.error} onRetry={() => void health.refetch()} />}
        {data ? (
          <Alert
            color={data.ok ? 'teal' : 'red'}
            variant="light"
            icon={data.ok ? <IconCircleCheck size={20} /> : <IconCircleX size={20} />}
            title={data.ok ? t('health.ok') : t('health.bad')}
            data-testid="health-status"
            data-ok={data.ok}
          >
            {t('health.checkedAt', { time: when(new Date(health.dataUpdatedAt).toISOString(), '') })}
          </Alert>
        ) : (
          !health.isError && <Skeleton height={72} />
        )}
        <SimpleGrid cols={{ base: 1, md: 3 }}>
          <StatCard
            label={t('health.database')}
            value={
              data && (
                <Text span c={data.database ? 'teal' : 'red'} fw={700} inherit>
                  {data.database ? t('health.reachable') : t('health.unreachable')}
                </Text>
              )
            }
            icon={IconDatabase}
            color={data?.database === false ? 'red' : 'teal'}
            testId="health-database"
          />
          <StatCard label={t('health.migrations')} value={data && t('health.migrationsValue', data.migrations)} icon={IconStack2} testId="health-migrations" />
          <StatCard label={t('health.version')} value={data?.version} icon={IconTag} color="gray" testId="health-version" />
        </SimpleGrid>
      </Stack>
    </>
  );
}
