import { Badge, Card, Code, Grid, SimpleGrid, Skeleton, Stack, Table, Text } from '@mantine/core';
import { IconArchive, IconCloudUpload, IconDatabase, IconGitMerge, IconKey, IconRefresh, IconShieldCheck, IconStack2, type Icon } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, formatDateTime } from '../../../src-shared/format/date';
import { useApiQuery } from '../../api/hooks';
import { formatBytes } from '../../components/formatBytes';
import { PageHeader } from '../../components/PageHeader';
import { TableCard } from '../../components/TableCard';
import { StatCard } from '../../../src-ui/components/StatCard';
import { BackupsCard } from './BackupsCard';
import { useSession } from '../../session/context';

const numbers = new Intl.NumberFormat('id-ID');

const COUNTED_TABLES = ['customers', 'transactions', 'products', 'users', 'activity_logs', 'outbox'] as const;
/** The tables the health service counts, named in words; one it adds later shows its own name. */
function isCountedTable(table: string): table is (typeof COUNTED_TABLES)[number] {
  return (COUNTED_TABLES as readonly string[]).includes(table);
}

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
          <StatCard label={t('health.schema')} icon={IconGitMerge} value={data && t('health.schemaOf', { current: data.schemaVersion, app: data.appSchemaVersion })} />
          <StatCard label={t('health.dbSize')} icon={IconDatabase} value={data && formatBytes(data.dbSizeBytes)} />
          <StatCard label={t('health.integrity')} icon={IconShieldCheck} color={integrityOk ? 'teal' : 'red'} value={data && (integrityOk ? 'OK' : data.integrity)} testId="health-integrity" />
          {/* Sync state only where sync has been set up: a shop that never enrolled has nothing "waiting". */}
          {data && data.outboxPending !== null ? (
            <StatCard label={t('health.outbox')} icon={IconCloudUpload} color="sun" value={numbers.format(data.outboxPending)} />
          ) : (
            <StatCard label={t('health.lastBackup')} icon={IconArchive} color="sun" value={data && (data.lastBackup ? formatDate(data.lastBackup.at, timeZone) : never)} testId="health-last-backup" />
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
                value={<Badge color={data.foreignKeys ? 'teal' : 'red'} variant="light">{data.foreignKeys ? t('health.on') : t('health.off')}</Badge>}
              />
              <Row
                icon={IconArchive}
                label={t('health.lastBackup')}
                value={data.lastBackup ? `${formatDateTime(data.lastBackup.at, timeZone)} · ${formatBytes(data.lastBackup.bytes)} · ${data.lastBackup.file}` : never}
              />
              {data.outboxPending !== null && (
                <Row icon={IconRefresh} label={t('health.lastSync')} value={data.lastSync ? formatDateTime(data.lastSync, timeZone) : never} testId="health-last-sync" />
              )}
            </Stack>
          )}
        </Card>

        <BackupsCard timeZone={timeZone} />

        <Grid gap="lg">
          <Grid.Col span={{ base: 12, md: 7 }}>
            <TableCard
              h="100%"
              title={<Text fw={700}>{t('health.migrations')}</Text>}
              testId="health-migrations"
              head={
                <>
                  <Table.Th>{t('health.migrationVersion')}</Table.Th>
                  <Table.Th>{t('health.migrationName')}</Table.Th>
                  <Table.Th>{t('health.migrationAt')}</Table.Th>
                </>
              }
            >
              {data?.migrations.map((migration) => (
                <Table.Tr key={migration.version}>
                  <Table.Td className="sma-num">{migration.version}</Table.Td>
                  <Table.Td>
                    <Code>{migration.name}</Code>
                  </Table.Td>
                  <Table.Td className="sma-num">{formatDateTime(migration.applied_at, timeZone)}</Table.Td>
                </Table.Tr>
              ))}
            </TableCard>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 5 }}>
            <TableCard
              h="100%"
              title={<Text fw={700}>{t('health.counts')}</Text>}
              testId="health-counts"
              head={
                <>
                  <Table.Th>{t('health.table')}</Table.Th>
                  <Table.Th ta="right">{t('health.rows')}</Table.Th>
                </>
              }
            >
              {Object.entries(data?.counts ?? {}).map(([table, count]) => (
                <Table.Tr key={table}>
                  <Table.Td>{isCountedTable(table) ? t(`health.tables.${table}`) : table}</Table.Td>
                  <Table.Td ta="right" className="sma-num">
                    {numbers.format(count)}
                  </Table.Td>
                </Table.Tr>
              ))}
            </TableCard>
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
