import { useRupiahShort } from '../../src-ui/components/useRupiahShort';

/**
 * The frame every card's chart shares (leads reports, the CLV check): one height and the legend
 * under the plot, so cards side by side line up and a change of look is made once.
 */
export const CARD_CHART = { h: 240, withLegend: true, legendProps: { verticalAlign: 'bottom' } } as const;

/** A rupiah axis: short figures (`Rp 1,2 jt`) in a width that fits the longest of them. */
export function useRupiahAxis(): { tickFormatter: (value: number) => string; width: number } {
  const short = useRupiahShort();
  return { tickFormatter: (value: number) => short(value), width: 80 };
}
