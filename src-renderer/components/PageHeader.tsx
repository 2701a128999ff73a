import { Group, Stack } from '@mantine/core';
import type { ReactNode } from 'react';
import { TitleBlock } from '../../src-ui/components/TitleBlock';

interface Props {
  title: ReactNode;
  subtitle?: ReactNode;
  /** Buttons on the right, e.g. the page's main call to action. */
  actions?: ReactNode;
  /** Above the title: a back link or breadcrumbs. */
  above?: ReactNode;
}

export function PageHeader({ title, subtitle, actions, above }: Props) {
  return (
    <Stack gap={6} mb="lg">
      {above}
      <Group justify="space-between" align="flex-end" wrap="wrap" gap="md">
        <TitleBlock title={title} subtitle={subtitle} order={1} size="h2" fw={700} gap={2} />
        {actions && <Group gap="sm">{actions}</Group>}
      </Group>
    </Stack>
  );
}
