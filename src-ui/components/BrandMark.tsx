import { ThemeIcon } from '@mantine/core';
import { IconTargetArrow } from '@tabler/icons-react';
import { SIDEBAR_BG } from '../theme';

/** The app's mark: a yellow target on navy. */
export function BrandMark({ size = 36 }: { size?: number }) {
  return (
    <ThemeIcon size={size} radius="md" color={SIDEBAR_BG} variant="filled" aria-hidden>
      <IconTargetArrow size={size * 0.6} color="var(--mantine-color-sun-5)" stroke={2} />
    </ThemeIcon>
  );
}
