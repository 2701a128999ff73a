import type { NumberInputProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { UnitNumberInput } from '../UnitNumberInput';

/** How many months back an RFM run reads: 1 to 240, as the settings' schema allows. */
export function WindowMonthsInput(props: NumberInputProps) {
  const { t } = useTranslation();
  return <UnitNumberInput min={1} max={240} unit={t('rfm.window.monthsUnit')} unitWidth={48} aria-label={t('rfm.window.months')} {...props} />;
}
