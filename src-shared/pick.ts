/**
 * The named fields of an object, copied out, typed as exactly those: where one shape is another's
 * subset (a settings tab's form, a shop's summary from its figures), naming the fields keeps a field
 * added to the larger one from leaking into the smaller (a strict response schema would refuse it).
 */
export function pick<T extends object, K extends keyof T>(value: T, keys: readonly K[]): Pick<T, K> {
  return Object.fromEntries(keys.map((key) => [key, value[key]])) as Pick<T, K>;
}
