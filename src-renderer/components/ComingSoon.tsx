import { Badge, Card, Center, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import type { Icon } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

interface Props {
  title: string;
  description: string;
  icon: Icon;
}

/** A page that is planned but not built yet: says what it will do instead of failing. */
export function ComingSoon({ title, description, icon: PageIcon }: Props) {
  const { t } = useTranslation();
  return (
    <Card p="xl" data-testid="coming-soon">
      <Center py={60}>
        <Stack align="center" gap="md" maw={460}>
          <ThemeIcon size={84} radius={42} variant="light" color="navy">
            <PageIcon size={44} stroke={1.5} />
          </ThemeIcon>
          <Badge color="sun.5" c="navy.9" variant="filled" size="lg">
            {t('common.comingSoon')}
          </Badge>
          <Title order={2} size="h3" ta="center">
            {title}
          </Title>
          <Text c="dimmed" ta="center">
            {description}
          </Text>
        </Stack>
      </Center>
    </Card>
  );
}
