import type { Mapping } from '../../../src-shared/schemas/import';
import { normalizeHeader } from '../normalize/headers';
import { lazadaOrders } from './lazada-orders';
import { mokaSales } from './moka-sales';
import { olseraSales } from './olsera-sales';
import { pawoonSales } from './pawoon-sales';
import { shopeeOrders } from './shopee-orders';
import { tiktokOrders } from './tiktok-orders';
import { tokopediaOrders } from './tokopedia-orders';
import type { OrderPreset, OrderState } from './types';

export type { OrderPreset, OrderState } from './types';

/** Tried in this order: each one's essential columns are its own, so one file matches one preset. */
export const PRESETS: readonly OrderPreset[] = [shopeeOrders, tiktokOrders, tokopediaOrders, lazadaOrders, mokaSales, pawoonSales, olseraSales];

export function presetById(id: string | undefined): OrderPreset | null {
  return (id && PRESETS.find((p) => p.id === id)) || null;
}

/** The column of each of the preset's fields among the headers (normalised: case, spaces, dots). */
function columnsOf(preset: OrderPreset, headers: readonly string[]): Mapping {
  const names = headers.map((h) => normalizeHeader(h));
  const mapping: Mapping = {};
  for (const [field, candidates] of Object.entries(preset.columns)) {
    const index = candidates.map((c) => names.indexOf(normalizeHeader(c))).find((i) => i >= 0);
    mapping[field] = index ?? null;
  }
  return mapping;
}

/**
 * The preset whose essential columns are all among the headers, with its mapping. Column sets change
 * over the years: further columns, or columns in another order, do not matter.
 */
export function matchPreset(headers: readonly string[]): { preset: OrderPreset; mapping: Mapping } | null {
  for (const preset of PRESETS) {
    const mapping = columnsOf(preset, headers);
    if (preset.essential.every((field) => mapping[field] !== null && mapping[field] !== undefined)) return { preset, mapping };
  }
  return null;
}

/** What an order's status text means under the preset's rules. */
export function orderState(preset: OrderPreset, status: string | null): OrderState {
  const text = (status ?? '').toLowerCase();
  for (const [pattern, state] of preset.statuses) if (pattern.test(text)) return state;
  return preset.otherStatus;
}

/** A phone a marketplace masked (`******7890`): not a phone, only its visible digits a hint. */
export function maskedPhone(value: string): string | null {
  if (!/[*•xX]{3,}/.test(value)) return null;
  const digits = value.replace(/\D/g, '');
  return digits.length > 0 ? digits : '';
}
