/**
 * Reading the shape of an amount as typed: currency prefix, sign, and which of `.` and `,`
 * the text itself shows to be the decimal separator.
 */

export type Separator = ',' | '.';

export interface AmountText {
  negative: boolean;
  /** Only digits, `.` and `,` remain. */
  body: string;
  /** `,-` / `.-` ("no cents") names the decimal separator the writer uses. */
  suffixDecimal: Separator | null;
}

const CURRENCY = /^(?:rp\.?|idr)/i;

/** Strip `Rp`/`Rp.`/`IDR`, spaces, a `-` or parentheses sign, and a trailing `,-`; null if not amount-like. */
export function readAmountText(raw: string): AmountText | null {
  let text = raw.replace(/\s+/g, '');
  let minus = false;
  let paren = false;
  let currency = false;
  for (;;) {
    if (!currency && CURRENCY.test(text)) {
      currency = true;
      text = text.replace(CURRENCY, '');
    } else if (!minus && text.startsWith('-')) {
      minus = true;
      text = text.slice(1);
    } else if (!paren && /^\(.*\)$/.test(text)) {
      paren = true;
      text = text.slice(1, -1);
    } else break;
  }
  if (minus && paren) return null;
  let suffixDecimal: Separator | null = null;
  const suffix = /([,.])-$/.exec(text);
  if (suffix) {
    suffixDecimal = suffix[1] === ',' ? ',' : '.';
    text = text.slice(0, -2);
  }
  if (!/^[\d.,]+$/.test(text) || !/^\d/.test(text) || !/\d$/.test(text)) return null;
  return { negative: minus || paren, body: text, suffixDecimal };
}

/**
 * What the separators in `body` prove on their own:
 * - `strong`: this separator must be the decimal one (`1.250.000,50`, `1.250.000`, `12,5`);
 * - `weak`: a lone separator before exactly three digits (`1.250`), grouping by Indonesian habit
 *   unless the column has proven that separator to be the decimal one;
 * - `none`: only digits; `invalid`: no reading makes sense (`1.2.3,4,5`).
 */
export type SeparatorEvidence = { kind: 'none' } | { kind: 'strong'; decimal: Separator } | { kind: 'weak'; separator: Separator } | { kind: 'invalid' };

const other = (sep: Separator): Separator => (sep === '.' ? ',' : '.');

export function isGrouped(integer: string, group: Separator): boolean {
  if (!integer.includes(group)) return /^\d+$/.test(integer);
  const g = group === '.' ? '\\.' : ',';
  return new RegExp(`^[1-9]\\d{0,2}(?:${g}\\d{3})+$`).test(integer);
}

export function separatorEvidence(body: string): SeparatorEvidence {
  const dots = body.split('.').length - 1;
  const commas = body.split(',').length - 1;
  if (dots === 0 && commas === 0) return { kind: 'none' };
  if (dots > 0 && commas > 0) {
    const decimal: Separator = body.lastIndexOf('.') > body.lastIndexOf(',') ? '.' : ',';
    const count = decimal === '.' ? dots : commas;
    const integer = body.slice(0, body.lastIndexOf(decimal));
    return count === 1 && isGrouped(integer, other(decimal)) ? { kind: 'strong', decimal } : { kind: 'invalid' };
  }
  const sep: Separator = dots > 0 ? '.' : ',';
  if (dots + commas > 1) return isGrouped(body, sep) ? { kind: 'strong', decimal: other(sep) } : { kind: 'invalid' };
  return isGrouped(body, sep) ? { kind: 'weak', separator: sep } : { kind: 'strong', decimal: sep };
}
