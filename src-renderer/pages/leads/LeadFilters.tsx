import { Chip, Group } from '@mantine/core';
import { IconFlag, IconShare, IconUser } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { SearchInput } from '../../components/SearchInput';
import { useLeadOptions } from './useLeadOptions';
import { FilterMultiSelect, FilterSelect } from '../../components/filters/FilterInputs';

export interface LeadFilterValues {
  search: string;
  stageIds: string[];
  channelIds: string[];
  /** `me`, `none` (unassigned) or a user id; null: everyone the caller may see. */
  owner: string | null;
  overdue: boolean;
}

export const NO_FILTERS: LeadFilterValues = { search: '', stageIds: [], channelIds: [], owner: null, overdue: false };

/** The filters as `leads.list` / `leads.board` take them (empty ones left out). */
export function filterInput(values: LeadFilterValues) {
  return {
    search: values.search || undefined,
    stageIds: values.stageIds.length ? values.stageIds : undefined,
    channelIds: values.channelIds.length ? values.channelIds : undefined,
    owner: values.owner ?? undefined,
    overdue: values.overdue || undefined,
  };
}

export const isFiltered = (values: LeadFilterValues) =>
  Boolean(values.search || values.stageIds.length || values.channelIds.length || values.owner || values.overdue);

/** Search, stages, channels, owner and "overdue only": one bar for the table and the board. */
export function LeadFilters({ values, onChange }: { values: LeadFilterValues; onChange: (next: LeadFilterValues) => void }) {
  const { t } = useTranslation();
  const options = useLeadOptions();
  const set =
    <K extends keyof LeadFilterValues>(key: K) =>
    (value: LeadFilterValues[K]) =>
      onChange({ ...values, [key]: value });
  // Staff only see their own and the unassigned leads: "a user" would list only themselves.
  const ownerData = [
    { value: 'me', label: t('leads.owner.me') },
    { value: 'none', label: t('leads.owner.none') },
    ...(options.seesAll ? options.ownerData : []),
  ];
  // Stages and channels filter alike: many may be picked; none picked says "all".
  const lists = [
    { key: 'stageIds', icon: IconFlag, label: t('leads.stageFilter'), all: t('leads.allStages'), data: options.stageData, testId: 'leads-stage-filter' },
    {
      key: 'channelIds',
      icon: IconShare,
      label: t('leads.channelFilter'),
      all: t('leads.allChannels'),
      data: options.channelData,
      testId: 'leads-channel-filter',
    },
  ] as const;
  return (
    <Group gap="sm" wrap="wrap">
      <SearchInput placeholder={t('leads.searchPlaceholder')} onSearch={set('search')} initial={values.search} testId="leads-search" />
      {lists.map(({ key, all, ...list }) => (
        <FilterMultiSelect key={key} {...list} placeholder={values[key].length ? undefined : all} value={values[key]} onChange={set(key)} w={190} />
      ))}
      <FilterSelect
        icon={IconUser}
        label={t('leads.owner.filter')}
        placeholder={t('leads.owner.all')}
        data={ownerData}
        value={values.owner}
        onChange={set('owner')}
        searchable
        w={200}
        testId="leads-owner-filter"
      />
      <Chip checked={values.overdue} onChange={set('overdue')} color="red" variant="outline" data-testid="leads-overdue-filter">
        {t('leads.overdueOnly')}
      </Chip>
    </Group>
  );
}
