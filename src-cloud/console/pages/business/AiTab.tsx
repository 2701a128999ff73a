import { Button, Card, Group, NumberInput, SimpleGrid, Stack, Table } from '@mantine/core';
import { IconCoin, IconGauge, IconRobot, IconSparkles } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { adminPath } from '../../../../src-shared/cloud/admin-api';
import { type BusinessDetail } from '../../../../src-shared/cloud/admin-businesses-api';
import { pushdownResponse } from '../../../../src-shared/cloud/admin-pushdown-api';
import { api } from '../../api/client';
import { EmptyList } from '../../../../src-renderer/components/EmptyList';
import { notifySuccess } from '../../components/notify';
import { StatCard } from '../../../../src-ui/components/StatCard';
import { formatCount } from '../../format';
import { useSession } from '../../session';
import { HeadRow } from '../../../../src-ui/components/HeadRow';
import { FigureCell } from '../../../../src-ui/components/FigureCell';
import { TitledCard } from '../../components/TitledCard';

/** The laptop prices calls in rupiah per million tokens (settings.aiPrices), to the sen: a call costs a few rupiah. */
const sen = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 2 });
const cost = (amount: number) => `Rp ${sen.format(amount)}`;

/** Calls, tokens and cost per month as the laptops logged them; the monthly quota sent down to them. */
export function AiTab({ businessId, ai }: { businessId: string; ai: BusinessDetail['ai'] }) {
  const { t } = useTranslation();
  const { canWrite } = useSession();
  const queryClient = useQueryClient();
  const [quota, setQuota] = useState<string | number>(ai.quota ?? '');
  const save = useMutation({
    mutationFn: () => api('PUT', adminPath('aiQuota', { id: businessId }), pushdownResponse, { monthlyQuota: quota === '' ? null : Number(quota) }),
    onSuccess: () => {
      notifySuccess(t('business.ai.quotaSaved'));
      void queryClient.invalidateQueries({ queryKey: ['businesses'] });
    },
  });

  return (
    <Stack gap="lg">
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <StatCard label={t('business.ai.calls')} value={formatCount(ai.callsThisMonth)} icon={IconSparkles} />
        <StatCard label={t('business.ai.cost')} value={cost(ai.costThisMonth)} icon={IconCoin} color="teal" />
        <StatCard label={t('business.ai.quota')} value={ai.quota === null ? t('business.ai.noQuota') : cost(ai.quota)} icon={IconGauge} color="orange" />
      </SimpleGrid>
      {canWrite && (
        <Card>
          <Group align="flex-end" gap="sm">
            <NumberInput
              label={t('business.ai.quotaLabel')}
              value={quota}
              onChange={setQuota}
              min={0}
              max={1_000_000_000_000}
              prefix="Rp "
              allowDecimal={false}
              allowNegative={false}
              thousandSeparator="."
              decimalSeparator=","
              w={320}
            />
            <Button onClick={() => save.mutate()} loading={save.isPending}>
              {t('business.ai.setQuota')}
            </Button>
          </Group>
        </Card>
      )}
      <TitledCard title={t('business.ai.title')}>
        {ai.months.length === 0 ? (
          <EmptyList icon={IconRobot} title={t('business.ai.title')} description={t('business.ai.empty')} />
        ) : (
          <Table verticalSpacing={6}>
            <HeadRow
              columns={(['month', 'calls', 'promptTokens', 'completionTokens', 'cost'] as const).map((column) => t(`business.ai.${column}`))}
              figuresFrom={1}
            />
            <Table.Tbody>
              {ai.months.map((m) => (
                <Table.Tr key={m.month}>
                  <Table.Td>{m.month}</Table.Td>
                  <FigureCell>{formatCount(m.calls)}</FigureCell>
                  <FigureCell>{formatCount(m.promptTokens)}</FigureCell>
                  <FigureCell>{formatCount(m.completionTokens)}</FigureCell>
                  <FigureCell>{cost(m.cost)}</FigureCell>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </TitledCard>
    </Stack>
  );
}
