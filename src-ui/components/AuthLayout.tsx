import { Box, Center, Group, Paper, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { SIDEBAR_BG } from '../theme';
import { BrandMark } from './BrandMark';
import { TitleBlock } from './TitleBlock';

interface Props {
  title: ReactNode;
  subtitle?: ReactNode;
  width?: number;
  /** The line under the app's name; the desktop app's tagline unless a UI names itself otherwise. */
  tagline?: ReactNode;
  children: ReactNode;
}

/** The centred card shown before either UI opens: welcome, setup, login, lock, errors. */
export function AuthLayout({ title, subtitle, width = 440, tagline, children }: Props) {
  const { t } = useTranslation();
  return (
    <Box
      mih="100vh"
      style={{
        background: `radial-gradient(circle at 20% 0%, #24407d 0%, ${SIDEBAR_BG} 55%, #0b1530 100%)`,
      }}
    >
      <Center mih="100vh" p="md">
        <Stack w="100%" maw={width} gap="lg">
          <Group gap="sm" justify="center">
            <BrandMark size={40} />
            <Stack gap={0}>
              <Text fw={700} c="white" size="lg">
                {t('app.name')}
              </Text>
              <Text size="xs" c="navy.1">
                {tagline ?? t('app.tagline')}
              </Text>
            </Stack>
          </Group>
          <Paper shadow="xl" p="xl" radius="lg" withBorder>
            <Stack gap="lg">
              <TitleBlock title={title} subtitle={subtitle} order={2} size="h3" gap={4} />
              {children}
            </Stack>
          </Paper>
        </Stack>
      </Center>
    </Box>
  );
}
