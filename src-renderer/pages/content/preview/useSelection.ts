import { useState } from 'react';

/**
 * Rows ticked across pages, by id, and the header box for the page on screen: ticked when every
 * row of the page is, half when some are; a click ticks the page or clears it.
 */
export function useSelection(pageIds: string[]) {
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const toggle = (id: string, on: boolean) =>
    setSelected((previous) => {
      const next = new Set(previous);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  const pageChecked = pageIds.length > 0 && pageIds.every((id) => selected.has(id));
  const pageSome = pageIds.some((id) => selected.has(id));
  const togglePage = () =>
    setSelected((previous) => {
      const next = new Set(previous);
      pageIds.forEach((id) => (pageChecked ? next.delete(id) : next.add(id)));
      return next;
    });
  return { selected, toggle, pageChecked, pageSome, togglePage, clear: () => setSelected(new Set()) };
}
