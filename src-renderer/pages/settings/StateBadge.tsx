import { Badge, type BadgeProps } from '@mantine/core';

/** Where a settings card stands (synced, paused; key from the environment, none), large beside its title. */
export function StateBadge({ label, ...props }: BadgeProps & { label: string; 'data-testid': string; [data: `data-${string}`]: string }) {
  return (
    <Badge variant="light" tt="none" size="lg" {...props}>
      {label}
    </Badge>
  );
}
