import { DEFAULT_THEME, mergeMantineTheme } from '@mantine/core';
import { describe, expect, it } from 'vitest';
import { SEGMENT_COLOR } from '../../src-ui/rfm/segmentStyle';
import { AA_TEXT, contrastRatio, mix, readableAgainst, textOn } from '../../src-ui/contrast';
import { cssVariablesResolver, READABLE, SURFACES, theme } from '../../src-ui/theme';

const resolved = mergeMantineTheme(DEFAULT_THEME, theme);
const variables = cssVariablesResolver(resolved);

describe('WCAG contrast arithmetic', () => {
  it('matches the published ratios', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#ffffff', '#ffffff')).toBe(1);
    // What axe measured for Mantine's defaults: dimmed grey 3.32:1, placeholder 2.07:1 on white.
    expect(contrastRatio('#868e96', '#ffffff')).toBeCloseTo(3.32, 2);
    expect(contrastRatio('#ffffff', '#adb5bd')).toBeCloseTo(2.07, 2);
  });

  it('mixes as color-mix(in srgb) does and refuses what is not #rrggbb', () => {
    expect(mix('#000000', '#ffffff', 0.5)).toBe('#808080');
    expect(mix('#102030', '#ffffff', 1)).toBe('#102030');
    expect(() => contrastRatio('#fff', '#000000')).toThrow('Not a #rrggbb colour: #fff');
  });

  it('moves a colour just far enough to reach 4.5:1, and leaves a readable one alone', () => {
    const darker = readableAgainst('#868e96', ['#ffffff'], '#000000');
    expect(contrastRatio(darker, '#ffffff')).toBeGreaterThanOrEqual(AA_TEXT);
    expect(contrastRatio(darker, '#ffffff')).toBeLessThan(5.2);
    expect(readableAgainst('#495057', ['#ffffff'], '#000000')).toBe('#495057');
  });
});

describe('theme colours reach AA (4.5:1) on every surface', () => {
  for (const scheme of ['light', 'dark'] as const) {
    it(`${scheme}: secondary text, placeholders and links`, () => {
      for (const [role, color] of Object.entries(READABLE[scheme])) {
        for (const surface of SURFACES[scheme]) expect(contrastRatio(color, surface), `${role} ${color} on ${surface}`).toBeGreaterThanOrEqual(AA_TEXT);
        expect(variables[scheme][`--mantine-color-${role}`]).toBe(color);
      }
    });
  }

  it('light: coloured text (c="red") and light badges (the segment badges) in every palette colour', () => {
    for (const [name, shades] of Object.entries(resolved.colors)) {
      if (name === 'dark') continue;
      const text = variables.light[`--mantine-color-${name}-text`];
      const badge = variables.light[`--mantine-color-${name}-light-color`];
      for (const surface of SURFACES.light) expect(contrastRatio(text, surface), `${name} text on ${surface}`).toBeGreaterThanOrEqual(AA_TEXT);
      expect(contrastRatio(badge, shades[1]), `${name} badge`).toBeGreaterThanOrEqual(AA_TEXT);
    }
    // The ones that failed with Mantine's defaults are among those changed.
    expect(contrastRatio(resolved.colors.yellow[9], resolved.colors.yellow[1])).toBeLessThan(AA_TEXT);
    expect(contrastRatio(resolved.colors.red[6], '#ffffff')).toBeLessThan(AA_TEXT);
  });

  it('dark: coloured text in every palette colour', () => {
    for (const name of Object.keys(resolved.colors).filter((n) => n !== 'dark')) {
      const text = variables.dark[`--mantine-color-${name}-text`];
      for (const surface of SURFACES.dark) expect(contrastRatio(text, surface), `${name} text on ${surface}`).toBeGreaterThanOrEqual(AA_TEXT);
    }
  });

  it('the R×F grid: the text of every cell, at every depth, in both schemes', () => {
    for (const body of ['#ffffff', resolved.colors.dark[7]]) {
      for (const hue of new Set(Object.values(SEGMENT_COLOR))) {
        for (let depth = 8; depth <= 90; depth++) {
          const fill = mix(resolved.colors[hue][7], body, depth / 100);
          expect(contrastRatio(textOn(fill), fill), `${hue} at ${depth}% on ${body}`).toBeGreaterThanOrEqual(AA_TEXT);
        }
      }
    }
  });

  it('filled controls pick black or white text where both read the same (Mantine would pick by 0.3)', () => {
    expect(resolved.autoContrast).toBe(true);
    // At luminance 0.18, white and black text give the same ratio: the threshold that never fails.
    expect(resolved.luminanceThreshold).toBeCloseTo(0.18, 2);
  });
});
