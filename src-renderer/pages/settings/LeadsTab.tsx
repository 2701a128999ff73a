import { ActionIcon, Alert, Button, Group, NumberInput, Select, Skeleton, Stack, TagsInput, TextInput, Tooltip } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconPlus, IconTrash } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { STAGE_KINDS } from '../../../src-shared/schemas/lead';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { notifySuccess } from '../../components/notify';
import { ReadOnlyNote } from '../../components/ReadOnlyNote';
import { useCan } from '../../session/usePermission';
import { SettingsSection } from './SettingsSection';

type Kind = (typeof STAGE_KINDS)[number];
interface StageDraft {
  key: string;
  id?: string;
  name: string;
  probability: number | string;
  kind: Kind;
}
interface ChannelDraft {
  key: string;
  id?: string;
  name: string;
  utm: string[];
}

let drafts = 0;
const draftKey = () => `new-${++drafts}`;

function moved<T>(list: T[], index: number, step: number): T[] {
  const next = [...list];
  const [item] = next.splice(index, 1);
  next.splice(index + step, 0, item);
  return next;
}

/** Settings → Prospek: the pipeline's stages (with their probability) and the channels leads come from. */
export function LeadsTab() {
  const stages = useApiQuery('leads.stages', {});
  const channels = useApiQuery('leads.channels', {});
  if (!stages.data || !channels.data) return <Skeleton height={320} radius="md" />;
  return (
    <Stack gap="lg" maw={980}>
      <StagesEditor initial={stages.data.map((s) => ({ key: s.id, ...s }))} />
      <ChannelsEditor initial={channels.data.map((c) => ({ key: c.id, ...c }))} />
    </Stack>
  );
}

/** A column's label over the first row only; every row's field keeps the name for screen readers. */
const fieldName = (index: number, name: string) => (index === 0 ? { label: name } : { 'aria-label': name });

/** Up, down and remove for one row of an ordered list. */
function RowButtons({
  index,
  count,
  disabled,
  onMove,
  onRemove,
  label,
}: {
  index: number;
  count: number;
  disabled: boolean;
  onMove: (step: number) => void;
  onRemove: () => void;
  label: string;
}) {
  const { t } = useTranslation();
  const button = (text: string, icon: ReactNode, onClick: () => void, off: boolean, color = 'gray') => (
    <Tooltip label={text}>
      <ActionIcon variant="subtle" color={color} aria-label={`${text}: ${label}`} onClick={onClick} disabled={disabled || off}>
        {icon}
      </ActionIcon>
    </Tooltip>
  );
  return (
    <Group gap={2} wrap="nowrap" mt={index === 0 ? 24 : 4}>
      {button(t('leadSettings.up'), <IconArrowUp size={16} />, () => onMove(-1), index === 0)}
      {button(t('leadSettings.down'), <IconArrowDown size={16} />, () => onMove(1), index === count - 1)}
      {button(t('common.delete'), <IconTrash size={16} />, onRemove, false, 'red')}
    </Group>
  );
}

function StagesEditor({ initial }: { initial: StageDraft[] }) {
  const { t } = useTranslation();
  const canEdit = useCan()('leads.saveStages');
  const [rows, setRows] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const save = useApiMutation('leads.saveStages', {
    invalidates: ['leads'],
    silent: true,
    onSuccess: (saved) => {
      setRows(saved.map((s) => ({ key: s.id, ...s })));
      setError(null);
      notifySuccess(t('leadSettings.stagesSaved'));
    },
    onError: (failure) => setError(failure.message),
  });
  const set = (index: number, patch: Partial<StageDraft>) => setRows(rows.map((row, i) => (i === index ? { ...row, ...patch } : row)));
  return (
    <SettingsSection title={t('leadSettings.stagesTitle')} hint={t('leadSettings.stagesHint')}>
      <Stack gap="sm" data-testid="stages-editor">
        {!canEdit && <ReadOnlyNote />}
        {rows.map((row, index) => (
          <Group key={row.key} gap="sm" wrap="nowrap" align="flex-start" data-testid="stage-row">
            <TextInput
              {...fieldName(index, t('leadSettings.stageName'))}
              value={row.name}
              onChange={(e) => set(index, { name: e.currentTarget.value })}
              disabled={!canEdit}
              style={{ flex: 1 }}
              maxLength={40}
            />
            <NumberInput
              {...fieldName(index, t('leadSettings.probability'))}
              value={row.probability}
              onChange={(value) => set(index, { probability: value })}
              min={0}
              max={100}
              suffix=" %"
              allowDecimal={false}
              w={120}
              disabled={!canEdit}
            />
            <Select
              {...fieldName(index, t('leadSettings.kind'))}
              data={STAGE_KINDS.map((kind) => ({ value: kind, label: t(`leadSettings.kinds.${kind}`) }))}
              value={row.kind}
              onChange={(value) => value && set(index, { kind: value as Kind })}
              allowDeselect={false}
              w={150}
              disabled={!canEdit}
            />
            <RowButtons
              index={index}
              count={rows.length}
              disabled={!canEdit}
              label={row.name}
              onMove={(step) => setRows(moved(rows, index, step))}
              onRemove={() => setRows(rows.filter((_, i) => i !== index))}
            />
          </Group>
        ))}
        {error && (
          <Alert color="red" variant="light" data-testid="stages-error">
            {error}
          </Alert>
        )}
        {canEdit && (
          <Group justify="space-between">
            <Button
              variant="subtle"
              leftSection={<IconPlus size={16} />}
              onClick={() => setRows([...rows.slice(0, -2), { key: draftKey(), name: '', probability: 50, kind: 'open' }, ...rows.slice(-2)])}
              data-testid="stage-add"
            >
              {t('leadSettings.addStage')}
            </Button>
            <Button
              loading={save.isPending}
              onClick={() =>
                save.mutate({ stages: rows.map((row) => ({ id: row.id, name: row.name, probability: Number(row.probability) || 0, kind: row.kind })) })
              }
              data-testid="stages-save"
            >
              {t('common.save')}
            </Button>
          </Group>
        )}
      </Stack>
    </SettingsSection>
  );
}

function ChannelsEditor({ initial }: { initial: ChannelDraft[] }) {
  const { t } = useTranslation();
  const canEdit = useCan()('leads.saveChannels');
  const [rows, setRows] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const save = useApiMutation('leads.saveChannels', {
    invalidates: ['leads'],
    silent: true,
    onSuccess: (saved) => {
      setRows(saved.map((c) => ({ key: c.id, ...c })));
      setError(null);
      notifySuccess(t('leadSettings.channelsSaved'));
    },
    onError: (failure) => setError(failure.message),
  });
  const set = (index: number, patch: Partial<ChannelDraft>) => setRows(rows.map((row, i) => (i === index ? { ...row, ...patch } : row)));
  return (
    <SettingsSection title={t('leadSettings.channelsTitle')} hint={t('leadSettings.channelsHint')}>
      <Stack gap="sm" data-testid="channels-editor">
        {rows.map((row, index) => (
          <Group key={row.key} gap="sm" wrap="nowrap" align="flex-start" data-testid="channel-row">
            <TextInput
              {...fieldName(index, t('leadSettings.channelName'))}
              value={row.name}
              onChange={(e) => set(index, { name: e.currentTarget.value })}
              disabled={!canEdit}
              w={220}
              maxLength={60}
            />
            <TagsInput
              {...fieldName(index, t('leadSettings.utm'))}
              value={row.utm}
              onChange={(utm) => set(index, { utm: utm.map((v) => v.trim().toLowerCase()).filter(Boolean) })}
              disabled={!canEdit}
              style={{ flex: 1 }}
              clearable
            />
            <RowButtons
              index={index}
              count={rows.length}
              disabled={!canEdit}
              label={row.name}
              onMove={(step) => setRows(moved(rows, index, step))}
              onRemove={() => setRows(rows.filter((_, i) => i !== index))}
            />
          </Group>
        ))}
        {error && (
          <Alert color="red" variant="light" data-testid="channels-error">
            {error}
          </Alert>
        )}
        {canEdit && (
          <Group justify="space-between">
            <Button
              variant="subtle"
              leftSection={<IconPlus size={16} />}
              onClick={() => setRows([...rows, { key: draftKey(), name: '', utm: [] }])}
              data-testid="channel-add"
            >
              {t('leadSettings.addChannel')}
            </Button>
            <Button
              loading={save.isPending}
              onClick={() => save.mutate({ channels: rows.map((row) => ({ id: row.id, name: row.name, utm: row.utm })) })}
              data-testid="channels-save"
            >
              {t('common.save')}
            </Button>
          </Group>
        )}
      </Stack>
    </SettingsSection>
  );
}
