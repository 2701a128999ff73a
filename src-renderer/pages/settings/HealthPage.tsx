import { Badge, Card, Code, Grid, SimpleGrid, Skeleton, Stack, Text } from '@mantine/core';
import { IconArchive, IconCloudUpload, IconDatabase, IconGitMerge, IconKey, IconRefresh, IconShieldCheck, IconStack2, type Icon } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, formatDateTime } from '../../../src-shared/format/date';
import { useApiQuery } from '../../api/hooks';
import { formatBytes } from '../../components/formatBytes';
import { PageHeader } from '../../components/PageHeader';
import { StatCard } from '../../../src-ui/components/StatCard';
import { BackupsCard } from './BackupsCard';
import { CountsCard, MigrationsCard } from './HealthTables';
import { useSession } from '../../session/context';

const numbers = new Intl.NumberFormat('id-ID');

export function HealthPage() {
  const { t } = useTranslation();
  const { status } = useSession();
  const health = useApiQuery('health.get', {}, { staleTime: 0 });
  const data = health.data;
  const timeZone = status.business?.timezone;
  const never = t('common.never');
  const integrityOk = data?.integrity === 'ok';

  return (
    <>
      <PageHeader title={t('health.title')} subtitle={t('health.subtitle')} />
      <Stack gap="lg" data-testid="health-page">
        <SimpleGrid cols={{ base: 1, xs: 2, lg: 4 }} spacing="md">
          <StatCard
            label={t('health.schema')}
            icon={IconGitMerge}
            value={data && t('health.schemaOf', { current: data.schemaVersion, app: data.appSchemaVersion })}
          />
          <StatCard label={t('health.dbSize')} icon={IconDatabase} value={data && formatBytes(data.dbSizeBytes)} />
          <StatCard
            label={t('health.integrity')}
            icon={IconShieldCheck}
            color={integrityOk ? 'teal' : 'red'}
            value={data && (integrityOk ? 'OK' : data.integrity)}
            testId="health-integrity"
          />
          {/* Sync state only where sync has been set up: a shop that never enrolled has nothing "waiting". */}
          {data && data.outboxPending !== null ? (
            <StatCard label={t('health.outbox')} icon={IconCloudUpload} color="sun" value={numbers.format(data.outboxPending)} />
          ) : (
            <StatCard
              label={t('health.lastBackup')}
              icon={IconArchive}
              color="sun"
              value={data && (data.lastBackup ? formatDate(data.lastBackup.at, timeZone) : never)}
              testId="health-last-backup"
            />
          )}
        </SimpleGrid>

        <Card>
          {!data ? (
            <Skeleton height={140} />
          ) : (
            <Stack gap="sm">
              <Row icon={IconDatabase} label={t('health.dbPath')} value={<Code style={{ wordBreak: 'break-all' }}>{data.dbPath}</Code>} />
              <Row icon={IconStack2} label={t('health.journal')} value={<Badge variant="light">{data.journalMode.toUpperCase()}</Badge>} />
              <Row
                icon={IconKey}
                label={t('health.foreignKeys')}
                value={
                  <Badge color={data.foreignKeys ? 'teal' : 'red'} variant="light">
                    {data.foreignKeys ? t('health.on') : t('health.off')}
                  </Badge>
                }
              />
              <Row
                icon={IconArchive}
                label={t('health.lastBackup')}
                value={
                  data.lastBackup ? `${formatDateTime(data.lastBackup.at, timeZone)} · ${formatBytes(data.lastBackup.bytes)} · ${data.lastBackup.file}` : never
                }
              />
              {data.outboxPending !== null && (
                <Row
                  icon={IconRefresh}
                  label={t('health.lastSync')}
                  value={data.lastSync ? formatDateTime(data.lastSync, timeZone) : never}
                  testId="health-last-sync"
                />
              )}
            </Stack>
          )}
        </Card>

        <BackupsCard timeZone={timeZone} />

        <Grid gap="lg">
          <Grid.Col span={{ base: 12, md: 7 }}>
            <MigrationsCard migrations={data?.migrations} timeZone={timeZone} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 5 }}>
            <CountsCard counts={data?.counts} />
          </Grid.Col>
        </Grid>
      </Stack>
    </>
  );
}

function Row({ icon: RowIcon, label, value, testId }: { icon: Icon; label: string; value: ReactNode; testId?: string }) {
  return (
    <Grid gap="sm" align="center">
      <Grid.Col span={{ base: 12, sm: 4 }}>
        <Text size="sm" c="dimmed" style={{ display: 'flex', alignItems: 'center', gap: 8 }}>
          <RowIcon size={16} />
          {label}
        </Text>
      </Grid.Col>
      <Grid.Col span={{ base: 12, sm: 8 }}>
        <Text size="sm" component="div" data-testid={testId}>
          {value}
        </Text>
      </Grid.Col>
    </Grid>
  );
}
