import { Alert, Anchor, Button, Card, Grid, Group, Paper, SegmentedControl, Select, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconBulb, IconInfoCircle, IconSparkles } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { formatRupiah } from '../../../src-shared/format/money';
import { SEGMENT_IDS, type SegmentId } from '../../../src-shared/rfm/rules';
import { useApiQuery } from '../../api/hooks';
import { useSegmentText } from '../../components/rfm/useSegmentText';
import { currentLanguage } from '../../i18n';
import { href } from '../../router';
import { ChannelPicker } from './ChannelPicker';
import { DEFAULT_SEGMENT, TONES, type ContentChannel, type Tone } from './contentOptions';
import type { GenerateRequest } from './generationStore';
import wrap from './wrapSegments.module.css';

const whole = new Intl.NumberFormat('id-ID');

interface Values {
  segment: SegmentId;
  channel: ContentChannel;
  tone: Tone;
  offer: string;
  language: 'id' | 'en';
  variants: string;
}

const toValues = (request: GenerateRequest | undefined): Values => ({
  segment: request?.segment ?? DEFAULT_SEGMENT,
  channel: request?.channel ?? 'whatsapp',
  tone: request?.tone ?? 'friendly',
  offer: request?.offer ?? '',
  language: request?.language ?? currentLanguage(),
  variants: String(request?.variants ?? 3),
});

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
    onGenerate({ segment: values.segment, channel: values.channel, tone: values.tone, offer: values.offer.trim(), language: values.language, variants: Number(values.variants), regenerate: false });

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
              <Paper withBorder p="sm" radius="md" bg="light-dark(var(--mantine-color-navy-0), var(--mantine-color-dark-6))" data-testid="content-segment-hint">
                <Group gap="sm" align="flex-start" wrap="nowrap">
                  <IconBulb size={20} stroke={1.6} style={{ flexShrink: 0, marginTop: 2 }} />
                  <Stack gap={2}>
                    <Text size="sm" fw={600}>
                      {selected
                        ? t('content.form.segmentFigures', { n: whole.format(selected.customers), aov: formatRupiah(selected.aov), days: whole.format(Math.round(selected.meanRecencyDays)) })
                        : text.segment(form.values.segment).who}
                    </Text>
                    <Text size="sm">{t('content.form.action', { action: text.segment(form.values.segment).action })}</Text>
                  </Stack>
                </Group>
              </Paper>
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6, md: 4 }}>
              <Select
                label={t('content.form.tone')}
                data={TONES.map((tone) => ({ value: tone, label: t(`content.tone.${tone}`) }))}
                allowDeselect={false}
                {...form.getInputProps('tone')}
                data-testid="content-tone"
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6, md: 4 }}>
              <Stack gap={4}>
                <Text size="sm" fw={500}>
                  {t('content.form.language')}
                </Text>
                <SegmentedControl
                  fullWidth
                  classNames={{ root: wrap.root, control: wrap.control }}
                  data={[
                    { value: 'id', label: 'Bahasa Indonesia' },
                    { value: 'en', label: 'English' },
                  ]}
                  {...form.getInputProps('language')}
                  data-testid="content-language"
                />
              </Stack>
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 4 }}>
              <Stack gap={4}>
                <Text size="sm" fw={500}>
                  {t('content.form.variants')}
                </Text>
                <SegmentedControl fullWidth classNames={{ root: wrap.root, control: wrap.control }} data={['1', '2', '3', '4', '5']} {...form.getInputProps('variants')} data-testid="content-variants" />
              </Stack>
            </Grid.Col>
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
