import { Alert, Anchor, Button, Grid, Group, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconArrowLeft, IconEdit, IconTicket, IconUsers } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CAMPAIGN_CODE, suggestCampaignCode } from '../../../src-shared/content/placeholders';
import { useApiQuery } from '../../api/hooks';
import { EmptyList } from '../../components/EmptyList';
import { PageHeader } from '../../components/PageHeader';
import { href } from '../../router';
import { DEFAULT_SEGMENT, hasSubject, isContentChannel, isSegment } from './contentOptions';
import { MessageEditor, type MessageText } from './MessageEditor';
import { PreviewTable, type PreviewTarget } from './PreviewTable';
import { RecipientPicker, type Recipients } from './RecipientPicker';
import { draftFor } from './sendDraft';

/** `#/content/send?content=…&segment=…&channel=…&campaign=…`: personalise a message and send it. */
export function SendPage({ query }: { query: URLSearchParams }) {
  const { t } = useTranslation();
  const contentId = query.get('content') ?? undefined;
  const campaignId = query.get('campaign');
  const channelParam = query.get('channel');
  const channel = isContentChannel(channelParam) ? channelParam : 'whatsapp';
  const segmentParam = query.get('segment');
  const segment = isSegment(segmentParam) ? segmentParam : DEFAULT_SEGMENT;

  const [recipients, setRecipients] = useState<Recipients>({ mode: campaignId ? 'campaign' : 'segment', segment, campaignId });
  const [message, setMessage] = useState<MessageText>(() => {
    const draft = draftFor(contentId);
    return { contentId: contentId ?? null, subject: draft?.subject ?? '', body: draft?.body ?? '' };
  });
  // The library's variants for this segment and channel: the one asked for fills the editor once loaded.
  const options = useApiQuery('content.list', { segment, channel, pageSize: 200 });
  // A card passes its text along (draftFor); opened from an address alone, a list cached before the
  // variant was made may not hold it yet: wait for the fresh one before giving up on it.
  const [filled, setFilled] = useState(Boolean(draftFor(contentId)));
  useEffect(() => {
    if (filled || !options.data) return;
    const row = options.data.rows.find((r) => r.id === contentId);
    if (row) setMessage({ contentId: row.id, subject: row.subject ?? '', body: row.body });
    if (row || !options.isFetching) setFilled(true);
  }, [filled, options.data, options.isFetching, contentId]);
  const offer = options.data?.rows.find((r) => r.id === message.contentId)?.offer ?? draftFor(contentId)?.offer ?? null;
  const [code, setCode] = useState('');
  const suggested = suggestCampaignCode(recipients.segment ?? segment, new Date(), offer);

  // Typing in the editor refreshes the preview after a pause, not on every key.
  const [subject] = useDebouncedValue(message.subject, 400);
  const [body] = useDebouncedValue(message.body, 400);
  const who =
    recipients.mode === 'campaign'
      ? recipients.campaignId
        ? { campaignId: recipients.campaignId }
        : null
      : recipients.segment
        ? { segment: recipients.segment }
        : null;
  // Sent to a segment, {kode_kampanye} has no campaign to fill it: a code typed here does, else the
  // server withholds the links (never "Sebutkan kode  saat pesan ya.").
  const needsCode = recipients.mode === 'segment' && /\{kode_kampanye\}/.test(`${message.subject} ${message.body}`);
  const typedCode = code.trim().toUpperCase();
  const codeValid = CAMPAIGN_CODE.test(typedCode);
  const codeMissing = needsCode && !codeValid;
  const target: PreviewTarget | null =
    who && body.trim()
      ? {
          ...who,
          contentId: message.contentId ?? undefined,
          subject: hasSubject(channel) ? subject.trim() || null : undefined,
          body,
          ...(needsCode && codeValid && { campaignCode: typedCode }),
        }
      : null;
  const back = campaignId ? href('content', 'campaigns', campaignId) : href('content');

  return (
    <>
      <PageHeader
        above={
          <Anchor href={back} size="sm" c="dimmed">
            <Group gap={4}>
              <IconArrowLeft size={14} />
              {t(campaignId ? 'content.send.backToCampaign' : 'content.send.back')}
            </Group>
          </Anchor>
        }
        title={t('content.send.title')}
        subtitle={t('content.send.subtitle', { channel: t(`content.channel.${channel}`) })}
      />
      <Stack gap="lg">
        <Grid gap="lg">
          <Grid.Col span={{ base: 12, md: 7 }}>
            <MessageEditor channel={channel} options={options.data?.rows ?? []} loading={options.isPending} value={message} onChange={setMessage} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 5 }}>
            <RecipientPicker value={recipients} onChange={setRecipients} />
          </Grid.Col>
        </Grid>
        {needsCode && (
          <Alert color={codeMissing ? 'yellow' : 'teal'} icon={<IconTicket size={18} />} data-testid={codeMissing ? 'send-code-missing' : 'send-code-given'}>
            <Stack gap="xs">
              <Text size="sm">{t(codeMissing ? 'content.send.codeMissing' : 'content.send.codeGiven')}</Text>
              <Group gap="sm" align="flex-start">
                <TextInput
                  size="xs"
                  w={300}
                  aria-label={t('content.send.codeLabel')}
                  placeholder={suggested}
                  value={code}
                  onChange={(event) => setCode(event.currentTarget.value)}
                  error={code.trim() && !codeValid ? t('content.send.codeInvalid') : undefined}
                  data-testid="send-code-input"
                />
                {typedCode !== suggested && (
                  <Button
                    size="xs"
                    variant="light"
                    color={codeMissing ? 'yellow' : 'gray'}
                    onClick={() => setCode(suggested)}
                    data-testid="send-code-suggest"
                    data-code={suggested}
                  >
                    {t('content.send.useSuggestion', { code: suggested })}
                  </Button>
                )}
                <Button size="xs" variant="subtle" color="gray" onClick={() => setRecipients({ ...recipients, mode: 'campaign' })}>
                  {t('content.send.chooseCampaign')}
                </Button>
              </Group>
            </Stack>
          </Alert>
        )}
        {target ? (
          <PreviewTable key={`${recipients.mode}:${recipients.segment}:${recipients.campaignId}`} target={target} channel={channel} />
        ) : !who ? (
          <EmptyList
            icon={IconUsers}
            title={t('content.send.needRecipientsTitle')}
            description={t('content.send.needRecipientsText')}
            testId="send-need-recipients"
          />
        ) : (
          <EmptyList icon={IconEdit} title={t('content.send.needMessageTitle')} description={t('content.send.needMessageText')} testId="send-need-message" />
        )}
      </Stack>
    </>
  );
}
