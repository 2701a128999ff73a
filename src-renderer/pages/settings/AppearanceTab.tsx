import { Card, Stack, useComputedColorScheme, useMantineColorScheme } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../src-shared/schemas/auth';
import { Captioned } from '../../components/Captioned';
import { SegmentedChoice } from '../../components/SegmentedChoice';
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
        <Captioned label={t('settings.appearanceLanguage')} strong>
          <SegmentedChoice<Language>
            value={user.language}
            onChange={setLanguage}
            options={{ id: 'Bahasa Indonesia', en: 'English' }}
            data-testid="appearance-language"
          />
        </Captioned>
        <Captioned label={t('settings.appearanceTheme')} strong>
          <SegmentedChoice
            value={scheme}
            onChange={setColorScheme}
            options={{ light: t('user.themeLight'), dark: t('user.themeDark') }}
            data-testid="appearance-theme"
          />
        </Captioned>
      </Stack>
    </Card>
  );
}
