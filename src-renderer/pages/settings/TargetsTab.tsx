import { Button, Card, Group, Select, SimpleGrid, Skeleton, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatRupiah } from '../../../src-shared/format/money';
import type { Settings } from '../../../src-shared/schemas/settings';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { notifySuccess } from '../../components/notify';
import { ReadOnlyNote } from '../../components/ReadOnlyNote';
import { applyServerIssues } from '../../forms/validation';
import { useCan } from '../../session/usePermission';
import { MonthTargets } from './MonthTargets';

const MONTHS = ['01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '11', '12'];
type MonthValues = Record<string, number | ''>;

/** The three monthly targets: the form keys a month's revenue `07`, its leads `leads-07`, its new customers `customers-07`. */
const KINDS = [
  { prefix: '', setting: 'revenueTargets' },
  { prefix: 'leads-', setting: 'leadTargets' },
  { prefix: 'customers-', setting: 'customerTargets' },
] as const;

function valuesOf(settings: Settings, year: string): MonthValues {
  return Object.fromEntries(KINDS.flatMap((k) => MONTHS.map((m) => [`${k.prefix}${m}`, settings[k.setting][`${year}-${m}`] ?? ''])));
}

/**
 * Monthly targets, one year at a time: revenue (the dashboard's trend draws it against actual sales),
 * and new leads and new customers (the Prospek tab sets what happened against them).
 */
export function TargetsTab() {
  const settings = useApiQuery('settings.get', {});
  const [year, setYear] = useState(() => String(new Date().getFullYear()));
  if (!settings.data) return <Skeleton height={320} radius="md" />;
  return <TargetsForm key={year} settings={settings.data} year={year} onYear={setYear} />;
}

function TargetsForm({ settings, year, onYear }: { settings: Settings; year: string; onYear: (year: string) => void }) {
  const { t } = useTranslation();
  const canEdit = useCan()('settings.update');
  const thisYear = new Date().getFullYear();
  const thisMonth = dayjs().format('YYYY-MM');
  const years = Array.from({ length: 5 }, (_, i) => String(thisYear - 2 + i));
  const initial = valuesOf(settings, year);
  const form = useForm<MonthValues>({ initialValues: initial });
  // The same 12 months' actual sales, so a target is set against what the shop really does.
  const actual = useApiQuery('dashboard.get', { period: 'custom', from: `${year}-01-01`, to: `${year}-12-31` });
  const actualByMonth = new Map(actual.data?.trend.map((m) => [m.month, m.revenue]));
  const save = useApiMutation('settings.update', {
    // The Prospek tab (leads.reports) shows the leads and new-customer targets.
    invalidates: ['settings', 'dashboard', 'leads'],
    onSuccess: (next) => {
      notifySuccess(t('targets.saved', { year }));
      const values = valuesOf(next, year);
      form.setInitialValues(values);
      form.resetDirty(values);
    },
    onError: (error) => applyServerIssues(form, error),
  });

  const submit = (values: MonthValues) => {
    const patch = Object.fromEntries(
      KINDS.map((k) => {
        const others = Object.entries(settings[k.setting]).filter(([month]) => !month.startsWith(`${year}-`));
        const mine = MONTHS.filter((m) => values[`${k.prefix}${m}`] !== '').map((m) => [`${year}-${m}`, Number(values[`${k.prefix}${m}`])]);
        return [k.setting, Object.fromEntries([...others, ...mine])];
      }),
    );
    save.mutate(patch);
  };
  const total = MONTHS.reduce((sum, m) => sum + (form.values[m] === '' ? 0 : Number(form.values[m])), 0);

  return (
    <form onSubmit={form.onSubmit(submit)} noValidate>
      <Card maw={980}>
        <Stack gap="md">
          {!canEdit && <ReadOnlyNote />}
          <Group justify="space-between" align="flex-end" wrap="wrap">
            <div>
              <Text fw={700}>{t('targets.title')}</Text>
              <Text size="sm" c="dimmed">
                {t('targets.hint')}
              </Text>
            </div>
            <Select
              label={t('targets.year')}
              data={years}
              value={year}
              onChange={(next) => next && onYear(next)}
              allowDeselect={false}
              w={120}
              data-testid="targets-year"
            />
          </Group>
          <SimpleGrid cols={{ base: 1, xs: 2, md: 3, lg: 4 }} spacing="md">
            {MONTHS.map((m) => {
              // Months still to come have no sales to show yet.
              const actualRevenue = `${year}-${m}` <= thisMonth ? actualByMonth.get(`${year}-${m}`) : undefined;
              return <MonthTargets key={m} form={form} year={year} m={m} actualRevenue={actualRevenue} readOnly={!canEdit} />;
            })}
          </SimpleGrid>
          <Group justify="space-between" wrap="wrap">
            <Text size="sm" c="dimmed">
              {t('targets.total', { year, value: formatRupiah(total) })}
            </Text>
            {canEdit && (
              <Group>
                <Button variant="default" onClick={() => form.reset()} disabled={!form.isDirty()}>
                  {t('common.cancel')}
                </Button>
                <Button type="submit" loading={save.isPending} disabled={!form.isDirty()} data-testid="targets-save">
                  {t('common.save')}
                </Button>
              </Group>
            )}
          </Group>
        </Stack>
      </Card>
    </form>
  );
}
