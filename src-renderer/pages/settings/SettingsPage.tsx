import { Tabs } from '@mantine/core';
import {
  IconAddressBook,
  IconBuildingStore,
  IconChartPie,
  IconCloud,
  IconGift,
  IconPalette,
  IconShieldLock,
  IconSparkles,
  IconTarget,
  IconUsersGroup,
} from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';
import { navigate } from '../../router';
import { useCan } from '../../session/usePermission';
import { AiTab } from './AiTab';
import { AppearanceTab } from './AppearanceTab';
import { BusinessTab } from './BusinessTab';
import { LeadsTab } from './LeadsTab';
import { LoyaltyTab } from '../loyalty/LoyaltyTab';
import { RfmTab } from './RfmTab';
import { SecurityTab } from './SecurityTab';
import { SyncTab } from './SyncTab';
import { TargetsTab } from './TargetsTab';
import { UsersTab } from './UsersTab';

const TABS = ['business', 'rfm', 'targets', 'leads', 'loyalty', 'ai', 'security', 'users', 'sync', 'appearance'] as const;
type Tab = (typeof TABS)[number];

/** `#/settings/<tab>`: the tab is in the address so a reload or a link lands on it. */
export function SettingsPage({ tab }: { tab: string | undefined }) {
  const { t } = useTranslation();
  const can = useCan();
  const showUsers = can('users.list');
  // Sync is the owner's: enrolling, pausing and leaving the cloud (the shell shows its status to all).
  const showSync = can('sync.enrol');
  // The pipeline's stages and channels are the owner's and managers' to shape.
  const showLeads = can('leads.saveStages');
  const visible = TABS.filter((key) => (key !== 'users' || showUsers) && (key !== 'sync' || showSync) && (key !== 'leads' || showLeads));
  const active: Tab = visible.includes(tab as Tab) ? (tab as Tab) : 'business';

  return (
    <>
      <PageHeader title={t('settings.title')} subtitle={t('settings.subtitle')} />
      <Tabs value={active} onChange={(value) => value && navigate('settings', value)} keepMounted={false}>
        <Tabs.List mb="lg">
          <Tabs.Tab value="business" leftSection={<IconBuildingStore size={16} />} data-testid="settings-tab-business">
            {t('settings.tabBusiness')}
          </Tabs.Tab>
          <Tabs.Tab value="rfm" leftSection={<IconChartPie size={16} />} data-testid="settings-tab-rfm">
            {t('rfmSettings.tab')}
          </Tabs.Tab>
          <Tabs.Tab value="targets" leftSection={<IconTarget size={16} />} data-testid="settings-tab-targets">
            {t('targets.tab')}
          </Tabs.Tab>
          {showLeads && (
            <Tabs.Tab value="leads" leftSection={<IconAddressBook size={16} />} data-testid="settings-tab-leads">
              {t('leadSettings.tab')}
            </Tabs.Tab>
          )}
          <Tabs.Tab value="loyalty" leftSection={<IconGift size={16} />} data-testid="settings-tab-loyalty">
            {t('loyalty.tab')}
          </Tabs.Tab>
          <Tabs.Tab value="ai" leftSection={<IconSparkles size={16} />} data-testid="settings-tab-ai">
            {t('aiSettings.tab')}
          </Tabs.Tab>
          <Tabs.Tab value="security" leftSection={<IconShieldLock size={16} />} data-testid="settings-tab-security">
            {t('settings.tabSecurity')}
          </Tabs.Tab>
          {showUsers && (
            <Tabs.Tab value="users" leftSection={<IconUsersGroup size={16} />} data-testid="settings-tab-users">
              {t('settings.tabUsers')}
            </Tabs.Tab>
          )}
          {showSync && (
            <Tabs.Tab value="sync" leftSection={<IconCloud size={16} />} data-testid="settings-tab-sync">
              {t('sync.tab')}
            </Tabs.Tab>
          )}
          <Tabs.Tab value="appearance" leftSection={<IconPalette size={16} />} data-testid="settings-tab-appearance">
            {t('settings.tabAppearance')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="business">
          <BusinessTab />
        </Tabs.Panel>
        <Tabs.Panel value="rfm">
          <RfmTab />
        </Tabs.Panel>
        <Tabs.Panel value="targets">
          <TargetsTab />
        </Tabs.Panel>
        {showLeads && (
          <Tabs.Panel value="leads">
            <LeadsTab />
          </Tabs.Panel>
        )}
        <Tabs.Panel value="loyalty">
          <LoyaltyTab />
        </Tabs.Panel>
        <Tabs.Panel value="ai">
          <AiTab />
        </Tabs.Panel>
        <Tabs.Panel value="security">
          <SecurityTab />
        </Tabs.Panel>
        {showUsers && (
          <Tabs.Panel value="users">
            <UsersTab />
          </Tabs.Panel>
        )}
        {showSync && (
          <Tabs.Panel value="sync">
            <SyncTab />
          </Tabs.Panel>
        )}
        <Tabs.Panel value="appearance">
          <AppearanceTab />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
