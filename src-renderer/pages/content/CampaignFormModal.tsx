import { Grid, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { IconCalendar } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { parseCampaignCode } from '../../../src-shared/content/placeholders';
import { addDays, dateInZone } from '../../../src-shared/format/date';
import { SEGMENT_IDS, type SegmentId } from '../../../src-shared/rfm/rules';
import { campaignCreateInput } from '../../../src-shared/schemas/content';
import type { ChannelInput } from '../../../src-shared/contract';
import { ApiError } from '../../api/client';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { notifyError, notifySuccess } from '../../components/notify';
import { useSegmentText } from '../../components/rfm/useSegmentText';
import { requiredMark } from '../../forms/requiredMark';
import { applyServerIssues, zodValidator } from '../../forms/validation';
import { navigate } from '../../router';
import { useSession } from '../../session/context';
import { CONTENT_CHANNELS, contentExcerpt, DEFAULT_SEGMENT, type ContentChannel } from './contentOptions';
import { FormActions } from '../../../src-ui/components/FormActions';

interface Values {
  name: string;
  code: string;
  segment: SegmentId;
  channel: ContentChannel;
  contentId: string | null;
  startDate: string | null;
  endDate: string | null;
}

const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MEI', 'JUN', 'JUL', 'AGU', 'SEP', 'OKT', 'NOV', 'DES'];

/**
 * The code in a monospace face a little larger than the other fields: in an input, Linux's
 * DejaVu Sans Mono at 14 px draws its underscore below the text box, where it is cut off, and
 * `WINBACK_DES_2026_HEMAT` reads as `WINBACK DES 2026 HEMAT`; at 15 px, and in Liberation Mono,
 * it shows (e2e/layout.e2e.ts checks both faces).
 */
const CODE_INPUT_STYLE = {
  fontFamily: '"Liberation Mono", "DejaVu Sans Mono", Menlo, Consolas, ui-monospace, monospace',
  fontSize: 15,
  letterSpacing: '0.02em',
} as const;

/** `WINBACK_DES_2026_HEMAT` read back in words: `Paket WINBACK · Desember 2026 · HEMAT`. */
function CodeParts({ code }: { code: string }) {
  const { t, i18n } = useTranslation();
  const parts = parseCampaignCode(code);
  if (!parts) return null;
  const month = new Intl.DateTimeFormat(i18n.language === 'en' ? 'en-GB' : 'id-ID', { month: 'long', timeZone: 'UTC' }).format(
    Date.UTC(parts.year, parts.month - 1, 1),
  );
  return (
    <Text size="xs" c="dimmed" mt={4} data-testid="campaign-code-parts">
      {t('campaigns.form.codeParts', { pkg: parts.pkg, month, year: parts.year, type: parts.type })}
    </Text>
  );
}

const toInput = (values: Values): ChannelInput<'campaigns.create'> => ({
  name: values.name,
  code: values.code,
  segment: values.segment,
  channel: values.channel,
  contentId: values.contentId ?? undefined,
  startDate: values.startDate ?? '',
  endDate: values.endDate ?? '',
});

export function CampaignFormModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t('campaigns.newTitle')} size="lg">
      {opened && <CampaignForm onClose={onClose} />}
    </Modal>
  );
}

function CampaignForm({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const text = useSegmentText();
  const { status } = useSession();
  const today = dateInZone(new Date(), status.business?.timezone);
  const form = useForm<Values>({
    initialValues: { name: '', code: '', segment: DEFAULT_SEGMENT, channel: 'whatsapp', contentId: null, startDate: today, endDate: addDays(today, 30) },
    validate: zodValidator<Values>(campaignCreateInput, toInput),
    validateInputOnBlur: true,
  });
  const contents = useApiQuery('content.list', { segment: form.values.segment, channel: form.values.channel, pageSize: 200 });
  const summary = useApiQuery('rfm.summary', {});
  const sizes = new Map(summary.data?.segments.map((row) => [row.segment, row.customers]));
  const create = useApiMutation('campaigns.create', {
    invalidates: ['campaigns'],
    silent: true,
    onSuccess: (campaign) => {
      notifySuccess(t('campaigns.created', { code: campaign.code, n: campaign.recipients }));
      onClose();
      navigate('content', 'campaigns', campaign.id);
    },
    onError: (error) => {
      if (applyServerIssues(form, error)) return;
      // A code already taken comes back as a conflict naming its field.
      if (error instanceof ApiError && error.details?.field === 'code') form.setFieldError('code', error.message);
      else notifyError(error);
    },
  });
  const [year, month] = today.split('-');
  const example = `PROMO_${MONTHS[Number(month) - 1]}_${year}_HEMAT`;
  const pickSegmentOrChannel = (patch: Partial<Values>) => form.setValues({ ...patch, contentId: null });

  return (
    <form onSubmit={form.onSubmit((values) => create.mutate(toInput(values)))} noValidate>
      <Stack gap="md">
        <TextInput
          label={t('campaigns.form.name')}
          placeholder={t('campaigns.form.namePlaceholder')}
          {...requiredMark}
          {...form.getInputProps('name')}
          data-testid="campaign-name"
        />
        <div>
          <TextInput
            label={t('campaigns.form.code')}
            description={t('campaigns.form.codeHint')}
            placeholder={example}
            {...requiredMark}
            {...form.getInputProps('code')}
            onChange={(event) => form.setFieldValue('code', event.currentTarget.value.toUpperCase().replace(/\s+/g, '_'))}
            styles={{ input: CODE_INPUT_STYLE }}
            data-testid="campaign-code"
          />
          <CodeParts code={form.values.code} />
        </div>
        <Grid gap="md">
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <Select
              label={t('campaigns.form.segment')}
              description={t('campaigns.form.segmentHint')}
              data={SEGMENT_IDS.map((id) => ({
                value: id,
                label: sizes.has(id) ? t('content.form.segmentOption', { name: text.segment(id).name, n: sizes.get(id) ?? 0 }) : text.segment(id).name,
              }))}
              allowDeselect={false}
              {...form.getInputProps('segment')}
              onChange={(segment) => segment && pickSegmentOrChannel({ segment: segment as SegmentId })}
              data-testid="campaign-segment"
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <Select
              label={t('campaigns.form.channel')}
              description={t('campaigns.form.channelHint')}
              data={CONTENT_CHANNELS.map((id) => ({ value: id, label: t(`content.channel.${id}`) }))}
              allowDeselect={false}
              {...form.getInputProps('channel')}
              onChange={(channel) => channel && pickSegmentOrChannel({ channel: channel as ContentChannel })}
              data-testid="campaign-channel"
            />
          </Grid.Col>
        </Grid>
        <Select
          label={t('campaigns.form.content')}
          placeholder={t('campaigns.form.contentPlaceholder')}
          data={(contents.data?.rows ?? []).map((row) => ({
            value: row.id,
            label: `${t('content.variant.title', { n: row.variant })} · ${contentExcerpt(row, 80)}`,
          }))}
          clearable
          searchable
          nothingFoundMessage={t('content.send.noContent')}
          {...form.getInputProps('contentId')}
          data-testid="campaign-content"
        />
        <Grid gap="md">
          <Grid.Col span={6}>
            <DatePickerInput
              label={t('campaigns.form.start')}
              valueFormat="DD/MM/YYYY"
              leftSection={<IconCalendar size={16} />}
              {...requiredMark}
              {...form.getInputProps('startDate')}
              data-testid="campaign-start"
            />
          </Grid.Col>
          <Grid.Col span={6}>
            <DatePickerInput
              label={t('campaigns.form.end')}
              valueFormat="DD/MM/YYYY"
              leftSection={<IconCalendar size={16} />}
              {...requiredMark}
              {...form.getInputProps('endDate')}
              data-testid="campaign-end"
            />
          </Grid.Col>
        </Grid>
        <FormActions
          submitLabel={t('campaigns.form.create')}
          loading={create.isPending}
          onCancel={onClose}
          cancelDisabled={create.isPending}
          testId="campaign-save"
        />
      </Stack>
    </form>
  );
}
