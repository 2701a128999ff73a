import { Card, Group, Skeleton, Text, ThemeIcon } from '@mantine/core';
import type { Icon } from '@tabler/icons-react';

interface Props {
  label: string;
  value: string | undefined;
  icon: Icon;
  color?: string;
  testId?: string;
}

export function StatCard({ label, value, icon: StatIcon, color = 'navy', testId }: Props) {
  return (
    <Card padding="md">
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <div style={{ minWidth: 0 }}>
          <Text size="xs" c="dimmed" fw={600} tt="uppercase" style={{ letterSpacing: '0.04em' }}>
            {label}
          </Text>
          {value === undefined ? (
            <Skeleton height={26} mt={8} width={120} />
          ) : (
            <Text fw={700} size="xl" mt={4} lh={1.25} className="sma-num" data-testid={testId}>
              {value}
            </Text>
          )}
        </div>
        <ThemeIcon variant="light" color={color} size={38} radius="md">
          <StatIcon size={20} stroke={1.7} />
        </ThemeIcon>
      </Group>
    </Card>
  );
}
