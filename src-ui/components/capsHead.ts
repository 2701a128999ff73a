/**
 * The look of a card's column headers in the laptop app: small grey capitals on one line, so the
 * header reads as a caption and the rows carry the weight. One value, so every such table matches.
 */
export const CAPS_HEAD = {
  fontSize: 'var(--mantine-font-size-xs)',
  textTransform: 'uppercase',
  letterSpacing: '0.04em',
  color: 'var(--mantine-color-dimmed)',
  whiteSpace: 'nowrap',
} as const;
