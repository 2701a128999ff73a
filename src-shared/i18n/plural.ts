/**
 * Plural words in the UI's sentences, one way everywhere: a string names both forms next to its
 * number, `{{n}} {{n, plural(one: item; other: items)}}`, and Intl.PluralRules of the language on
 * screen picks one. Indonesian nouns do not change with the number, so only English strings use it.
 *
 * Call sites pass counts already formatted for display ("1.234"): the digits are read back, which
 * is exact for the whole numbers that counts are.
 */
const rules = new Map<string, Intl.PluralRules>();

export function countOf(value: unknown): number {
  if (typeof value === 'number') return value;
  const digits = String(value).replace(/[^\d,.-]/g, '');
  // Grouping marks (either language's) carry no value in a count; a decimal "1,5" still reads as plural.
  return Number(digits.replace(/[.,]/g, '')) + (/[.,]\d{1,2}$/.test(digits) ? 0.5 : 0);
}

export function pluralFormat(value: unknown, language: string | undefined, options: Record<string, unknown> | undefined): string {
  const lng = language ?? 'id';
  let rule = rules.get(lng);
  if (!rule) {
    rule = new Intl.PluralRules(lng);
    rules.set(lng, rule);
  }
  const form = rule.select(countOf(value));
  const word = options?.[form] ?? options?.other;
  return typeof word === 'string' ? word : String(value);
}
