import { describe, expect, it } from 'vitest';
import { RecurringInvoices } from '../../src-main/import/kinds/invoice-groups';

function found(invoices: (string | null)[]): Set<string> {
  const r = new RecurringInvoices(1);
  for (const invoice of invoices) r.add(['x', invoice]);
  return r.found;
}

describe('the invoices whose lines stand apart', () => {
  it('are those met again after another invoice or a line without one, not a run of lines', () => {
    expect(found(['A', 'A', 'A', 'B', 'B', 'C'])).toEqual(new Set());
    expect(found(['A', 'B', 'A', 'C', null, 'C', 'D', 'D', ' D '])).toEqual(new Set(['A', 'C']));
  });

  it('include few others in a file of a million different invoices', () => {
    const invoices = Array.from({ length: 1_000_000 }, (_, i) => `INV-${String(i).padStart(7, '0')}`);
    const extra = found(invoices).size;
    // Each is one more transaction remembered during the import, never a wrong merge.
    expect(extra).toBeLessThan(10_000);
    expect(found([...invoices.slice(0, 1000), 'INV-0000007']).has('INV-0000007')).toBe(true);
  });
});
