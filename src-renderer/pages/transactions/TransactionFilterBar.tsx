import { Group } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CustomerSelect } from '../../components/CustomerSelect';
import { MoneyInput } from '../../components/MoneyInput';
import { SearchInput } from '../../components/SearchInput';
import { StatusSelect } from '../../components/StatusSelect';
import type { TransactionFilters } from './TransactionsTable';
import { FilterDateRange } from '../../components/filters/FilterInputs';

interface Props {
  filters: TransactionFilters;
  onChange: (patch: Partial<TransactionFilters>) => void;
}

/**
 * Filters in two rows: what to look for, then the date and amount ranges. Their placeholders show
 * what they are; screen readers get a name that starts with "filter" (a placeholder is no label),
 * so it never shadows the same words in an open form.
 */
export function TransactionFilterBar({ filters, onChange }: Props) {
  const { t } = useTranslation();
  // Amounts are typed digit by digit: tell the list only after a pause.
  const [minAmount, setMinAmount] = useState<number | ''>(filters.minAmount ?? '');
  const [maxAmount, setMaxAmount] = useState<number | ''>(filters.maxAmount ?? '');
  const changeLater = useDebouncedCallback(onChange, 300);
  const amount = (value: number | '') => (value === '' ? undefined : value);
  return (
    <>
      <Group gap="sm" wrap="wrap">
        <SearchInput
          placeholder={t('transactions.searchPlaceholder')}
          label={t('transactions.filter.search')}
          onSearch={(search) => onChange({ search: search || undefined })}
          testId="transactions-search"
        />
        <CustomerSelect
          value={filters.customerId ?? null}
          onChange={(id) => onChange({ customerId: id ?? undefined })}
          placeholder={t('transactions.allCustomers')}
          aria-label={t('transactions.filter.customer')}
          clearable
          w={240}
          data-testid="transactions-customer"
        />
        <StatusSelect value={filters.status ?? 'active'} onChange={(status) => onChange({ status })} testId="transactions-status" />
      </Group>
      <Group gap="sm" wrap="wrap">
        <FilterDateRange
          from={filters.from ?? null}
          to={filters.to ?? null}
          onFrom={(day) => onChange({ from: day ?? undefined })}
          onTo={(day) => onChange({ to: day ?? undefined })}
          ends={{
            from: { 'aria-label': t('transactions.filter.from'), placeholder: t('transactions.from'), testId: 'transactions-from' },
            to: { 'aria-label': t('transactions.filter.to'), placeholder: t('transactions.to'), testId: 'transactions-to' },
          }}
        />
        <MoneyInput
          placeholder={t('transactions.minAmount')}
          aria-label={t('transactions.filter.min')}
          value={minAmount}
          onChange={(value) => {
            setMinAmount(value);
            changeLater({ minAmount: amount(value), maxAmount: amount(maxAmount) });
          }}
          w={170}
          data-testid="transactions-min"
        />
        <MoneyInput
          placeholder={t('transactions.maxAmount')}
          aria-label={t('transactions.filter.max')}
          value={maxAmount}
          onChange={(value) => {
            setMaxAmount(value);
            changeLater({ minAmount: amount(minAmount), maxAmount: amount(value) });
          }}
          w={170}
          data-testid="transactions-max"
        />
      </Group>
    </>
  );
}
