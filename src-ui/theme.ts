import { createTheme, type CSSVariablesResolver, type MantineColorsTuple } from '@mantine/core';
import i18n from 'i18next';
import { readableAgainst } from './contrast';

/** The brand navy: primary buttons, links, the sidebar. */
const navy: MantineColorsTuple = ['#eef2fa', '#dbe2f1', '#b3c2e2', '#889fd2', '#6482c5', '#4d70bd', '#3f66ba', '#2f4f93', '#243f78', '#182c57'];

/** The bright-yellow accent: the active navigation item and the one call to action that matters. */
const sun: MantineColorsTuple = ['#fffbe1', '#fff4cb', '#ffe89a', '#ffdb64', '#ffd038', '#ffc81b', '#ffc407', '#e3ad00', '#ca9900', '#ae8400'];

/** Dark mode surfaces tinted towards the navy, so the sidebar and the page belong together. */
const dark: MantineColorsTuple = ['#c9cedc', '#a7aec3', '#7d86a1', '#525b78', '#363e58', '#2a3149', '#20263b', '#191e30', '#131727', '#0d101c'];

export const SIDEBAR_BG = '#13224a';

/** What text sits on: cards and inputs (white / dark-6), the page (gray-0 / dark-7), hovered rows. */
export const SURFACES = {
  light: ['#ffffff', '#f8f9fa', navy[0]],
  dark: [dark[6], dark[7], dark[5]],
} as const;

/**
 * Secondary text and placeholders, darker (light) or lighter (dark) than Mantine's defaults so they
 * reach WCAG AA 4.5:1 on every surface: Mantine's grey #868e96 is 3.3:1 on white and its
 * placeholder #adb5bd 2.1:1. test/renderer/contrast.test.ts holds every colour here to it.
 */
export const READABLE = {
  light: { dimmed: '#636a72', placeholder: '#676f77', anchor: navy[7] },
  dark: { dimmed: '#9aa2b9', placeholder: '#959db5', anchor: navy[3] },
} as const;

/**
 * Mantine's variables, made readable: the greys and links above, and for every palette colour the
 * text of `c="red"` and of light badges (`color.9` on `color.1`: yellow is 2.7:1, teal 4.3:1) moved
 * just far enough towards black (light scheme) or white (dark scheme) to reach 4.5:1.
 */
export const cssVariablesResolver: CSSVariablesResolver = (resolved) => {
  const light: Record<string, string> = {
    '--mantine-color-dimmed': READABLE.light.dimmed,
    '--mantine-color-placeholder': READABLE.light.placeholder,
    '--mantine-color-anchor': READABLE.light.anchor,
  };
  const darkScheme: Record<string, string> = {
    '--mantine-color-dimmed': READABLE.dark.dimmed,
    '--mantine-color-placeholder': READABLE.dark.placeholder,
    '--mantine-color-anchor': READABLE.dark.anchor,
  };
  const lightShade = typeof resolved.primaryShade === 'number' ? resolved.primaryShade : resolved.primaryShade.light;
  for (const [name, shades] of Object.entries(resolved.colors)) {
    if (name === 'dark') continue;
    const filled = name === resolved.primaryColor ? shades[lightShade] : shades[6];
    light[`--mantine-color-${name}-text`] = readableAgainst(filled, [...SURFACES.light], '#000000');
    light[`--mantine-color-${name}-light-color`] = readableAgainst(shades[9], [shades[1], ...SURFACES.light], '#000000');
    darkScheme[`--mantine-color-${name}-text`] = readableAgainst(shades[4], [...SURFACES.dark], '#ffffff');
  }
  return { variables: {}, light, dark: darkScheme };
};

export const theme = createTheme({
  primaryColor: 'navy',
  primaryShade: { light: 7, dark: 6 },
  colors: { navy, sun, dark },
  fontFamily: 'Inter, "Segoe UI", system-ui, -apple-system, Roboto, "Helvetica Neue", Arial, sans-serif',
  headings: { fontFamily: 'Inter, "Segoe UI", system-ui, -apple-system, Roboto, "Helvetica Neue", Arial, sans-serif', fontWeight: '700' },
  defaultRadius: 'md',
  cursorType: 'pointer',
  // Filled buttons, badges and avatars pick black or white text by their colour. 0.18 is where both
  // give the same contrast (Mantine's 0.3 leaves white on a mid teal at 2.9:1, on the yellow 1.6:1).
  autoContrast: true,
  luminanceThreshold: 0.18,
  components: {
    Card: { defaultProps: { withBorder: true, radius: 'md', padding: 'lg' } },
    Paper: { defaultProps: { radius: 'md' } },
    // Close buttons are an × icon: they get a name, read at each render so it follows the language.
    Modal: {
      defaultProps: () => ({
        radius: 'md',
        centered: true,
        overlayProps: { backgroundOpacity: 0.45, blur: 2 },
        closeButtonProps: { 'aria-label': i18n.t('common.close') },
      }),
      styles: { title: { fontWeight: 700, fontSize: 'var(--mantine-font-size-lg)' } },
    },
    Drawer: { defaultProps: () => ({ closeButtonProps: { 'aria-label': i18n.t('common.close') } }) },
    Notification: { defaultProps: () => ({ closeButtonProps: { 'aria-label': i18n.t('common.close') } }) },
    Alert: { defaultProps: () => ({ closeButtonLabel: i18n.t('common.close') }) },
    Badge: { defaultProps: { radius: 'sm' } },
    // A table wider than its card scrolls sideways: the keyboard must be able to reach and scroll it too.
    TableScrollContainer: { defaultProps: { scrollAreaProps: { viewportProps: { tabIndex: 0 } } } },
  },
});
