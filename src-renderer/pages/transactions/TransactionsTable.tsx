import { Group, Text } from '@mantine/core';
import { useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatRupiah } from '../../../src-shared/format/money';
import type { TransactionListInput, TransactionRow } from '../../../src-shared/schemas/transaction';
import { useApiListQuery } from '../../api/hooks';
import { DataTable } from '../../components/table/DataTable';
import type { ServerTableState } from '../../components/table/useServerTable';
import { useSession } from '../../session/context';
import { transactionColumns } from './transactionColumns';
import type { TransactionActions } from './useTransactionActions';

type SortField = 'transaction_date' | 'amount' | 'created_at';
export type TransactionFilters = Omit<TransactionListInput, 'sort' | 'desc' | 'page' | 'pageSize'>;

interface Props {
  filters: TransactionFilters;
  table: ServerTableState;
  actions: TransactionActions;
  /** False on a customer's own page, where every row is that customer. */
  withCustomer: boolean;
  empty: ReactNode;
}

/** The transactions list with its filtered total; used by the Transactions page and customer detail. */
export function TransactionsTable({ filters, table, actions, withCustomer, empty }: Props) {
  const { t } = useTranslation();
  const list = useApiListQuery('transactions.list', {
    ...filters,
    sort: table.sort.field as SortField,
    desc: table.sort.desc,
    page: table.page,
    pageSize: table.pageSize,
  });
  const timeZone = useSession().status.business?.timezone;
  const columns = useMemo(() => transactionColumns(t, actions, withCustomer, timeZone), [t, actions, withCustomer, timeZone]);

  const footer = list.data && (
    <Group gap="xs">
      <Text size="sm" c="dimmed">
        {t('transactions.filteredTotal')}:
      </Text>
      <Text size="sm" fw={700} className="sma-num" data-testid="transactions-total-amount">
        {formatRupiah(list.data.totalAmount)}
      </Text>
    </Group>
  );

  return (
    <DataTable<TransactionRow>
      columns={columns}
      list={list}
      state={table}
      getRowId={(row) => row.id}
      onRowClick={(row) => !row.deleted_at && actions.openEdit(row)}
      isRowMuted={(row) => row.deleted_at !== null}
      testId="transactions-table"
      rowTestId="transaction-row"
      empty={empty}
      footer={footer}
    />
  );
}
