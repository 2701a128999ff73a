/**
 * Column-aware amount parsing. Whether `.` or `,` is the decimal separator is decided once per
 * column (`detectNumberStyle`), because `1.250` alone could be either 1250 or 1.25.
 */
import { readAmountText, separatorEvidence, type Separator } from './number-text';
import { cellScalar } from './text';

export type NumberStyle = { decimal: ',' | '.'; ambiguous: boolean };

/**
 * Each text value votes with what it proves; typed numbers say nothing about how people write.
 * Nothing decisive → decimal ',' (Indonesian) flagged ambiguous; conflicting votes → the
 * majority (',' on a tie), still flagged ambiguous.
 */
export function detectNumberStyle(values: unknown[]): NumberStyle {
  let comma = 0;
  let dot = 0;
  for (const value of values) {
    const scalar = cellScalar(value);
    if (typeof scalar !== 'string') continue;
    const text = readAmountText(scalar);
    if (!text) continue;
    const evidence = separatorEvidence(text.body);
    const vote = evidence.kind === 'strong' ? evidence.decimal : evidence.kind === 'invalid' ? null : text.suffixDecimal;
    if (vote === ',') comma += 1;
    else if (vote === '.') dot += 1;
  }
  if (comma === 0 && dot === 0) return { decimal: ',', ambiguous: true };
  return { decimal: dot > comma ? '.' : ',', ambiguous: comma > 0 && dot > 0 };
}

interface DecimalParts {
  negative: boolean;
  integer: string;
  fraction: string;
}

/**
 * A decided column is strict: a value contradicting its decimal separator is an error, not a
 * guess. An ambiguous column lets each value's own evidence speak.
 */
function decimalParts(raw: string, style: NumberStyle): DecimalParts | null {
  const text = readAmountText(raw);
  if (!text) return null;
  const evidence = separatorEvidence(text.body);
  let decimal: Separator | null;
  switch (evidence.kind) {
    case 'invalid':
      return null;
    case 'none':
      decimal = null;
      break;
    case 'strong':
      if (evidence.decimal !== style.decimal && !style.ambiguous) return null;
      decimal = evidence.decimal;
      break;
    case 'weak':
      decimal = !style.ambiguous && evidence.separator === style.decimal ? evidence.separator : null;
      break;
  }
  const body = text.body;
  const at = decimal ? body.lastIndexOf(decimal) : -1;
  const integer = (at >= 0 ? body.slice(0, at) : body).replace(/[.,]/g, '');
  const fraction = at >= 0 ? body.slice(at + 1) : '';
  return { negative: text.negative, integer, fraction };
}

function numberInput(value: unknown): number | string | null {
  const scalar = cellScalar(value);
  if (typeof scalar === 'number') return Number.isFinite(scalar) ? scalar : null;
  return typeof scalar === 'string' ? scalar : null;
}

/** Half away from zero: -2.5 → -3 (Math.round alone would give -2). */
function roundHalfAway(n: number): number {
  const rounded = Math.sign(n) * Math.round(Math.abs(n));
  return rounded === 0 ? 0 : rounded;
}

/** An amount in whole units (IDR has no minor unit), rounded half away from zero; null if not a number. */
export function parseAmountValue(value: unknown, style: NumberStyle): number | null {
  const input = numberInput(value);
  if (input === null) return null;
  if (typeof input === 'number') {
    const rounded = roundHalfAway(input);
    return Number.isSafeInteger(rounded) ? rounded : null;
  }
  const parts = decimalParts(input, style);
  if (!parts) return null;
  // Round on the written digits so `0,5` is exactly half, whatever binary floating point says.
  const whole = Number(parts.integer) + (parts.fraction !== '' && parts.fraction[0] >= '5' ? 1 : 0);
  if (!Number.isSafeInteger(whole)) return null;
  return parts.negative && whole !== 0 ? -whole : whole;
}

/** A quantity keeping its decimals (1,5 kg); null if not a number. */
export function parseQuantityValue(value: unknown, style: NumberStyle): number | null {
  const input = numberInput(value);
  if (input === null) return null;
  if (typeof input === 'number') return input === 0 ? 0 : input;
  const parts = decimalParts(input, style);
  if (!parts) return null;
  const magnitude = Number(parts.fraction ? `${parts.integer}.${parts.fraction}` : parts.integer);
  if (!Number.isFinite(magnitude)) return null;
  return parts.negative && magnitude !== 0 ? -magnitude : magnitude;
}
