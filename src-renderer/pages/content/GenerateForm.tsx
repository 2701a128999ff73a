import { Alert, Anchor, Button, Card, Grid, Group, Select, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconInfoCircle, IconSparkles } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { SEGMENT_IDS } from '../../../src-shared/rfm/rules';
import { useApiQuery } from '../../api/hooks';
import { useSegmentText } from '../../components/rfm/useSegmentText';
import { href } from '../../router';
import { ChannelPicker } from './ChannelPicker';
import { GenerateHowFields } from './GenerateHowFields';
import { toValues, type Values } from './generateValues';
import type { GenerateRequest } from './generationStore';
import { SegmentHint } from './SegmentHint';

const whole = new Intl.NumberFormat('id-ID');

interface Props {
  last: GenerateRequest | undefined;
  loading: boolean;
  onGenerate: (request: GenerateRequest) => void;
}

/** What to write: for whom (with the segment's size and recommended action), where, how, and the offer. */
export function GenerateForm({ last, loading, onGenerate }: Props) {
  const { t } = useTranslation();
  const text = useSegmentText();
  const summary = useApiQuery('rfm.summary', {});
  const form = useForm<Values>({
    initialValues: toValues(last),
    validate: { offer: (value) => (value.length > 300 ? t('content.form.offerTooLong') : null) },
  });
  const sizes = new Map(summary.data?.segments.map((row) => [row.segment, row]));
  const selected = sizes.get(form.values.segment);
  const segmentOptions = SEGMENT_IDS.map((id) => {
    const row = sizes.get(id);
    return { value: id, label: row ? t('content.form.segmentOption', { name: text.segment(id).name, n: whole.format(row.customers) }) : text.segment(id).name };
  });

  const submit = (values: Values) =>
    onGenerate({
      segment: values.segment,
      channel: values.channel,
      tone: values.tone,
      offer: values.offer.trim(),
      language: values.language,
      variants: Number(values.variants),
      regenerate: false,
    });

  return (
    <Card>
      <form onSubmit={form.onSubmit(submit)} noValidate>
        <Stack gap="md">
          {summary.data && !summary.data.run && (
            <Alert color="yellow" icon={<IconInfoCircle size={18} />} data-testid="content-no-rfm">
              {t('content.form.noRun')}{' '}
              <Anchor href={href('rfm')} size="sm">
                {t('content.form.openRfm')}
              </Anchor>
            </Alert>
          )}
          <Grid gap="md">
            <Grid.Col span={{ base: 12, md: 5 }}>
              <Select
                label={t('content.form.segment')}
                data={segmentOptions}
                allowDeselect={false}
                searchable
                {...form.getInputProps('segment')}
                data-testid="content-segment"
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 7 }}>
              <ChannelPicker label={t('content.form.channel')} value={form.values.channel} onChange={(channel) => form.setFieldValue('channel', channel)} />
            </Grid.Col>
            <Grid.Col span={12}>
              <SegmentHint segment={form.values.segment} selected={selected} />
            </Grid.Col>
            <GenerateHowFields form={form} />
            <Grid.Col span={12}>
              <TextInput
                label={t('content.form.offer')}
                description={t('content.form.offerHint')}
                placeholder={t('content.form.offerPlaceholder')}
                maxLength={300}
                {...form.getInputProps('offer')}
                data-testid="content-offer"
              />
            </Grid.Col>
          </Grid>
          <Group justify="flex-end">
            <Button type="submit" leftSection={<IconSparkles size={16} />} loading={loading} data-testid="content-generate">
              {t('content.form.generate')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
