import { Badge, Button, Card, Group, Select, SimpleGrid, Skeleton, Stack, Table, Text, TextInput, Textarea, Title } from '@mantine/core';
import { IconSpeakerphone } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ADMIN_PATHS } from '../../../src-shared/cloud/admin-api';
import { announcementsResponse, pushdownResponse, settingsResponse, type RfmDefaults } from '../../../src-shared/cloud/admin-pushdown-api';
import { cellsFromGrid, DEFAULT_EDGES, DEFAULT_SEGMENT_GRID } from '../../../src-shared/rfm/rules';
import { api } from '../api/client';
import { EmptyList } from '../../../src-renderer/components/EmptyList';
import { ErrorState } from '../components/ErrorState';
import { notifySuccess } from '../components/notify';
import { PageHeader } from '../../../src-renderer/components/PageHeader';
import { when } from '../format';
import { useSession } from '../session';
import { useBusinesses } from './BusinessesPage';

type Measure = keyof RfmDefaults['edges'];
const MEASURES: Measure[] = ['recencyDays', 'frequency', 'monetary'];
const LABEL: Record<Measure, 'recency' | 'frequency' | 'monetary'> = { recencyDays: 'recency', frequency: 'frequency', monetary: 'monetary' };

/** `30, 60, 90, 180` → four ascending numbers, or null. Dots group thousands as people type rupiah. */
function parseEdges(text: string): number[] | null {
  const values = text.split(',').map((part) => Number(part.trim().replaceAll('.', '')));
  if (values.length !== 4 || values.some((v) => !Number.isFinite(v) || v < 0)) return null;
  return values.every((v, i) => i === 0 || v > values[i - 1]) ? values : null;
}

function RfmDefaultsCard({ current, version }: { current: RfmDefaults | null; version: number | null }) {
  const { t } = useTranslation();
  const { canWrite } = useSession();
  const queryClient = useQueryClient();
  const start = current?.edges ?? DEFAULT_EDGES;
  const [texts, setTexts] = useState<Record<Measure, string>>(
    () => Object.fromEntries(MEASURES.map((m) => [m, start[m].join(', ')])) as Record<Measure, string>,
  );
  const [touched, setTouched] = useState(false);
  const parsed = Object.fromEntries(MEASURES.map((m) => [m, parseEdges(texts[m])])) as Record<Measure, number[] | null>;
  const send = useMutation({
    mutationFn: () =>
      api('PUT', ADMIN_PATHS.rfmDefaults, pushdownResponse, {
        edges: { recencyDays: parsed.recencyDays, frequency: parsed.frequency, monetary: parsed.monetary },
        segmentCells: current?.segmentCells ?? cellsFromGrid(DEFAULT_SEGMENT_GRID),
      }),
    onSuccess: async () => {
      notifySuccess(t('settings.rfm.sent'));
      await queryClient.invalidateQueries({ queryKey: ['settings'] });
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (MEASURES.some((m) => !parsed[m])) return;
    send.mutate();
  };
  return (
    <Card>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Group justify="space-between">
            <Title order={2} size="h4">
              {t('settings.rfm.title')}
            </Title>
            {version !== null && <Badge variant="light">{t('settings.rfm.version', { version })}</Badge>}
          </Group>
          {!current && (
            <Text size="sm" c="dimmed">
              {t('settings.rfm.none')}
            </Text>
          )}
          <SimpleGrid cols={{ base: 1, md: 3 }}>
            {MEASURES.map((m) => (
              <TextInput
                key={m}
                label={t(`settings.rfm.${LABEL[m]}`)}
                description={t('settings.rfm.edgesHint')}
                value={texts[m]}
                onChange={(e) => setTexts({ ...texts, [m]: e.currentTarget.value })}
                readOnly={!canWrite}
                error={touched && !parsed[m] ? t('settings.rfm.invalid') : undefined}
              />
            ))}
          </SimpleGrid>
          {canWrite && (
            <Group justify="flex-end">
              <Button type="submit" loading={send.isPending}>
                {t('settings.rfm.send')}
              </Button>
            </Group>
          )}
        </Stack>
      </form>
    </Card>
  );
}

function AnnouncementsCard() {
  const { t } = useTranslation();
  const { canWrite } = useSession();
  const queryClient = useQueryClient();
  const list = useQuery({ queryKey: ['announcements'], queryFn: () => api('GET', ADMIN_PATHS.announcements, announcementsResponse) });
  const businesses = useBusinesses();
  const [target, setTarget] = useState<string>('all');
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [touched, setTouched] = useState(false);
  const send = useMutation({
    mutationFn: () =>
      api('POST', ADMIN_PATHS.announcements, pushdownResponse, { businessId: target === 'all' ? null : target, title: title.trim(), body: body.trim() }),
    onSuccess: async () => {
      notifySuccess(t('settings.announcements.sent'));
      setTitle('');
      setBody('');
      setTouched(false);
      await queryClient.invalidateQueries({ queryKey: ['announcements'] });
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (!title.trim() || !body.trim()) return;
    send.mutate();
  };
  const items = list.data?.announcements ?? [];
  return (
    <Card>
      <Stack gap="md">
        <Title order={2} size="h4">
          {t('settings.announcements.title')}
        </Title>
        {canWrite && (
          <form onSubmit={submit} noValidate>
            <Stack gap="sm">
              <Select
                label={t('settings.announcements.target')}
                data={[
                  { value: 'all', label: t('settings.announcements.everyone') },
                  ...(businesses.data?.businesses ?? []).map((b) => ({ value: b.id, label: b.name })),
                ]}
                value={target}
                onChange={(value) => setTarget(value ?? 'all')}
                allowDeselect={false}
                searchable
              />
              <TextInput
                label={t('settings.announcements.titleLabel')}
                value={title}
                onChange={(e) => setTitle(e.currentTarget.value)}
                maxLength={200}
                required
                error={touched && !title.trim() ? t('login.required') : undefined}
              />
              <Textarea
                label={t('settings.announcements.body')}
                value={body}
                onChange={(e) => setBody(e.currentTarget.value)}
                maxLength={4000}
                autosize
                minRows={3}
                required
                error={touched && !body.trim() ? t('login.required') : undefined}
              />
              <Group justify="flex-end">
                <Button type="submit" loading={send.isPending}>
                  {t('settings.announcements.send')}
                </Button>
              </Group>
            </Stack>
          </form>
        )}
        {list.isError ? (
          <ErrorState error={list.error} onRetry={() => void list.refetch()} />
        ) : list.isPending ? (
          <Skeleton height={80} />
        ) : items.length === 0 ? (
          <EmptyList icon={IconSpeakerphone} title={t('settings.announcements.title')} description={t('settings.announcements.empty')} />
        ) : (
          <Table verticalSpacing={6}>
            <Table.Tbody>
              {items.map((a) => (
                <Table.Tr key={a.version}>
                  <Table.Td className="sma-num" style={{ verticalAlign: 'top' }}>
                    {when(a.createdAt, '')}
                  </Table.Td>
                  <Table.Td style={{ verticalAlign: 'top' }}>{a.businessName ?? t('settings.announcements.everyone')}</Table.Td>
                  <Table.Td>
                    <Text fw={600} size="sm">
                      {a.title}
                    </Text>
                    <Text size="sm" c="dimmed" style={{ whiteSpace: 'pre-wrap' }}>
                      {a.body}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </Card>
  );
}

/** What the cloud sends down to every laptop: default RFM thresholds and announcements. */
export function SettingsPage() {
  const { t } = useTranslation();
  const settings = useQuery({ queryKey: ['settings'], queryFn: () => api('GET', ADMIN_PATHS.settings, settingsResponse) });
  return (
    <>
      <PageHeader title={t('settings.title')} subtitle={t('settings.subtitle')} />
      <Stack gap="lg">
        {settings.isError ? (
          <ErrorState error={settings.error} onRetry={() => void settings.refetch()} />
        ) : settings.data ? (
          <RfmDefaultsCard key={settings.data.rfmDefaultsVersion ?? 0} current={settings.data.rfmDefaults} version={settings.data.rfmDefaultsVersion} />
        ) : (
          <Skeleton height={180} />
        )}
        <AnnouncementsCard />
      </Stack>
    </>
  );
}
