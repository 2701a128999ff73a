import { Badge, Button, Card, Group, Pagination, SimpleGrid, Skeleton, Stack, Table, Text } from '@mantine/core';
import { IconAdjustments, IconGift } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../src-shared/format/date';
import { formatRupiah } from '../../../src-shared/format/money';
import type { LedgerRow } from '../../../src-shared/schemas/loyalty';
import { useApiListQuery } from '../../api/hooks';
import { useSession } from '../../session/context';
import { useCan } from '../../session/usePermission';
import { AdjustModal } from './AdjustModal';
import { RedeemModal } from './RedeemModal';
import { CAPS_HEAD } from '../../../src-ui/components/capsHead';
import { ScrollTable } from '../../../src-ui/components/ScrollTable';

const KIND_COLOR: Record<LedgerRow['kind'], string> = { earn: 'teal', redeem: 'navy', adjust: 'grape', expire: 'gray', reversal: 'red' };
const PAGE_SIZE = 10;
// The ledger's columns; the points, a figure, align right.
const LEDGER_COLUMNS = ['day', 'kind', 'points', 'sale', 'note', 'by'] as const;

/** The customer page's points: balance, what can be spent, tier, next expiry, the ledger; redeem and correct. */
export function LoyaltyCard({ customer }: { customer: { id: string; name: string; deleted: boolean } }) {
  const { t, i18n } = useTranslation();
  const can = useCan();
  const session = useSession();
  const timeZone = session.status.business?.timezone;
  const [page, setPage] = useState(1);
  const [modal, setModal] = useState<'redeem' | 'adjust' | null>(null);
  const loyalty = useApiListQuery('loyalty.customer', { id: customer.id, page, pageSize: PAGE_SIZE }, { meta: { silent: true } });
  const data = loyalty.data;
  const number = (n: number) => n.toLocaleString(i18n.language === 'en' ? 'en-US' : 'id-ID');
  if (data && !data.enabled && data.ledger.total === 0) return null;

  return (
    <Card p={0} data-testid="loyalty-card">
      <Group justify="space-between" px="md" pt="md" pb="xs">
        <Text fw={700}>{t('loyalty.cardTitle')}</Text>
        {data && !customer.deleted && (
          <Group gap="xs">
            {can('loyalty.adjust') && (
              <Button size="xs" variant="default" leftSection={<IconAdjustments size={14} />} onClick={() => setModal('adjust')} data-testid="loyalty-adjust">
                {t('loyalty.adjust')}
              </Button>
            )}
            {data.enabled && (
              <Button
                size="xs"
                color="sun.5"
                c="navy.9"
                leftSection={<IconGift size={14} />}
                onClick={() => setModal('redeem')}
                disabled={data.spendable <= 0}
                data-testid="loyalty-redeem"
              >
                {t('loyalty.redeem')}
              </Button>
            )}
          </Group>
        )}
      </Group>
      {!data ? (
        <Skeleton height={120} m="md" />
      ) : (
        <Stack gap={0}>
          {!data.enabled && (
            <Text size="sm" c="dimmed" px="md" pb="sm">
              {t('loyalty.off')}
            </Text>
          )}
          <SimpleGrid cols={{ base: 2, sm: 4 }} px="md" pb="md">
            <Figure label={t('loyalty.balance')} value={number(data.balance)} testId="loyalty-balance" />
            <Figure
              label={t('loyalty.spendable')}
              value={number(data.spendable)}
              note={t('loyalty.worth', { value: formatRupiah(data.value) })}
              testId="loyalty-spendable"
            />
            <Figure label={t('loyalty.tier')} value={data.tier ?? t('loyalty.noTier')} testId="loyalty-tier" />
            <Figure
              label={t('loyalty.nextExpiry')}
              value={
                data.nextExpiry
                  ? t('loyalty.expiryLine', { points: number(data.nextExpiry.points), date: formatDate(data.nextExpiry.day, timeZone) })
                  : t('loyalty.noExpiry')
              }
              testId="loyalty-next-expiry"
            />
          </SimpleGrid>
          {data.ledger.total === 0 ? (
            <Text size="sm" c="dimmed" px="md" pb="md">
              {t('loyalty.noEntries')}
            </Text>
          ) : (
            <>
              <ScrollTable
                minWidth={680}
                verticalSpacing="xs"
                horizontalSpacing="md"
                data-testid="loyalty-ledger"
                head={LEDGER_COLUMNS.map((column) => (
                  <Table.Th key={column} style={CAPS_HEAD} ta={column === 'points' ? 'right' : undefined}>
                    {t(`loyalty.col.${column}`)}
                  </Table.Th>
                ))}
              >
                {data.ledger.rows.map((row) => (
                  <Table.Tr key={row.id} data-testid="loyalty-ledger-row">
                    <Table.Td className="sma-num">{formatDate(row.day, timeZone)}</Table.Td>
                    <Table.Td>
                      <Badge variant="light" color={KIND_COLOR[row.kind]}>
                        {t(`loyalty.kind.${row.kind}`)}
                      </Badge>
                    </Table.Td>
                    <Table.Td className="sma-num" ta="right" c={row.points < 0 ? 'red.8' : 'teal.8'} fw={600}>
                      {row.points > 0 ? '+' : ''}
                      {number(row.points)}
                    </Table.Td>
                    <Table.Td ff="monospace">{row.invoiceNo ?? (row.transactionId ? '✓' : '—')}</Table.Td>
                    <Table.Td>
                      <Text size="sm">
                        {[
                          row.reason,
                          row.value !== null ? formatRupiah(row.value) : null,
                          row.expiresOn ? t('loyalty.expiresOn', { date: formatDate(row.expiresOn, timeZone) }) : null,
                        ]
                          .filter(Boolean)
                          .join(' · ') || '—'}
                      </Text>
                    </Table.Td>
                    <Table.Td>{row.createdBy ?? '—'}</Table.Td>
                  </Table.Tr>
                ))}
              </ScrollTable>
              {data.ledger.total > PAGE_SIZE && (
                <Group justify="flex-end" p="md">
                  <Pagination size="sm" total={Math.ceil(data.ledger.total / PAGE_SIZE)} value={page} onChange={setPage} />
                </Group>
              )}
            </>
          )}
        </Stack>
      )}
      {data && modal === 'redeem' && <RedeemModal customer={customer} spendable={data.spendable} onClose={() => setModal(null)} />}
      {data && modal === 'adjust' && <AdjustModal customer={customer} onClose={() => setModal(null)} />}
    </Card>
  );
}

function Figure({ label, value, note, testId }: { label: string; value: string; note?: string; testId: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed" fw={600} tt="uppercase" style={{ letterSpacing: '0.04em' }}>
        {label}
      </Text>
      <Text fw={700} size="lg" className="sma-num" data-testid={testId}>
        {value}
      </Text>
      {note && (
        <Text size="xs" c="dimmed">
          {note}
        </Text>
      )}
    </div>
  );
}
