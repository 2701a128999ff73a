import { Group, Select } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { CHURN_BANDS, type ChurnBand } from '../../../src-shared/rfm/rules';
import { SearchInput } from '../../components/SearchInput';
import { useSegmentText } from '../../components/rfm/useSegmentText';

export interface MemberFilterValues {
  search: string;
  r: number | null;
  f: number | null;
  m: number | null;
  churnBand: ChurnBand | null;
}

const SCORE_OPTIONS = ['5', '4', '3', '2', '1'];

/** Search, the three scores and the churn band (then `children`, e.g. the count); the caller goes back to page one on a change. */
export function MemberFilters({
  value,
  onChange,
  children,
}: {
  value: MemberFilterValues;
  onChange: (patch: Partial<MemberFilterValues>) => void;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const text = useSegmentText();
  const score = (key: 'r' | 'f' | 'm', label: string) => (
    <Select
      placeholder={label}
      aria-label={label}
      data={SCORE_OPTIONS.map((s) => ({ value: s, label: `${key.toUpperCase()} = ${s}` }))}
      value={value[key] === null ? null : String(value[key])}
      onChange={(next) => onChange({ [key]: next ? Number(next) : null })}
      clearable
      w={120}
      data-testid={`members-filter-${key}`}
    />
  );
  return (
    <Group gap="sm" wrap="wrap">
      <SearchInput
        placeholder={t('segmentPage.search')}
        label={t('segmentPage.searchLabel')}
        onSearch={(search) => onChange({ search })}
        initial={value.search}
        testId="members-search"
      />
      {score('r', t('segmentPage.allR'))}
      {score('f', t('segmentPage.allF'))}
      {score('m', t('segmentPage.allM'))}
      <Select
        placeholder={t('segmentPage.allChurn')}
        aria-label={t('segmentPage.col.churn')}
        data={CHURN_BANDS.map((band) => ({ value: band, label: text.churn(band) }))}
        value={value.churnBand}
        onChange={(next) => onChange({ churnBand: (next as ChurnBand | null) ?? null })}
        clearable
        w={190}
        data-testid="members-filter-churn"
      />
      {children}
    </Group>
  );
}
