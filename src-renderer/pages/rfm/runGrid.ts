import { DEFAULT_SEGMENT_GRID, gridFromCells, type SegmentGrid, type SegmentId } from '../../../src-shared/rfm/rules';
import type { RfmRunRow } from '../../../src-shared/schemas/rfm';

/** The segment map a run was scored with (it may differ from today's Settings). */
export function runSegmentGrid(run: RfmRunRow): SegmentGrid {
  return gridFromCells(run.parameters.segments as Partial<Record<SegmentId, string[]>>).grid ?? DEFAULT_SEGMENT_GRID;
}
