import type { Translate } from '../../src-shared/i18n/messages';
import type { Mapping } from '../../src-shared/schemas/import';
import { detectDateOrder, type DateOrder } from './normalize/dates';
import { detectNumberStyle, type NumberStyle } from './normalize/numbers';
import { cellText } from './normalize/text';

/** Fields whose text form depends on a per-column convention, decided from the column's values. */
const DATE_FIELDS = ['transaction_date', 'expected_close'];
const NUMBER_FIELDS = ['amount', 'qty', 'unit_price', 'price', 'value'];
export const SAMPLE_LIMIT = 20_000;

/** Collects up to SAMPLE_LIMIT values per date/number column during the first pass. */
export class ColumnSamples {
  readonly values = new Map<number, unknown[]>();

  constructor(private readonly mapping: Mapping) {
    for (const field of [...DATE_FIELDS, ...NUMBER_FIELDS]) {
      const col = mapping[field];
      if (col !== null && col !== undefined) this.values.set(col, []);
    }
  }

  add(cells: unknown[]): void {
    for (const [col, list] of this.values) {
      const value = cells[col];
      if (list.length < SAMPLE_LIMIT && value !== null && value !== undefined && value !== '') list.push(value);
    }
  }

  /** Date order and decimal separator per column, with a warning where the values could not tell.
   * `knownMoney`: a marketplace's export, whose amounts are whole rupiah with dot thousands (the
   * reading chosen when the values cannot tell): nothing for the owner to check. */
  decide(
    headers: string[],
    t: Translate,
    knownMoney = false,
  ): { dateOrder: Map<number, DateOrder>; numberStyle: Map<number, NumberStyle>; warnings: string[] } {
    const dateOrder = new Map<number, DateOrder>();
    const numberStyle = new Map<number, NumberStyle>();
    const warnings: string[] = [];
    for (const field of DATE_FIELDS) {
      const col = this.mapping[field];
      if (col === null || col === undefined) continue;
      const values = this.values.get(col) ?? [];
      const decided = detectDateOrder(values);
      dateOrder.set(col, decided.order);
      const textual = values.some((v) => typeof v === 'string' && /^\s*\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}/.test(v));
      if (decided.ambiguous && textual) warnings.push(t('imp.warnDateOrder', { column: headers[col] ?? '' }));
    }
    for (const field of NUMBER_FIELDS) {
      const col = this.mapping[field];
      if (col === null || col === undefined || numberStyle.has(col)) continue;
      const values = this.values.get(col) ?? [];
      const style = detectNumberStyle(values);
      numberStyle.set(col, style);
      const separated = values.some((v) => typeof v === 'string' && /\d[.,]\d/.test(cellText(v)));
      if (style.ambiguous && separated && !knownMoney) warnings.push(t('imp.warnNumberStyle', { column: headers[col] ?? '' }));
    }
    return { dateOrder, numberStyle, warnings };
  }
}
