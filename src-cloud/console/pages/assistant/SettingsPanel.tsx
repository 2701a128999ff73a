import { Alert, Grid, Skeleton, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../components/ErrorState';
import { CostCard } from './CostCard';
import { useAssistantSettings } from './queries';
import { SettingsForm } from './SettingsForm';

/** The assistant's settings (secrets written, never read back) and this month's AI cost against the quota. */
export function SettingsPanel({ businessId }: { businessId: string }) {
  const { t } = useTranslation();
  const settings = useAssistantSettings(businessId);
  if (settings.isError) return <ErrorState error={settings.error} onRetry={() => void settings.refetch()} />;
  if (settings.isPending) return <Skeleton height={400} />;
  const { settings: current, spend, webhookPath, cloudApiWebhookPath } = settings.data;
  return (
    <Grid gap="lg">
      <Grid.Col span={{ base: 12, xl: 8 }}>
        <Stack>
          {!current && (
            <Alert color="orange" variant="light">
              {t('assistant.notSetUp')}
            </Alert>
          )}
          <SettingsForm
            key={current?.updatedAt ?? 'new'}
            businessId={businessId}
            current={current}
            webhookUrl={`${window.location.origin}${webhookPath}`}
            cloudApiWebhookUrl={`${window.location.origin}${cloudApiWebhookPath}`}
          />
        </Stack>
      </Grid.Col>
      <Grid.Col span={{ base: 12, xl: 4 }}>
        <CostCard spend={spend} model={current?.modelName ?? null} />
      </Grid.Col>
    </Grid>
  );
}
