import { Card, Group, Skeleton, Text, ThemeIcon } from '@mantine/core';
import type { Icon } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { Money } from './Money';

export interface StatCardProps {
  label: string;
  /** The figure (undefined while loading); money goes in `amount` so a large one is shortened to fit. */
  value?: ReactNode;
  /** Rupiah: shown short from a billion on, the full figure on hover. */
  amount?: number | null;
  icon: Icon;
  color?: string;
  testId?: string;
}

export function StatCard({ label, value, amount, icon: StatIcon, color = 'navy', testId }: StatCardProps) {
  const figure = amount !== undefined && amount !== null ? <Money amount={amount} /> : value;
  return (
    <Card padding="md">
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
        <div style={{ minWidth: 0, flex: 1 }}>
          <Text size="xs" c="dimmed" fw={600} tt="uppercase" style={{ letterSpacing: '0.04em' }}>
            {label}
          </Text>
          {figure === undefined ? (
            <Skeleton height={26} mt={8} width={120} />
          ) : (
            // A figure that still does not fit wraps rather than running under the icon.
            <Text fw={700} size="xl" mt={4} lh={1.25} className="sma-num" style={{ overflowWrap: 'anywhere' }} data-testid={testId}>
              {figure}
            </Text>
          )}
        </div>
        <ThemeIcon variant="light" color={color} size={38} radius="md" style={{ flexShrink: 0 }}>
          <StatIcon size={20} stroke={1.7} />
        </ThemeIcon>
      </Group>
    </Card>
  );
}
