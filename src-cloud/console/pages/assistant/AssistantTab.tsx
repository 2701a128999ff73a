import { Alert, SegmentedControl, Skeleton, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../components/ErrorState';
import { navigate, useRoute } from '../../router';
import { AnalyticsPanel } from './AnalyticsPanel';
import { ConversationsPanel } from './ConversationsPanel';
import { HandoverQueue } from './HandoverQueue';
import { PromptsPanel } from './PromptsPanel';
import { notOnServer, useAssistantSettings, useHandovers } from './queries';
import { SettingsPanel } from './SettingsPanel';

const VIEWS = ['conversations', 'handovers', 'analytics', 'prompts', 'settings'] as const;
type View = (typeof VIEWS)[number];

/** A shop's WhatsApp assistant: its conversations, the handover queue, analytics, prompt and settings. */
export function AssistantTab({ businessId }: { businessId: string }) {
  const { t } = useTranslation();
  const route = useRoute();
  const asked = route.query.get('view') ?? '';
  const settings = useAssistantSettings(businessId);
  const queue = useHandovers(businessId);
  if (settings.isError)
    return notOnServer(settings.error) ? (
      <Alert color="gray" variant="light">
        {t('assistant.notOnServer')}
      </Alert>
    ) : (
      <ErrorState error={settings.error} onRetry={() => void settings.refetch()} />
    );
  if (settings.isPending) return <Skeleton height={300} />;
  // A shop without settings opens on them: nothing else can exist yet.
  const view: View = (VIEWS as readonly string[]).includes(asked) ? (asked as View) : settings.data.settings ? 'conversations' : 'settings';
  const open = queue.data?.handovers.length ?? 0;

  return (
    <Stack gap="md">
      <SegmentedControl
        value={view}
        onChange={(value) => navigate(`/businesses/${businessId}?tab=assistant&view=${value}`, { replace: true })}
        data={VIEWS.map((v) => ({ value: v, label: v === 'handovers' && open > 0 ? `${t(`assistant.views.${v}`)} (${open})` : t(`assistant.views.${v}`) }))}
        data-testid="assistant-views"
        style={{ alignSelf: 'flex-start' }}
      />
      {view === 'conversations' && <ConversationsPanel businessId={businessId} />}
      {view === 'handovers' && <HandoverQueue businessId={businessId} />}
      {view === 'analytics' && <AnalyticsPanel businessId={businessId} />}
      {view === 'prompts' && <PromptsPanel businessId={businessId} />}
      {view === 'settings' && <SettingsPanel businessId={businessId} />}
    </Stack>
  );
}
