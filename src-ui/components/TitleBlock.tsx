import { Stack, Text, Title, type MantineSpacing, type TitleOrder } from '@mantine/core';
import type { ReactNode } from 'react';

interface Props {
  title: ReactNode;
  /** One dimmed line under the title, if any. */
  subtitle?: ReactNode;
  order: TitleOrder;
  size: string;
  fw?: number;
  /** Space between the title and its subtitle. */
  gap: MantineSpacing;
  mb?: MantineSpacing;
}

/** A heading with its dimmed explanation under it: a page's header, the login card's, a card's. */
export function TitleBlock({ title, subtitle, order, size, fw, gap, mb }: Props) {
  return (
    <Stack gap={gap} mb={mb}>
      <Title order={order} size={size} fw={fw}>
        {title}
      </Title>
      {subtitle && (
        <Text c="dimmed" size="sm">
          {subtitle}
        </Text>
      )}
    </Stack>
  );
}
