import { z } from 'zod';
import { cellsFromGrid, DEFAULT_EDGES, DEFAULT_SEGMENT_GRID } from '../rfm/rules';
import { money } from './common';
import { rfmEdges, rfmMethod, segmentCells, windowMonths } from './rfm';

/** Monthly revenue targets, `YYYY-MM` → whole rupiah. */
export const revenueTargets = z.record(z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'v.month'), money.min(0, 'v.range')).refine((t) => Object.keys(t).length <= 600, 'v.tooMany');

/** Shop-wide settings, stored one key per row in `settings`. Each has a default so a fresh DB works. */
export const settingsShape = z.strictObject({
  idleLockMinutes: z.number().int().min(1, 'v.range').max(240, 'v.range'),
  sessionHours: z.number().int().min(1, 'v.range').max(24 * 30, 'v.range'),
  rfmMethod: rfmMethod,
  /** null: all time. */
  rfmWindowMonths: windowMonths,
  rfmEdges: rfmEdges,
  rfmSegments: segmentCells,
  clvExpectedYears: z.number().min(0.5, 'v.range').max(20, 'v.range'),
  revenueTargets: revenueTargets,
});
export type Settings = z.infer<typeof settingsShape>;

export const DEFAULT_SETTINGS: Settings = {
  idleLockMinutes: 15,
  sessionHours: 12,
  rfmMethod: 'fixed',
  rfmWindowMonths: null,
  rfmEdges: DEFAULT_EDGES,
  rfmSegments: cellsFromGrid(DEFAULT_SEGMENT_GRID),
  clvExpectedYears: 3,
  revenueTargets: {},
};

export const settingsUpdateInput = settingsShape.partial().strict();
