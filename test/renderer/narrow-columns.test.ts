import { describe, expect, it } from 'vitest';
import { visibleColumns } from '../../src-renderer/components/table/narrowColumns';

const columns = [
  { id: 'phone', label: 'No. HP' },
  { id: 'clv', label: 'CLV', hideBelow: 1200 },
  { id: 'frequency', label: 'Frekuensi', hideBelow: 1000 },
];

describe('visibleColumns', () => {
  it('hides a secondary column while the list is narrower than its hideBelow', () => {
    expect(visibleColumns(columns, {}, 1400)).toEqual({});
    expect(visibleColumns(columns, {}, 1078)).toEqual({ clv: false });
    expect(visibleColumns(columns, {}, 912)).toEqual({ clv: false, frequency: false });
  });

  it('lets the choice made in the column menu win at any width', () => {
    expect(visibleColumns(columns, { clv: true, phone: false }, 912)).toEqual({ clv: true, frequency: false, phone: false });
    expect(visibleColumns(columns, { frequency: false }, 1400)).toEqual({ frequency: false });
  });

  it('hides nothing before the list has been measured', () => {
    expect(visibleColumns(columns, {}, 0)).toEqual({});
  });
});
