import { AppShell, Divider, NavLink, ScrollArea, Stack, Text, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { href } from '../router';
import { useCan } from '../session/usePermission';
import { navSections, type NavKey } from './nav';
import classes from '../../src-ui/shell/Sidebar.module.css';
import { SyncIndicator } from './SyncIndicator';

interface Props {
  active: NavKey;
  version: string;
  /** Icons only (a narrow laptop): each names itself in a tooltip and to screen readers. */
  compact: boolean;
  onNavigate: () => void;
}

export function Sidebar({ active, version, compact, onNavigate }: Props) {
  const { t } = useTranslation();
  const can = useCan();
  return (
    <AppShell.Navbar className={classes.navbar} p={compact ? 'xs' : 'sm'} data-compact={compact || undefined} aria-label={t('nav.label')}>
      <AppShell.Section grow component={ScrollArea} scrollbarSize={6}>
        <Stack gap={compact ? 'xs' : 'lg'} py="xs">
          {navSections.map((section, index) => (
            <Stack key={section.label} gap={2}>
              {compact ? (
                index > 0 && <Divider color="rgba(255, 255, 255, 0.12)" mb={6} />
              ) : (
                <Text className={classes.sectionLabel}>{t(`nav.${section.label}`)}</Text>
              )}
              {section.items
                .filter((item) => !item.requires || can(item.requires))
                .map((item) => {
                  const label = t(`nav.${item.key}`);
                  const link = (
                    <NavLink
                      key={item.key}
                      href={href(item.key)}
                      label={compact ? undefined : label}
                      aria-label={compact ? label : undefined}
                      leftSection={<item.icon size={item.parent && !compact ? 16 : 19} stroke={1.7} />}
                      active={active === item.key}
                      className={compact ? `${classes.link} ${classes.iconLink}` : classes.link}
                      data-sub={item.parent && !compact ? 'true' : undefined}
                      data-testid={`nav-${item.key}`}
                      onClick={onNavigate}
                    />
                  );
                  return compact ? (
                    <Tooltip key={item.key} label={label} position="right" withArrow openDelay={150}>
                      {link}
                    </Tooltip>
                  ) : (
                    link
                  );
                })}
            </Stack>
          ))}
        </Stack>
      </AppShell.Section>
      <AppShell.Section>
        <SyncIndicator compact={compact} />
        <Text className={classes.version} ta={compact ? 'center' : undefined}>
          v{version}
        </Text>
      </AppShell.Section>
    </AppShell.Navbar>
  );
}
