import { AppShell, Avatar, Badge, Burger, Group, Menu, NavLink, ScrollArea, Stack, Text, UnstyledButton } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconLogout } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ADMIN_PATHS, okResponse } from '../../../src-shared/cloud/admin-api';
import { api } from '../api/client';
import { HeaderBrand } from '../../../src-ui/shell/HeaderBrand';
import { UserChip } from '../../../src-ui/shell/UserChip';
import { href, linkClick, useRoute } from '../router';
import { ME_KEY, useSession } from '../session';
import { LanguageSwitch } from './LanguageSwitch';
import { activeNav, NAV } from './nav';
import { PageRouter } from './PageRouter';
import classes from '../../../src-ui/shell/Sidebar.module.css';

/** The console frame: header with the language and the admin, the sidebar, and the current page. */
export function ConsoleLayout() {
  const { t } = useTranslation();
  const route = useRoute();
  const { me } = useSession();
  const queryClient = useQueryClient();
  const [mobileOpen, mobile] = useDisclosure(false);
  const logout = useMutation({
    mutationFn: () => api('POST', ADMIN_PATHS.logout, okResponse),
    onSettled: () => {
      // Back to the login page, and nothing of the shops kept for whoever signs in next. Clearing the
      // whole cache would also drop the query the gate watches, which then kept showing the admin.
      queryClient.setQueryData(ME_KEY, null);
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== ME_KEY[0] });
    },
  });
  const active = activeNav(route);

  return (
    <AppShell header={{ height: 60 }} navbar={{ width: 240, breakpoint: 'sm', collapsed: { mobile: !mobileOpen } }} padding="lg">
      <AppShell.Header px="md">
        <Group h="100%" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={mobileOpen} onClick={mobile.toggle} hiddenFrom="sm" size="sm" aria-label={t('nav.toggle')} />
            <HeaderBrand>
              <Text fw={600}>{t('app.console')}</Text>
            </HeaderBrand>
          </Group>
          <Group gap="md" wrap="nowrap">
            <LanguageSwitch />
            <Menu position="bottom-end" withinPortal>
              <Menu.Target>
                <UnstyledButton data-testid="user-menu">
                  <UserChip
                    avatar={
                      <Avatar color="navy" radius="xl" size={32}>
                        {me.name.slice(0, 1).toUpperCase()}
                      </Avatar>
                    }
                    name={me.name}
                    role={t(`nav.role.${me.role}`)}
                  />
                </UnstyledButton>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Label>{me.username}</Menu.Label>
                <Menu.Item leftSection={<IconLogout size={16} />} onClick={() => logout.mutate()} data-testid="logout">
                  {t('nav.logout')}
                </Menu.Item>
              </Menu.Dropdown>
            </Menu>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar className={classes.navbar} p="sm" aria-label={t('nav.label')}>
        <AppShell.Section grow component={ScrollArea} scrollbarSize={6}>
          <Stack gap={2} py="xs">
            {NAV.map((item) => (
              <NavLink
                key={item.key}
                href={href(item.key)}
                label={t(`nav.${item.key}`)}
                leftSection={<item.icon size={19} stroke={1.7} />}
                active={active === item.key}
                className={classes.link}
                data-testid={`nav-${item.key}`}
                onClick={(event) => {
                  linkClick(href(item.key))(event);
                  mobile.close();
                }}
              />
            ))}
          </Stack>
        </AppShell.Section>
        {me.role === 'support' && (
          <AppShell.Section>
            <Badge color="sun" variant="filled" fullWidth>
              {t('nav.role.support')}
            </Badge>
          </AppShell.Section>
        )}
      </AppShell.Navbar>
      <AppShell.Main bg="light-dark(var(--mantine-color-gray-0), var(--mantine-color-dark-8))">
        <div style={{ maxWidth: 1400, margin: '0 auto' }}>
          <PageRouter />
        </div>
      </AppShell.Main>
    </AppShell>
  );
}
