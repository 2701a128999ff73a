import { Avatar, Group, Menu, UnstyledButton, useComputedColorScheme, useMantineColorScheme, VisuallyHidden } from '@mantine/core';
import { IconCheck, IconLanguage, IconLock, IconLogout, IconMoon, IconSun } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../src-shared/schemas/auth';
import { useSetLanguage } from './useSetLanguage';
import { useApiMutation } from '../api/hooks';
import { useSession, useUser } from '../session/context';
import { initials } from './initials';
import { UserChip } from '../../src-ui/shell/UserChip';

const LANGUAGE_NAMES: Record<Language, string> = { id: 'Bahasa Indonesia', en: 'English' };

export function UserMenu() {
  const { t } = useTranslation();
  const { refresh } = useSession();
  const user = useUser();
  const { setColorScheme } = useMantineColorScheme();
  const scheme = useComputedColorScheme('light');
  const setLanguage = useSetLanguage();
  const lock = useApiMutation('auth.lock', { onSuccess: () => refresh() });
  const logout = useApiMutation('auth.logout', { onSuccess: () => refresh() });

  return (
    <Menu position="bottom-end" width={240} shadow="lg" withinPortal>
      <Menu.Target>
        {/* Named by what it shows (name, role) plus what it is: a label without the visible name would hide it from voice control. */}
        <UnstyledButton data-testid="user-menu" px="xs" py={4} style={{ borderRadius: 'var(--mantine-radius-md)' }}>
          <VisuallyHidden>{t('user.menu')}</VisuallyHidden>
          <UserChip
            avatar={
              <Avatar color="sun.5" variant="filled" radius="xl" size={34} c="navy.9" aria-hidden>
                {initials(user.name)}
              </Avatar>
            }
            name={user.name}
            role={t(`roles.${user.role}`)}
          />
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>
          {user.name} · {t(`roles.${user.role}`)}
        </Menu.Label>
        <Menu.Divider />
        <Menu.Label>
          <Group gap={6}>
            <IconLanguage size={14} />
            {t('user.language')}
          </Group>
        </Menu.Label>
        {(Object.keys(LANGUAGE_NAMES) as Language[]).map((language) => (
          <Menu.Item
            key={language}
            data-testid={`language-${language}`}
            rightSection={user.language === language ? <IconCheck size={14} /> : null}
            onClick={() => setLanguage(language)}
          >
            {LANGUAGE_NAMES[language]}
          </Menu.Item>
        ))}
        <Menu.Divider />
        <Menu.Item
          data-testid="theme-toggle"
          leftSection={scheme === 'dark' ? <IconSun size={16} /> : <IconMoon size={16} />}
          onClick={() => setColorScheme(scheme === 'dark' ? 'light' : 'dark')}
          closeMenuOnClick={false}
        >
          {t('user.theme')}: {scheme === 'dark' ? t('user.themeDark') : t('user.themeLight')}
        </Menu.Item>
        <Menu.Item leftSection={<IconLock size={16} />} onClick={() => lock.mutate({})} data-testid="lock-now">
          {t('user.lockNow')}
        </Menu.Item>
        <Menu.Item color="red" leftSection={<IconLogout size={16} />} onClick={() => logout.mutate({})} data-testid="logout">
          {t('user.logout')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
