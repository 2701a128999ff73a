import { ActionIcon, Badge, Button, Card, Grid, Group, Skeleton, Stack, Table, Text, Textarea, TextInput, Title } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { assistantPath, type PromptVersionView } from '../../../../src-shared/cloud/assistant-schemas';
import { api } from '../../api/client';
import { ErrorState } from '../../components/ErrorState';
import { notifySuccess } from '../../components/notify';
import { when } from '../../format';
import { useSession } from '../../session';
import { assistantKey, usePrompts } from './queries';
import { TitledCard } from '../../components/TitledCard';

const versionResponse = z.object({ version: z.number() });

interface Draft {
  basePrompt: string;
  businessProfile: string;
  rules: string;
  escalationCriteria: string;
  faq: { question: string; answer: string }[];
}
const draftOf = (v: PromptVersionView): Draft => ({
  basePrompt: v.basePrompt,
  businessProfile: v.businessProfile,
  rules: v.rules,
  escalationCriteria: v.escalationCriteria,
  faq: v.faq,
});

/** The prompt's parts: each save is a new version with who saved it; any older version can be loaded and saved again. */
export function PromptsPanel({ businessId }: { businessId: string }) {
  const prompts = usePrompts(businessId);
  if (prompts.isError) return <ErrorState error={prompts.error} onRetry={() => void prompts.refetch()} />;
  if (prompts.isPending) return <Skeleton height={400} />;
  // Keyed by the version in use: a save (a new version) starts the form again from it.
  return <PromptsForm key={prompts.data.current.version} businessId={businessId} current={prompts.data.current} versions={prompts.data.versions} />;
}

function PromptsForm({ businessId, current, versions }: { businessId: string; current: PromptVersionView; versions: PromptVersionView[] }) {
  const { t } = useTranslation();
  const { canWrite } = useSession();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<Draft>(() => draftOf(current));
  const [touched, setTouched] = useState(false);
  const save = useMutation({
    mutationFn: () => {
      // FAQ rows left blank are not FAQ answers.
      const faq = draft.faq.map((f) => ({ question: f.question.trim(), answer: f.answer.trim() })).filter((f) => f.question || f.answer);
      return api('POST', assistantPath('prompts', { id: businessId }), versionResponse, { ...draft, faq });
    },
    onSuccess: (result) => {
      notifySuccess(t('assistant.prompts.saved', { version: result.version }));
      void queryClient.invalidateQueries({ queryKey: assistantKey(businessId) });
    },
  });
  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));
  const baseMissing = touched && !draft.basePrompt.trim();

  return (
    <Grid gap="lg">
      <Grid.Col span={{ base: 12, xl: 8 }}>
        <Card>
          <Group justify="space-between" mb="sm">
            <Title order={2} size="h4">
              {current.version === 0 ? t('assistant.prompts.builtIn') : t('assistant.prompts.current', { version: current.version })}
            </Title>
          </Group>
          <Stack gap="sm">
            <Textarea
              label={t('assistant.prompts.basePrompt')}
              value={draft.basePrompt}
              onChange={(e) => set({ basePrompt: e.currentTarget.value })}
              autosize
              minRows={3}
              maxRows={10}
              readOnly={!canWrite}
              error={baseMissing ? t('assistant.prompts.required') : undefined}
              data-testid="prompt-base"
            />
            <Textarea
              label={t('assistant.prompts.businessProfile')}
              value={draft.businessProfile}
              onChange={(e) => set({ businessProfile: e.currentTarget.value })}
              autosize
              minRows={2}
              maxRows={8}
              readOnly={!canWrite}
            />
            <Textarea
              label={t('assistant.prompts.rules')}
              value={draft.rules}
              onChange={(e) => set({ rules: e.currentTarget.value })}
              autosize
              minRows={3}
              maxRows={10}
              readOnly={!canWrite}
              data-testid="prompt-rules"
            />
            <Textarea
              label={t('assistant.prompts.escalationCriteria')}
              value={draft.escalationCriteria}
              onChange={(e) => set({ escalationCriteria: e.currentTarget.value })}
              autosize
              minRows={2}
              maxRows={8}
              readOnly={!canWrite}
              data-testid="prompt-escalation"
            />
            <Text fw={600} size="sm">
              {t('assistant.prompts.faq')}
            </Text>
            {draft.faq.map((f, i) => (
              <Group key={i} align="flex-start" gap="xs" wrap="nowrap" data-testid="faq-row">
                <TextInput
                  aria-label={t('assistant.prompts.question')}
                  placeholder={t('assistant.prompts.question')}
                  value={f.question}
                  onChange={(e) => {
                    const question = e.currentTarget.value;
                    set({ faq: draft.faq.map((x, j) => (j === i ? { ...x, question } : x)) });
                  }}
                  style={{ flex: 1 }}
                  readOnly={!canWrite}
                />
                <Textarea
                  aria-label={t('assistant.prompts.answer')}
                  placeholder={t('assistant.prompts.answer')}
                  value={f.answer}
                  onChange={(e) => {
                    const answer = e.currentTarget.value;
                    set({ faq: draft.faq.map((x, j) => (j === i ? { ...x, answer } : x)) });
                  }}
                  autosize
                  minRows={1}
                  style={{ flex: 2 }}
                  readOnly={!canWrite}
                />
                {canWrite && (
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    aria-label={t('assistant.prompts.removeFaq')}
                    onClick={() => set({ faq: draft.faq.filter((_, j) => j !== i) })}
                    mt={4}
                  >
                    <IconTrash size={16} />
                  </ActionIcon>
                )}
              </Group>
            ))}
            {canWrite && (
              <Group justify="space-between">
                <Button
                  variant="subtle"
                  leftSection={<IconPlus size={16} />}
                  onClick={() => set({ faq: [...draft.faq, { question: '', answer: '' }] })}
                  data-testid="faq-add"
                >
                  {t('assistant.prompts.addFaq')}
                </Button>
                <Button
                  loading={save.isPending}
                  onClick={() => {
                    setTouched(true);
                    if (draft.basePrompt.trim()) save.mutate();
                  }}
                  data-testid="prompt-save"
                >
                  {t('assistant.prompts.save')}
                </Button>
              </Group>
            )}
          </Stack>
        </Card>
      </Grid.Col>
      <Grid.Col span={{ base: 12, xl: 4 }}>
        <TitledCard title={t('assistant.prompts.versions')} empty={versions.length === 0 && t('assistant.prompts.noVersions')}>
          <Table verticalSpacing={6} data-testid="prompt-versions">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('assistant.prompts.version')}</Table.Th>
                <Table.Th>{t('assistant.prompts.by')}</Table.Th>
                <Table.Th>{t('assistant.prompts.at')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {versions.map((v) => (
                <Table.Tr key={v.version} data-testid="prompt-version" data-version={v.version}>
                  <Table.Td>
                    <Badge variant={v.version === current.version ? 'filled' : 'light'}>v{v.version}</Badge>
                  </Table.Td>
                  <Table.Td>{v.createdBy ?? t('common.none')}</Table.Td>
                  <Table.Td className="sma-num">{when(v.createdAt, '')}</Table.Td>
                  <Table.Td>
                    <Button size="compact-xs" variant="subtle" onClick={() => setDraft(draftOf(v))}>
                      {t('assistant.prompts.load')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </TitledCard>
      </Grid.Col>
    </Grid>
  );
}
