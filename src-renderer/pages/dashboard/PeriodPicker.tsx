import { Group, SegmentedControl } from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import { IconCalendar } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { DASHBOARD_PERIODS } from '../../../src-shared/schemas/dashboard';

export type DashboardPeriod = (typeof DASHBOARD_PERIODS)[number];

export interface PeriodChoice {
  period: DashboardPeriod;
  /** Custom only; a range being picked has one end until the second click. */
  range: [string | null, string | null];
}

export function PeriodPicker({ value, onChange, today }: { value: PeriodChoice; onChange: (next: PeriodChoice) => void; today: string }) {
  const { t } = useTranslation();
  return (
    <Group gap="sm" wrap="wrap" justify="flex-end">
      <SegmentedControl
        value={value.period}
        onChange={(period) => onChange({ ...value, period: period as DashboardPeriod })}
        data={DASHBOARD_PERIODS.map((period) => ({ value: period, label: t(`dashboard.period.${period}`) }))}
        data-testid="dashboard-period"
      />
      {value.period === 'custom' && (
        <DatePickerInput
          type="range"
          placeholder={t('dashboard.period.pick')}
          aria-label={t('dashboard.period.range')}
          valueFormat="DD/MM/YYYY"
          value={value.range}
          onChange={(range) => onChange({ ...value, range })}
          maxDate={today}
          allowSingleDateInRange
          leftSection={<IconCalendar size={16} />}
          miw={240}
          data-testid="dashboard-range"
        />
      )}
    </Group>
  );
}
