import { Box, Group, Text } from '@mantine/core';
import type { ReactNode } from 'react';

/** A report card's title and one-line hint, with its actions (export) on the right. */
export function CardTitle({ title, hint, actions }: { title: string; hint: string; actions?: ReactNode }) {
  return (
    <Group justify="space-between" align="flex-start" wrap="nowrap" mb="sm" gap="sm">
      <div>
        <Text fw={700}>{title}</Text>
        <Text size="sm" c="dimmed">
          {hint}
        </Text>
      </div>
      {/* The button keeps its width; the hint wraps instead. */}
      {actions && <Box style={{ flexShrink: 0 }}>{actions}</Box>}
    </Group>
  );
}
