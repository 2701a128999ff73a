import { Alert, Badge, Card, Group, SegmentedControl, Select, Stack, Text } from '@mantine/core';
import { IconTicket } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { SEGMENT_IDS, type SegmentId } from '../../../src-shared/rfm/rules';
import { useApiQuery } from '../../api/hooks';
import { useSegmentText } from '../../components/rfm/useSegmentText';

export interface Recipients {
  mode: 'segment' | 'campaign';
  segment: SegmentId | null;
  campaignId: string | null;
}

const whole = new Intl.NumberFormat('id-ID');

/** Who gets the message: a segment of the latest analysis, or a campaign's recipients (its code filled in). */
export function RecipientPicker({ value, onChange }: { value: Recipients; onChange: (next: Recipients) => void }) {
  const { t } = useTranslation();
  const text = useSegmentText();
  const summary = useApiQuery('rfm.summary', {});
  const campaigns = useApiQuery('campaigns.list', {});
  const sizes = new Map(summary.data?.segments.map((row) => [row.segment, row.customers]));
  const campaign = campaigns.data?.find((row) => row.id === value.campaignId);

  return (
    <Card h="100%">
      <Stack gap="sm">
        <Text fw={700}>{t('content.send.recipientsTitle')}</Text>
        <SegmentedControl
          value={value.mode}
          onChange={(mode) => onChange({ ...value, mode: mode as Recipients['mode'] })}
          data={[
            { value: 'segment', label: t('content.send.bySegment') },
            { value: 'campaign', label: t('content.send.byCampaign') },
          ]}
          data-testid="send-recipient-mode"
        />
        {value.mode === 'segment' ? (
          <Select
            label={t('content.form.segment')}
            data={SEGMENT_IDS.map((id) => ({
              value: id,
              label: sizes.has(id)
                ? t('content.form.segmentOption', { name: text.segment(id).name, n: whole.format(sizes.get(id) ?? 0) })
                : text.segment(id).name,
            }))}
            value={value.segment}
            onChange={(segment) => onChange({ ...value, segment: segment as SegmentId | null })}
            allowDeselect={false}
            data-testid="send-segment"
          />
        ) : (
          <Select
            label={t('content.send.campaign')}
            placeholder={t('content.send.campaignPlaceholder')}
            data={(campaigns.data ?? []).map((row) => ({ value: row.id, label: `${row.code} · ${row.name}` }))}
            value={value.campaignId}
            onChange={(campaignId) => onChange({ ...value, campaignId })}
            nothingFoundMessage={t('content.send.noCampaigns')}
            searchable
            data-testid="send-campaign"
          />
        )}
        {value.mode === 'campaign' && campaign && (
          <Alert color="navy" variant="light" icon={<IconTicket size={18} />} data-testid="send-campaign-code">
            <Group gap={6}>
              <Text size="sm">{t('content.send.codeFilled')}</Text>
              <Badge ff="monospace" tt="none" variant="filled">
                {campaign.code}
              </Badge>
            </Group>
            <Text size="xs" c="dimmed" mt={4}>
              {t('content.send.campaignRecipients', { n: whole.format(campaign.recipients) })}
            </Text>
          </Alert>
        )}
        {value.mode === 'segment' && (
          <Text size="xs" c="dimmed">
            {t('content.send.segmentHint')}
          </Text>
        )}
      </Stack>
    </Card>
  );
}
