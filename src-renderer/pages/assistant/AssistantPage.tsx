import { Tabs } from '@mantine/core';
import { IconChartBar, IconMessages } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';
import { navigate } from '../../router';
import { AnalyticsTab } from './AnalyticsTab';
import { ConversationsTab } from './ConversationsTab';
import { TranscriptPage } from './TranscriptPage';

/**
 * "Asisten WhatsApp": the shop's chats with the cloud's assistant and its analytics (issue 23).
 * `#/assistant`, `#/assistant/analytics`, `#/assistant/chat/<id>` (one transcript).
 */
export function AssistantPage({ tab, sub }: { tab?: string; sub?: string }) {
  const { t } = useTranslation();
  if (tab === 'chat' && sub) return <TranscriptPage id={sub} />;
  const active = tab === 'analytics' ? 'analytics' : 'conversations';
  return (
    <>
      <PageHeader title={t('nav.assistant')} subtitle={t('assistant.subtitle')} />
      <Tabs value={active} onChange={(next) => navigate('assistant', ...(next === 'analytics' ? ['analytics'] : []))} keepMounted={false}>
        <Tabs.List mb="lg">
          <Tabs.Tab value="conversations" leftSection={<IconMessages size={16} />} data-testid="assistant-tab-conversations">
            {t('assistant.tabs.conversations')}
          </Tabs.Tab>
          <Tabs.Tab value="analytics" leftSection={<IconChartBar size={16} />} data-testid="assistant-tab-analytics">
            {t('assistant.tabs.analytics')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="conversations">
          <ConversationsTab />
        </Tabs.Panel>
        <Tabs.Panel value="analytics">
          <AnalyticsTab />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
