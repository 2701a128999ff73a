import { Card, SegmentedControl, Stack, Text, useComputedColorScheme, useMantineColorScheme } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../src-shared/schemas/auth';
import { useUser } from '../../session/context';
import { useSetLanguage } from '../../shell/useSetLanguage';

export function AppearanceTab() {
  const { t } = useTranslation();
  const user = useUser();
  const setLanguage = useSetLanguage();
  const { setColorScheme } = useMantineColorScheme();
  const scheme = useComputedColorScheme('light');
  return (
    <Card maw={560}>
      <Stack gap="lg">
        <Stack gap={6}>
          <Text fw={600} size="sm">
            {t('settings.appearanceLanguage')}
          </Text>
          <SegmentedControl
            value={user.language}
            onChange={(value) => setLanguage(value as Language)}
            data={[
              { value: 'id', label: 'Bahasa Indonesia' },
              { value: 'en', label: 'English' },
            ]}
            data-testid="appearance-language"
          />
        </Stack>
        <Stack gap={6}>
          <Text fw={600} size="sm">
            {t('settings.appearanceTheme')}
          </Text>
          <SegmentedControl
            value={scheme}
            onChange={(value) => setColorScheme(value === 'dark' ? 'dark' : 'light')}
            data={[
              { value: 'light', label: t('user.themeLight') },
              { value: 'dark', label: t('user.themeDark') },
            ]}
            data-testid="appearance-theme"
          />
        </Stack>
      </Stack>
    </Card>
  );
}
