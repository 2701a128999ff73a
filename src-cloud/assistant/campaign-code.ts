/**
 * Campaign codes as the ads carry them: PKG_MONTH_YEAR_TYPE, e.g. UMR_MAR_2025_HEMAT (seed 003).
 * Matched case-insensitively (people retype them) and compared upper-case.
 */
const CODE = /(?<![A-Za-z0-9_])([A-Za-z0-9]{2,12}_[A-Za-z]{3}_\d{4}_[A-Za-z0-9]{2,20})(?![A-Za-z0-9_])/g;

export const CAMPAIGN_CODE_FORMAT = /^[A-Z0-9]{2,12}_[A-Z]{3}_\d{4}_[A-Z0-9]{2,20}$/;

/** Every code-shaped word in the text, upper-cased, in the order written. */
export function codesIn(text: string): string[] {
  return [...text.matchAll(CODE)].map((m) => m[1].toUpperCase());
}

export interface CodePick {
  /** The first code that names a package of the catalogue; null when none does. */
  code: string | null;
  /** Every other code seen (later valid ones, unknown ones), kept for the audit trail. */
  ignored: string[];
}

/** The first valid code wins; the rest are logged, never acted on (seed 003, "multiple codes"). */
export function pickCode(texts: string[], known: ReadonlySet<string>): CodePick {
  let code: string | null = null;
  const ignored: string[] = [];
  for (const c of texts.flatMap(codesIn)) {
    if (code === null && known.has(c)) code = c;
    else ignored.push(c);
  }
  return { code, ignored };
}
