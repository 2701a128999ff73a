import { Code, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../src-shared/format/date';
import type { ChannelOutput } from '../../../src-shared/contract';
import { TableCard } from '../../components/TableCard';

// The health page's two tables (HealthPage.tsx): the migrations applied to the shop's file, and the
// rows of its main tables. Apart from the page because each is a table of its own, read from the
// same health answer.

type Health = ChannelOutput<'health.get'>;

const numbers = new Intl.NumberFormat('id-ID');

const COUNTED_TABLES = ['customers', 'transactions', 'products', 'users', 'activity_logs', 'outbox'] as const;
/** The tables the health service counts, named in words; one it adds later shows its own name. */
function isCountedTable(table: string): table is (typeof COUNTED_TABLES)[number] {
  return (COUNTED_TABLES as readonly string[]).includes(table);
}

export function MigrationsCard({ migrations, timeZone }: { migrations: Health['migrations'] | undefined; timeZone: string | undefined }) {
  const { t } = useTranslation();
  return (
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
      {migrations?.map((migration) => (
        <Table.Tr key={migration.version}>
          <Table.Td className="sma-num">{migration.version}</Table.Td>
          <Table.Td>
            <Code>{migration.name}</Code>
          </Table.Td>
          <Table.Td className="sma-num">{formatDateTime(migration.applied_at, timeZone)}</Table.Td>
        </Table.Tr>
      ))}
    </TableCard>
  );
}

export function CountsCard({ counts }: { counts: Health['counts'] | undefined }) {
  const { t } = useTranslation();
  return (
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
      {Object.entries(counts ?? {}).map(([table, count]) => (
        <Table.Tr key={table}>
          <Table.Td>{isCountedTable(table) ? t(`health.tables.${table}`) : table}</Table.Td>
          <Table.Td ta="right" className="sma-num">
            {numbers.format(count)}
          </Table.Td>
        </Table.Tr>
      ))}
    </TableCard>
  );
}
