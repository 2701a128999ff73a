import { Alert, Button, Collapse, Stack, Table, Text } from '@mantine/core';
import { IconHourglass } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../src-shared/format/date';
import { formatRupiah } from '../../../src-shared/format/money';
import { useApiQuery } from '../../api/hooks';

/**
 * Orders still in progress an import kept as pending: not sales, so they are not in the list
 * below; the owner sees how many there are and, when asked, which. Nothing shows when there are none.
 */
export function PendingOrdersNote() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const pending = useApiQuery('transactions.pending', {}).data;
  if (!pending || pending.count === 0) return null;
  return (
    <Alert
      color="blue"
      variant="light"
      icon={<IconHourglass />}
      title={t('transactions.pending.title', { count: pending.count, amount: formatRupiah(pending.amount) })}
      data-testid="pending-orders"
    >
      <Stack gap="xs">
        <Text size="sm">{t('transactions.pending.text')}</Text>
        <div>
          <Button variant="subtle" size="compact-sm" onClick={() => setOpen((o) => !o)} aria-expanded={open} data-testid="pending-orders-toggle">
            {open ? t('transactions.pending.hide') : t('transactions.pending.show')}
          </Button>
        </div>
        <Collapse expanded={open}>
          <Table striped withTableBorder data-testid="pending-orders-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('transactions.pending.order')}</Table.Th>
                <Table.Th>{t('transactions.date')}</Table.Th>
                <Table.Th>{t('transactions.customer')}</Table.Th>
                <Table.Th>{t('transactions.pending.status')}</Table.Th>
                <Table.Th style={{ textAlign: 'right' }}>{t('transactions.amount')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {pending.orders.map((o) => (
                <Table.Tr key={`${o.channel}|${o.invoice_no}`}>
                  <Table.Td>{o.invoice_no}</Table.Td>
                  <Table.Td>{formatDate(o.order_date)}</Table.Td>
                  <Table.Td>{o.customer_name ?? '—'}</Table.Td>
                  <Table.Td>{o.status}</Table.Td>
                  <Table.Td style={{ textAlign: 'right' }}>{formatRupiah(o.amount)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {pending.count > pending.orders.length && (
            <Text size="xs" c="dimmed" mt={4}>
              {t('transactions.pending.more', { shown: pending.orders.length, count: pending.count })}
            </Text>
          )}
        </Collapse>
      </Stack>
    </Alert>
  );
}
