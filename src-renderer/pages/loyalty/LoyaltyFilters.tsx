import { NumberInput } from '@mantine/core';
import { IconGift } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { TIER_FILTERS } from '../../../src-shared/schemas/loyalty';
import { useApiQuery } from '../../api/hooks';
import { FilterSelect } from '../../components/filters/FilterInputs';

export type TierFilter = (typeof TIER_FILTERS)[number];

/** The customers list's loyalty filters: a tier by the shop's names (or none), and a least balance. Shown while points are on. */
export function LoyaltyFilters({
  tier,
  minPoints,
  onTier,
  onMinPoints,
}: {
  tier: TierFilter | null;
  minPoints: number | null;
  onTier: (tier: TierFilter | null) => void;
  onMinPoints: (points: number | null) => void;
}) {
  const { t } = useTranslation();
  const settings = useApiQuery('settings.get', {}, { staleTime: 60_000 });
  const rules = settings.data?.loyalty;
  if (!rules?.enabled) return null;
  const tiers = rules.tierBasis === 'none' ? [] : rules.tiers.map((tierRule, i) => ({ value: `tier${i + 1}`, label: tierRule.name }));
  return (
    <>
      {tiers.length > 0 && (
        <FilterSelect
          icon={IconGift}
          label={t('loyalty.tierFilter')}
          placeholder={t('loyalty.allTiers')}
          data={[...tiers, { value: 'none', label: t('loyalty.noTierFilter') }]}
          value={tier}
          onChange={(value) => onTier(value as TierFilter | null)}
          w={190}
          testId="customers-tier"
        />
      )}
      <NumberInput
        placeholder={t('loyalty.minPoints')}
        aria-label={t('loyalty.minPoints')}
        value={minPoints ?? ''}
        onChange={(value) => onMinPoints(typeof value === 'number' ? value : null)}
        prefix="≥ "
        suffix={` ${t('loyalty.pointsUnit')}`}
        allowDecimal={false}
        thousandSeparator="."
        decimalSeparator=","
        hideControls
        w={150}
        data-testid="customers-min-points"
      />
    </>
  );
}
