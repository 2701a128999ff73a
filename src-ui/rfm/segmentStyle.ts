import type { ChurnBand, SegmentId } from '../../src-shared/rfm/rules';

/**
 * One colour per segment everywhere (badges, the donut, the grid, the movement table), so an owner
 * learns "red is At Risk" once. Good segments are greens and blues, sleeping ones warm, gone ones grey.
 */
export const SEGMENT_COLOR: Record<SegmentId, string> = {
  champions: 'teal',
  loyal: 'green',
  potential_loyalist: 'lime',
  new_customers: 'cyan',
  promising: 'blue',
  need_attention: 'yellow',
  about_to_sleep: 'orange',
  at_risk: 'red',
  cant_lose_them: 'pink',
  hibernating: 'violet',
  lost: 'gray',
};

/** The shade used where a segment fills an area (charts, grid cells). */
export function segmentFill(segment: SegmentId): string {
  return `${SEGMENT_COLOR[segment]}.6`;
}

export const CHURN_COLOR: Record<ChurnBand, string> = {
  active: 'teal',
  cooling: 'yellow',
  at_risk: 'orange',
  likely_lost: 'red',
};
