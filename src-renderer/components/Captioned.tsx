import { Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';

/**
 * A caption over a control that has no label of its own (a SegmentedControl). `strong`: a choice that
 * stands alone in its card, with a heavier caption and a little more room.
 */
export function Captioned({ label, strong = false, children }: { label: ReactNode; strong?: boolean; children: ReactNode }) {
  return (
    <Stack gap={strong ? 6 : 4}>
      <Text size="sm" fw={strong ? 600 : 500}>
        {label}
      </Text>
      {children}
    </Stack>
  );
}
