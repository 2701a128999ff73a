import { AppShell, NavLink, ScrollArea, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { href } from '../router';
import { useCan } from '../session/usePermission';
import { navSections, type NavKey } from './nav';
import classes from './Sidebar.module.css';

interface Props {
  active: NavKey;
  version: string;
  onNavigate: () => void;
}

export function Sidebar({ active, version, onNavigate }: Props) {
  const { t } = useTranslation();
  const can = useCan();
  return (
    <AppShell.Navbar className={classes.navbar} p="sm">
      <AppShell.Section grow component={ScrollArea} scrollbarSize={6}>
        <Stack gap="lg" py="xs">
          {navSections.map((section) => (
            <Stack key={section.label} gap={2}>
              <Text className={classes.sectionLabel}>{t(`nav.${section.label}`)}</Text>
              {section.items
                .filter((item) => !item.requires || can(item.requires))
                .map((item) => (
                  <NavLink
                    key={item.key}
                    href={href(item.key)}
                    label={t(`nav.${item.key}`)}
                    leftSection={<item.icon size={item.parent ? 16 : 19} stroke={1.7} />}
                    active={active === item.key}
                    className={classes.link}
                    data-sub={item.parent ? 'true' : undefined}
                    data-testid={`nav-${item.key}`}
                    onClick={onNavigate}
                  />
                ))}
            </Stack>
          ))}
        </Stack>
      </AppShell.Section>
      <AppShell.Section>
        <Text className={classes.version}>v{version}</Text>
      </AppShell.Section>
    </AppShell.Navbar>
  );
}
