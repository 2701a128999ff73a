import { Group, Select, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { canCompare, COMPARE_MODES, rangeText, type CompareMode } from '../../../src-shared/dashboard/compare';
import type { DashboardOutput } from '../../../src-shared/schemas/dashboard';

/**
 * Under the KPIs: the dates their changes are measured against, written out ("dibanding 1–7 Nov
 * 2026"), and the choice of comparison. A choice that would overlap the period (90 days against
 * the same dates a month earlier) cannot be picked; the one used instead is shown.
 */
export function ComparedWith({ data, language, onChange }: { data: DashboardOutput; language: 'id' | 'en'; onChange: (mode: CompareMode) => void }) {
  const { t } = useTranslation();
  return (
    <Group justify="space-between" gap="xs" wrap="wrap">
      <Text size="sm" data-testid="dashboard-compare-text">
        {t('dashboard.compare.text', { range: rangeText(data.previous, language) })}
      </Text>
      <Select
        size="xs"
        aria-label={t('dashboard.compare.label')}
        value={data.compare}
        onChange={(value) => value && onChange(value as CompareMode)}
        allowDeselect={false}
        data={COMPARE_MODES.map((mode) => ({ value: mode, label: t(`dashboard.compare.${mode}`), disabled: !canCompare(data.period, mode) }))}
        w={260}
        data-testid="dashboard-compare"
      />
    </Group>
  );
}
