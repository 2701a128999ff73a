import { createTheme, type MantineColorsTuple } from '@mantine/core';

/** The brand navy: primary buttons, links, the sidebar. */
const navy: MantineColorsTuple = [
  '#eef2fa',
  '#dbe2f1',
  '#b3c2e2',
  '#889fd2',
  '#6482c5',
  '#4d70bd',
  '#3f66ba',
  '#2f4f93',
  '#243f78',
  '#182c57',
];

/** The bright-yellow accent: the active navigation item and the one call to action that matters. */
const sun: MantineColorsTuple = [
  '#fffbe1',
  '#fff4cb',
  '#ffe89a',
  '#ffdb64',
  '#ffd038',
  '#ffc81b',
  '#ffc407',
  '#e3ad00',
  '#ca9900',
  '#ae8400',
];

/** Dark mode surfaces tinted towards the navy, so the sidebar and the page belong together. */
const dark: MantineColorsTuple = [
  '#c9cedc',
  '#a7aec3',
  '#7d86a1',
  '#525b78',
  '#363e58',
  '#2a3149',
  '#20263b',
  '#191e30',
  '#131727',
  '#0d101c',
];

export const SIDEBAR_BG = '#13224a';

export const theme = createTheme({
  primaryColor: 'navy',
  primaryShade: { light: 7, dark: 6 },
  colors: { navy, sun, dark },
  fontFamily: 'Inter, "Segoe UI", system-ui, -apple-system, Roboto, "Helvetica Neue", Arial, sans-serif',
  headings: { fontFamily: 'Inter, "Segoe UI", system-ui, -apple-system, Roboto, "Helvetica Neue", Arial, sans-serif', fontWeight: '700' },
  defaultRadius: 'md',
  cursorType: 'pointer',
  components: {
    Card: { defaultProps: { withBorder: true, radius: 'md', padding: 'lg' } },
    Paper: { defaultProps: { radius: 'md' } },
    Modal: {
      defaultProps: { radius: 'md', centered: true, overlayProps: { backgroundOpacity: 0.45, blur: 2 } },
      styles: { title: { fontWeight: 700, fontSize: 'var(--mantine-font-size-lg)' } },
    },
    Badge: { defaultProps: { radius: 'sm' } },
  },
});
