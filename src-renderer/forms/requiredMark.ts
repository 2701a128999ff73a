/**
 * The red "*" of a required field, drawn by CSS instead of Mantine's `withAsterisk` span, so the
 * label's text stays exactly "Nama" for people using screen readers and for tests finding it by label.
 */
export const requiredMark = { classNames: { label: 'sma-required' } } as const;
