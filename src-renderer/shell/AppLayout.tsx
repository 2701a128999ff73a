import { ActionIcon, AppShell, Burger, Group, Text } from '@mantine/core';
import { useDisclosure, useLocalStorage, useMediaQuery } from '@mantine/hooks';
import { IconBuildingStore, IconLayoutSidebarLeftCollapse, IconLayoutSidebarLeftExpand } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { HeaderBrand } from '../../src-ui/shell/HeaderBrand';
import { useContentReady } from '../pages/content/useContentReady';
import { useRoute } from '../router';
import { useSession } from '../session/context';
import { IdleLock } from './IdleLock';
import { NotificationBell } from './NotificationBell';
import { activeNav, PageRouter } from './PageRouter';
import { Sidebar } from './Sidebar';
import { UserMenu } from './UserMenu';

/** Below this width (a 1024 or 1280 px laptop) the sidebar shows only its icons, so the page gets the room. */
const COMPACT_BELOW = 1280;
const SIDEBAR_WIDTH = 248;
const SIDEBAR_COMPACT_WIDTH = 72;

/** The app frame: header with the shop and user menu, collapsible sidebar, and the current page. */
export function AppLayout() {
  const { t } = useTranslation();
  const { status } = useSession();
  const route = useRoute();
  const [mobileOpen, mobile] = useDisclosure(false);
  const [desktopOpen, setDesktopOpen] = useLocalStorage({ key: 'sma.sidebar-open', defaultValue: true });
  // The phone-sized drawer (under the `sm` breakpoint) always shows the labels.
  const compact = useMediaQuery(`(min-width: 48em) and (max-width: ${COMPACT_BELOW - 0.02}px)`, false, { getInitialValueInEffect: false });
  useContentReady();

  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: compact ? SIDEBAR_COMPACT_WIDTH : SIDEBAR_WIDTH, breakpoint: 'sm', collapsed: { mobile: !mobileOpen, desktop: !desktopOpen } }}
      padding="lg"
    >
      <IdleLock />
      <AppShell.Header px="md">
        <Group h="100%" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={mobileOpen} onClick={mobile.toggle} hiddenFrom="sm" size="sm" aria-label={t('nav.toggle')} />
            <ActionIcon
              variant="subtle"
              color="gray"
              size="lg"
              onClick={() => setDesktopOpen((open) => !open)}
              visibleFrom="sm"
              aria-label={t('nav.toggle')}
              data-testid="sidebar-toggle"
            >
              {desktopOpen ? <IconLayoutSidebarLeftCollapse size={22} stroke={1.6} /> : <IconLayoutSidebarLeftExpand size={22} stroke={1.6} />}
            </ActionIcon>
            <HeaderBrand>
              <Group gap={6} wrap="nowrap">
                <IconBuildingStore size={18} stroke={1.7} />
                <Text fw={600} truncate maw={380} data-testid="business-name">
                  {status.business?.name}
                </Text>
              </Group>
            </HeaderBrand>
          </Group>
          <Group gap="xs" wrap="nowrap">
            <NotificationBell />
            <UserMenu />
          </Group>
        </Group>
      </AppShell.Header>
      <Sidebar active={activeNav(route)} version={status.version} compact={compact} onNavigate={mobile.close} />
      <AppShell.Main bg="light-dark(var(--mantine-color-gray-0), var(--mantine-color-dark-8))">
        <div style={{ maxWidth: 1400, margin: '0 auto' }}>
          <PageRouter route={route} />
        </div>
      </AppShell.Main>
    </AppShell>
  );
}
