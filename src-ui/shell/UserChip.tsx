import { Group, Stack, Text } from '@mantine/core';
import { IconChevronDown } from '@tabler/icons-react';
import type { ReactNode } from 'react';

/** Who is signed in, as the header's user menu shows it in both UIs: avatar, name over role, a chevron. */
export function UserChip({ avatar, name, role }: { avatar: ReactNode; name: string; role: string }) {
  return (
    <Group gap="sm" wrap="nowrap">
      {avatar}
      <Stack gap={0} visibleFrom="sm">
        <Text size="sm" fw={600} lh={1.2}>
          {name}
        </Text>
        <Text size="xs" c="dimmed" lh={1.2}>
          {role}
        </Text>
      </Stack>
      <IconChevronDown size={14} />
    </Group>
  );
}
