import { Card, Text, Title, type CardProps } from '@mantine/core';
import type { ReactNode } from 'react';

interface Props extends CardProps {
  title: ReactNode;
  /** A dimmed sentence shown instead of the content when there is nothing to list. */
  empty?: string | false;
  children?: ReactNode;
}

/** A card of a console page: its heading, then its content or the sentence saying it has none. */
export function TitledCard({ title, empty, children, ...card }: Props) {
  return (
    <Card {...card}>
      <Title order={2} size="h4" mb="sm">
        {title}
      </Title>
      {empty ? (
        <Text size="sm" c="dimmed">
          {empty}
        </Text>
      ) : (
        children
      )}
    </Card>
  );
}
