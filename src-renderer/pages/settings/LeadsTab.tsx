import { NumberInput, Select, Skeleton, Stack, TagsInput, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { STAGE_KINDS } from '../../../src-shared/schemas/lead';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { useCan } from '../../session/usePermission';
import { draftKey, fieldName, OrderedListEditor, useOrderedList, type DraftRow } from './OrderedListEditor';

type Kind = (typeof STAGE_KINDS)[number];
interface StageDraft extends DraftRow {
  probability: number | string;
  kind: Kind;
}
interface ChannelDraft extends DraftRow {
  utm: string[];
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

function StagesEditor({ initial }: { initial: StageDraft[] }) {
  const { t } = useTranslation();
  const canEdit = useCan()('leads.saveStages');
  const list = useOrderedList(initial, { domain: 'leads', savedText: t('leadSettings.stagesSaved') });
  const save = useApiMutation('leads.saveStages', list.saveOptions);
  const { rows } = list;
  return (
    <OrderedListEditor
      item="stage"
      title={t('leadSettings.stagesTitle')}
      hint={t('leadSettings.stagesHint')}
      addLabel={t('leadSettings.addStage')}
      list={list}
      canEdit={canEdit}
      readOnlyNote
      saving={save.isPending}
      // A new stage goes in front of the two closing ones (won, lost).
      onAdd={() => list.add({ key: draftKey(), name: '', probability: 50, kind: 'open' }, Math.max(0, rows.length - 2))}
      onSave={() => save.mutate({ stages: rows.map((row) => ({ id: row.id, name: row.name, probability: Number(row.probability) || 0, kind: row.kind })) })}
      fields={(row, index) => (
        <>
          <TextInput
            {...fieldName(index, t('leadSettings.stageName'))}
            value={row.name}
            onChange={(e) => list.set(index, { name: e.currentTarget.value })}
            disabled={!canEdit}
            style={{ flex: 1 }}
            maxLength={40}
          />
          <NumberInput
            {...fieldName(index, t('leadSettings.probability'))}
            value={row.probability}
            onChange={(value) => list.set(index, { probability: value })}
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
            onChange={(value) => value && list.set(index, { kind: value as Kind })}
            allowDeselect={false}
            w={150}
            disabled={!canEdit}
          />
        </>
      )}
    />
  );
}

function ChannelsEditor({ initial }: { initial: ChannelDraft[] }) {
  const { t } = useTranslation();
  const canEdit = useCan()('leads.saveChannels');
  const list = useOrderedList(initial, { domain: 'leads', savedText: t('leadSettings.channelsSaved') });
  const save = useApiMutation('leads.saveChannels', list.saveOptions);
  return (
    <OrderedListEditor
      item="channel"
      title={t('leadSettings.channelsTitle')}
      hint={t('leadSettings.channelsHint')}
      addLabel={t('leadSettings.addChannel')}
      list={list}
      canEdit={canEdit}
      saving={save.isPending}
      onAdd={() => list.add({ key: draftKey(), name: '', utm: [] })}
      onSave={() => save.mutate({ channels: list.rows.map((row) => ({ id: row.id, name: row.name, utm: row.utm })) })}
      fields={(row, index) => (
        <>
          <TextInput
            {...fieldName(index, t('leadSettings.channelName'))}
            value={row.name}
            onChange={(e) => list.set(index, { name: e.currentTarget.value })}
            disabled={!canEdit}
            w={220}
            maxLength={60}
          />
          <TagsInput
            {...fieldName(index, t('leadSettings.utm'))}
            value={row.utm}
            onChange={(utm) => list.set(index, { utm: utm.map((v) => v.trim().toLowerCase()).filter(Boolean) })}
            disabled={!canEdit}
            style={{ flex: 1 }}
            clearable
          />
        </>
      )}
    />
  );
}
