import { useSyncExternalStore } from 'react';
import type { ChannelInput } from '../../../src-shared/contract';
import type { ContentRow, GenerateOutput } from '../../../src-shared/schemas/content';

export type GenerateRequest = ChannelInput<'content.generate'>;

export interface Generation {
  request: GenerateRequest;
  result: GenerateOutput;
}

/**
 * The last generation on screen. Kept outside the component so a look at the library or a campaign
 * and back does not lose the variants being edited; it lives as long as the window.
 */
let current: Generation | null = null;
const listeners = new Set<() => void>();

function set(next: Generation | null): void {
  current = next;
  listeners.forEach((listener) => listener());
}

function mapVariants(change: (variants: ContentRow[]) => ContentRow[]): void {
  if (current) set({ ...current, result: { ...current.result, variants: change(current.result.variants) } });
}

export const generationStore = {
  current: () => current,
  show: (request: GenerateRequest, result: GenerateOutput) => set({ request, result }),
  /** A variant saved or deleted elsewhere (the library) follows on its card here too. */
  replace: (row: ContentRow) => mapVariants((variants) => variants.map((v) => (v.id === row.id ? row : v))),
  remove: (id: string) => mapVariants((variants) => variants.filter((v) => v.id !== id)),
};

export function useGeneration(): Generation | null {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => current,
  );
}
