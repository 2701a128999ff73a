import { Button, Card, Group, Modal, Select, Stack, Table, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatRupiah } from '../../../../src-shared/format/money';
import type { LeadReports } from '../../../../src-shared/schemas/lead-reports';
import { useApiMutation, useApiQuery } from '../../../api/hooks';
import { MoneyInput } from '../../../components/MoneyInput';
import { notifySuccess } from '../../../components/notify';
import { useCan } from '../../../session/usePermission';
import { CardTitle } from './CardTitle';
import { monthLabel, whole } from './format';
import { FigureCell } from '../../../../src-ui/components/FigureCell';
import { HeadRow } from '../../../../src-ui/components/HeadRow';

/** The latest month on top, each month's channels in the pipeline's order (a stable sort keeps it). */
const newestFirst = (rows: LeadReports['adSpend']) => [...rows].sort((a, b) => b.month.localeCompare(a.month));

/** Spend per channel per month with what each lead and each closing cost; managers enter the spend. */
export function AdSpendCard({ data }: { data: LeadReports }) {
  const { t, i18n } = useTranslation();
  const canSave = useCan()('adSpend.save');
  const [open, setOpen] = useState(false);
  const money = (v: number | null) => (v === null ? '—' : formatRupiah(v));
  return (
    <Card h="100%" data-testid="leads-ad-spend">
      <CardTitle
        title={t('leadsReports.adSpend.title')}
        hint={t('leadsReports.adSpend.hint')}
        actions={
          canSave && (
            <Button variant="default" leftSection={<IconPlus size={16} />} onClick={() => setOpen(true)} data-testid="ad-spend-add">
              {t('leadsReports.adSpend.add')}
            </Button>
          )
        }
      />
      {data.adSpend.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('leadsReports.adSpend.empty')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={620} mah={320}>
          <Table verticalSpacing={4} stickyHeader>
            <HeadRow
              columns={(['month', 'channel', 'amount', 'leads', 'won', 'perLead', 'perClosing'] as const).map((column) => t(`leadsReports.adSpend.${column}`))}
              figuresFrom={2}
            />
            <Table.Tbody>
              {newestFirst(data.adSpend).map((r) => (
                <Table.Tr key={`${r.month}-${r.channelId}`} data-testid="ad-spend-row">
                  <Table.Td>{monthLabel(r.month, i18n.language, true)}</Table.Td>
                  <Table.Td>{r.name}</Table.Td>
                  <FigureCell>{r.amount ? formatRupiah(r.amount) : '—'}</FigureCell>
                  <FigureCell>{whole.format(r.leads)}</FigureCell>
                  <FigureCell>{whole.format(r.won)}</FigureCell>
                  <FigureCell>{money(r.costPerLead)}</FigureCell>
                  <FigureCell strong>{money(r.costPerClosing)}</FigureCell>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {open && <AdSpendModal months={data.monthly.map((m) => m.month)} onClose={() => setOpen(false)} />}
    </Card>
  );
}

function AdSpendModal({ months, onClose }: { months: string[]; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const channels = useApiQuery('leads.channels', {});
  const [month, setMonth] = useState(months[months.length - 1]);
  const [channelId, setChannelId] = useState<string | null>(null);
  const [amount, setAmount] = useState<number | ''>('');
  const existing = useApiQuery('adSpend.list', { from: month, to: month });
  const save = useApiMutation('adSpend.save', {
    invalidates: ['adSpend', 'leads'],
    onSuccess: (row) => {
      notifySuccess(t('leadsReports.adSpend.saved', { channel: row.channelName, month: monthLabel(row.month, i18n.language) }));
      onClose();
    },
  });
  const pickChannel = (id: string | null) => {
    setChannelId(id);
    const known = existing.data?.find((r) => r.channelId === id);
    setAmount(known ? known.amount : '');
  };
  return (
    <Modal opened onClose={onClose} title={t('leadsReports.adSpend.modal')}>
      <Stack>
        <Text size="sm" c="dimmed">
          {t('leadsReports.adSpend.modalHint')}
        </Text>
        <Select
          label={t('leadsReports.adSpend.month')}
          data={months.map((m) => ({ value: m, label: monthLabel(m, i18n.language) }))}
          value={month}
          onChange={(m) => m && setMonth(m)}
          allowDeselect={false}
          data-testid="ad-spend-month"
        />
        <Select
          label={t('leadsReports.adSpend.channel')}
          data={(channels.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
          value={channelId}
          onChange={pickChannel}
          data-testid="ad-spend-channel"
        />
        <MoneyInput label={t('leadsReports.adSpend.amount')} value={amount} onChange={(v) => setAmount(v)} data-testid="ad-spend-amount" />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            loading={save.isPending}
            disabled={!channelId || amount === ''}
            onClick={() => channelId && amount !== '' && save.mutate({ month, channelId, amount: Number(amount) })}
            data-testid="ad-spend-save"
          >
            {t('leadsReports.adSpend.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
