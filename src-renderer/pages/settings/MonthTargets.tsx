import { NumberInput, Stack } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { formatRupiah } from '../../../src-shared/format/money';
import { MoneyInput } from '../../components/MoneyInput';

interface Props {
  form: UseFormReturnType<Record<string, number | ''>>;
  year: string;
  /** `01` … `12`: the form keys its revenue `07`, its leads `leads-07`, its new customers `customers-07`. */
  m: string;
  /** The month's actual sales, shown under its revenue target; undefined for months still to come. */
  actualRevenue: number | undefined;
  readOnly: boolean;
}

/**
 * One month's three targets: revenue (with what the shop actually sold that month), new leads and
 * new customers. Apart from the form (TargetsTab.tsx), which lays out twelve of them.
 */
export function MonthTargets({ form, year, m, actualRevenue, readOnly }: Props) {
  const { t, i18n } = useTranslation();
  return (
    <Stack gap={6}>
      <MoneyInput
        label={dayjs(`${year}-${m}-01`).locale(i18n.language).format('MMMM YYYY')}
        description={actualRevenue === undefined ? ' ' : t('targets.actual', { value: formatRupiah(actualRevenue) })}
        placeholder={t('targets.none')}
        readOnly={readOnly}
        value={form.values[m]}
        onChange={(value) => form.setFieldValue(m, value)}
        error={form.errors[m]}
        data-testid={`target-${m}`}
      />
      {(['leads', 'customers'] as const).map((kind) => (
        <NumberInput
          key={kind}
          size="xs"
          label={t(`leadTargets.${kind}`)}
          placeholder={t('targets.none')}
          min={0}
          allowDecimal={false}
          allowNegative={false}
          hideControls
          thousandSeparator="."
          decimalSeparator=","
          readOnly={readOnly}
          value={form.values[`${kind}-${m}`]}
          onChange={(value) => form.setFieldValue(`${kind}-${m}`, typeof value === 'number' ? value : '')}
          error={form.errors[`${kind}-${m}`]}
          data-testid={`target-${kind}-${m}`}
        />
      ))}
    </Stack>
  );
}
