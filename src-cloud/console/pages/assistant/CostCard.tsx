// The month's AI cost card beside the assistant's settings: the assistant's and the laptop's spend
// against the shop's quota, and a warning when the chosen model has no price.
import { Alert, Group, Progress, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Money } from '../../../../src-ui/components/Money';
import { formatCount } from '../../format';
import type { useAssistantSettings } from './queries';
import { TitledCard } from '../../components/TitledCard';

type Spend = NonNullable<ReturnType<typeof useAssistantSettings>['data']>['spend'];

export function CostCard({ spend, model }: { spend: Spend; model: string | null }) {
  const { t } = useTranslation();
  const used = spend.assistantCost + spend.laptopCost;
  return (
    <TitledCard title={t('assistant.cost.title')} data-testid="assistant-cost">
      <Stack gap="xs">
        <Group justify="space-between">
          <Text size="sm">{t('assistant.cost.assistant')}</Text>
          <Text size="sm" className="sma-num" data-testid="cost-assistant">
            <Money amount={Math.round(spend.assistantCost)} />
          </Text>
        </Group>
        <Text size="xs" c="dimmed">
          {t('assistant.cost.tokens', { tokens: formatCount(spend.tokens) })}
        </Text>
        <Group justify="space-between">
          <Text size="sm">{t('assistant.cost.laptop')}</Text>
          <Text size="sm" className="sma-num">
            <Money amount={Math.round(spend.laptopCost)} />
          </Text>
        </Group>
        <Group justify="space-between">
          <Text fw={700}>{t('assistant.cost.used')}</Text>
          <Text fw={700} className="sma-num" data-testid="cost-used">
            <Money amount={Math.round(used)} /> / {spend.quota === null ? t('assistant.cost.noQuota') : <Money amount={spend.quota} />}
          </Text>
        </Group>
        {spend.quota !== null && (
          <Progress.Root>
            <Progress.Section
              value={spend.quota === 0 ? 100 : Math.min(100, (used / spend.quota) * 100)}
              color={spend.spent ? 'red' : used / Math.max(spend.quota, 1) > 0.8 ? 'orange' : 'teal'}
              aria-label={t('assistant.cost.used')}
            />
          </Progress.Root>
        )}
        {spend.spent && (
          <Alert color="red" variant="light" data-testid="cost-spent">
            {t('assistant.cost.spent')}
          </Alert>
        )}
        {model && !spend.priced && (
          <Text size="xs" c="red.9" data-testid="cost-unpriced">
            {t('assistant.cost.unpriced', { model })}
          </Text>
        )}
        <Text size="xs" c="dimmed">
          {t('assistant.cost.quotaHint')}
        </Text>
      </Stack>
    </TitledCard>
  );
}
