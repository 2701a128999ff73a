import { EmptyState } from '@mantine/core';
import type { Icon } from '@tabler/icons-react';
import type { ReactNode } from 'react';

interface Props {
  icon: Icon;
  title: string;
  description: string;
  actions?: ReactNode;
  testId?: string;
}

export function EmptyList({ icon: EmptyIcon, title, description, actions, testId }: Props) {
  return (
    <EmptyState py={48} variant="light" color="navy" icon={<EmptyIcon size={30} stroke={1.6} />} title={title} description={description} data-testid={testId}>
      {actions && <EmptyState.Actions>{actions}</EmptyState.Actions>}
    </EmptyState>
  );
}
