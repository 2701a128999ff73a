/**
 * WCAG 2 contrast arithmetic for the theme: text needs 4.5:1 against what it sits on (AA, normal
 * size). Pure functions on `#rrggbb` colours, so the theme and its test share one formula.
 */

/** The AA minimum for text under 18.66 px bold / 24 px: all of the app's secondary text. */
export const AA_TEXT = 4.5;

function channels(hex: string): [number, number, number] {
  const match = /^#([0-9a-f]{6})$/i.exec(hex);
  if (!match) throw new Error(`Not a #rrggbb colour: ${hex}`);
  const value = parseInt(match[1], 16);
  return [(value >> 16) & 255, (value >> 8) & 255, value & 255];
}

function toHex(rgb: number[]): string {
  return `#${rgb
    .map((c) =>
      Math.round(Math.min(255, Math.max(0, c)))
        .toString(16)
        .padStart(2, '0'),
    )
    .join('')}`;
}

/** Relative luminance, WCAG 2.x definition. */
export function luminance(hex: string): number {
  const [r, g, b] = channels(hex).map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** Contrast ratio between two colours, 1 to 21, order free. */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/** `weight` of `a` over `b`, channel by channel: what CSS `color-mix(in srgb, a w%, b)` draws. */
export function mix(a: string, b: string, weight: number): string {
  const [ca, cb] = [channels(a), channels(b)];
  return toHex(ca.map((c, i) => c * weight + cb[i] * (1 - weight)));
}

/**
 * `color` moved towards `towards` (black to darken, white to lighten) in small steps until it
 * reaches `min` against every background; unchanged if it already does.
 */
export function readableAgainst(color: string, backgrounds: string[], towards: '#000000' | '#ffffff', min = AA_TEXT): string {
  for (let step = 0; step <= 50; step++) {
    const candidate = mix(towards, color, step / 50);
    if (backgrounds.every((bg) => contrastRatio(candidate, bg) >= min)) return candidate;
  }
  return towards;
}

/** Black or white text, whichever reads better on `background` (one of them always reaches 4.5:1). */
export function textOn(background: string): '#000000' | '#ffffff' {
  return contrastRatio('#000000', background) >= contrastRatio('#ffffff', background) ? '#000000' : '#ffffff';
}
