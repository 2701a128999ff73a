import { Tabs } from '@mantine/core';
import { IconChartBar, IconLibrary, IconSparkles, IconTargetArrow } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';
import { navigate } from '../../router';
import { useCan } from '../../session/usePermission';
import { CampaignDetail } from './CampaignDetail';
import { CampaignsTab } from './CampaignsTab';
import { GenerateTab } from './GenerateTab';
import { LibraryTab } from './LibraryTab';
import { SendPage } from './SendPage';
import { UsageTab } from './UsageTab';

const TABS = ['generate', 'library', 'campaigns', 'usage'] as const;
type Tab = (typeof TABS)[number];

/**
 * `#/content/<tab>`; `#/content/campaigns/<id>` a campaign's report; `#/content/send?…` the
 * personalise-and-send view for a message and its recipients.
 */
export function ContentPage({ tab, sub, query }: { tab: string | undefined; sub: string | undefined; query: URLSearchParams }) {
  const { t } = useTranslation();
  const can = useCan();
  if (tab === 'send') return <SendPage key={query.toString()} query={query} />;
  if (tab === 'campaigns' && sub) return <CampaignDetail key={sub} id={sub} />;

  // Staff may use the library and send, but generating and the usage figures cost money.
  const visible = TABS.filter((key) => (key === 'generate' ? can('content.generate') : key === 'usage' ? can('content.usage') : true));
  const active: Tab = visible.includes(tab as Tab) ? (tab as Tab) : visible[0];
  const icons = { generate: IconSparkles, library: IconLibrary, campaigns: IconTargetArrow, usage: IconChartBar };

  return (
    <>
      <PageHeader title={t('content.title')} subtitle={t('content.subtitle')} />
      <Tabs value={active} onChange={(value) => value && navigate('content', value)} keepMounted={false}>
        <Tabs.List mb="lg">
          {visible.map((key) => {
            const TabIcon = icons[key];
            return (
              <Tabs.Tab key={key} value={key} leftSection={<TabIcon size={16} />} data-testid={`content-tab-${key}`}>
                {t(`content.tabs.${key}`)}
              </Tabs.Tab>
            );
          })}
        </Tabs.List>
        {visible.map((key) => (
          <Tabs.Panel key={key} value={key}>
            {key === 'generate' && <GenerateTab />}
            {key === 'library' && <LibraryTab />}
            {key === 'campaigns' && <CampaignsTab />}
            {key === 'usage' && <UsageTab />}
          </Tabs.Panel>
        ))}
      </Tabs>
    </>
  );
}
