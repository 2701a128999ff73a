import { Badge, Code, Group, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { GenerateOutput } from '../../../src-shared/schemas/content';

/** The exact prompt sent (or that would be sent) to the provider, so the owner can see what it was told. */
export function PromptModal({ opened, prompt, onClose }: { opened: boolean; prompt: GenerateOutput['prompt']; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t('content.prompt.title')} size="xl">
      <Stack gap="md" data-testid="prompt-modal">
        <Group gap="sm">
          <Badge variant="light" tt="none" data-testid="prompt-version">
            {t('content.prompt.version', { n: prompt.version })}
          </Badge>
          <Text size="xs" c="dimmed" ff="monospace" title={prompt.hash}>
            {t('content.prompt.hash', { hash: prompt.hash.slice(0, 12) })}
          </Text>
        </Group>
        <Text size="sm" c="dimmed">
          {t('content.prompt.hint')}
        </Text>
        <Stack gap={4}>
          <Text fw={600} size="sm">
            {t('content.prompt.system')}
          </Text>
          <Code block style={{ whiteSpace: 'pre-wrap' }} data-testid="prompt-system">
            {prompt.system}
          </Code>
        </Stack>
        <Stack gap={4}>
          <Text fw={600} size="sm">
            {t('content.prompt.user')}
          </Text>
          <Code block style={{ whiteSpace: 'pre-wrap' }} data-testid="prompt-user">
            {prompt.user}
          </Code>
        </Stack>
      </Stack>
    </Modal>
  );
}
