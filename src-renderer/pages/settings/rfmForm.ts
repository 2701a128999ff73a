import { z } from 'zod';
import { cellsFromGrid, gridFromCells, DEFAULT_SEGMENT_GRID, type SegmentGrid } from '../../../src-shared/rfm/rules';
import { settingsShape, type Settings } from '../../../src-shared/schemas/settings';
import { pick } from '../../../src-shared/pick';

/** The RFM part of Settings as the tab edits it: the segment map as a 5×5 grid. */
export interface RfmForm {
  rfmMethod: Settings['rfmMethod'];
  rfmWindowMonths: Settings['rfmWindowMonths'];
  rfmEdges: Settings['rfmEdges'];
  clvExpectedYears: number;
  /** In percent as typed (1 = 1 % a month); Settings keeps the fraction. */
  clvMonthlyDiscount: number;
  grid: SegmentGrid;
}

/** The same rules the server applies, so mistakes show while typing. */
export const rfmFormSchema = settingsShape.pick({
  rfmMethod: true,
  rfmWindowMonths: true,
  rfmEdges: true,
  clvExpectedYears: true,
  clvMonthlyDiscount: true,
  rfmSegments: true,
});
export type RfmSettingsInput = z.input<typeof rfmFormSchema>;

export function toForm(settings: Settings): RfmForm {
  return {
    ...pick(settings, ['rfmMethod', 'rfmWindowMonths', 'rfmEdges', 'clvExpectedYears']),
    clvMonthlyDiscount: Math.round(settings.clvMonthlyDiscount * 10_000) / 100,
    grid: gridFromCells(settings.rfmSegments).grid ?? DEFAULT_SEGMENT_GRID,
  };
}

export function toInput(form: RfmForm): RfmSettingsInput {
  const { grid, clvMonthlyDiscount, ...rest } = form;
  return { ...rest, clvMonthlyDiscount: clvMonthlyDiscount / 100, rfmSegments: cellsFromGrid(grid) };
}
