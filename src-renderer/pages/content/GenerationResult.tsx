import { Alert, Badge, Button, Card, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconClockPause, IconFileText, IconInfoCircle, IconRefresh, IconSparkles, IconDatabase, IconTemplate } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../src-shared/format/date';
import { SegmentBadge } from '../../components/rfm/SegmentBadge';
import type { Generation } from './generationStore';
import { generationStore } from './generationStore';
import { PromptModal } from './PromptModal';
import { formatCost } from './usageFormat';
import { VariantCard } from './VariantCard';

const whole = new Intl.NumberFormat('id-ID');
const seconds = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 1 });

const SOURCE = {
  ai: { color: 'teal', icon: IconSparkles },
  cache: { color: 'blue', icon: IconDatabase },
  template: { color: 'yellow', icon: IconTemplate },
} as const;

interface Props {
  generation: Generation;
  regenerating: boolean;
  onRegenerate: () => void;
}

/** Where the variants came from (and why, when templates stood in), the prompt, and the cards. */
export function GenerationResult({ generation, regenerating, onRegenerate }: Props) {
  const { t } = useTranslation();
  const [promptOpen, setPromptOpen] = useState(false);
  const { result, request } = generation;
  const first = result.variants[0];
  const source = SOURCE[result.source];
  const SourceIcon = source.icon;

  return (
    <Stack gap="md" data-testid="content-result">
      <Card py="sm">
        <Group justify="space-between" wrap="wrap" gap="sm">
          <Group gap="sm" wrap="wrap">
            <SegmentBadge segment={request.segment} size="lg" />
            <Badge size="lg" variant="light" color="gray" tt="none">
              {t(`content.channel.${request.channel}`)}
            </Badge>
            <Badge
              size="lg"
              color={source.color}
              variant="light"
              tt="none"
              leftSection={<SourceIcon size={14} />}
              data-testid="content-source"
              data-source={result.source}
            >
              {t(`content.source.${result.source}`)}
            </Badge>
            {result.queuedId && (
              <Badge size="lg" color="orange" variant="outline" tt="none" leftSection={<IconClockPause size={14} />} data-testid="content-queued">
                {t('content.result.queued')}
              </Badge>
            )}
            {first && result.source === 'ai' && (
              <Text size="sm" c="dimmed" className="sma-num" data-testid="content-figures">
                {t('content.result.figures', {
                  model: first.model ?? '',
                  tokens: whole.format(first.promptTokens + first.completionTokens),
                  cost: formatCost(first.cost),
                  seconds: seconds.format(first.latencyMs / 1000),
                })}
              </Text>
            )}
            {first && result.source === 'cache' && (
              <Text size="sm" c="dimmed">
                {t('content.result.cachedAt', { at: formatDateTime(first.createdAt), user: first.userName ?? '—' })}
              </Text>
            )}
          </Group>
          <Group gap="xs">
            <Button variant="default" size="xs" leftSection={<IconFileText size={14} />} onClick={() => setPromptOpen(true)} data-testid="content-show-prompt">
              {t('content.result.showPrompt')}
            </Button>
            <Button
              variant="light"
              size="xs"
              leftSection={<IconRefresh size={14} />}
              loading={regenerating}
              onClick={onRegenerate}
              data-testid="content-regenerate"
            >
              {t('content.result.regenerate')}
            </Button>
          </Group>
        </Group>
      </Card>
      {result.notice && (
        <Alert
          color={result.queuedId ? 'orange' : 'yellow'}
          icon={<IconInfoCircle size={18} />}
          title={t('content.result.templatesTitle')}
          data-testid="content-notice"
        >
          {result.notice}
        </Alert>
      )}
      {result.variants.length === 0 ? (
        <Text c="dimmed" size="sm">
          {t('content.result.allDeleted')}
        </Text>
      ) : (
        <SimpleGrid cols={{ base: 1, md: 2, xl: 3 }} spacing="md">
          {result.variants.map((row) => (
            <VariantCard key={row.id} row={row} onChanged={generationStore.replace} onDeleted={generationStore.remove} />
          ))}
        </SimpleGrid>
      )}
      <PromptModal opened={promptOpen} prompt={result.prompt} onClose={() => setPromptOpen(false)} />
    </Stack>
  );
}
