import { Badge, Card, Group, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PLACEHOLDERS } from '../../../src-shared/content/placeholders';
import type { ContentRow } from '../../../src-shared/schemas/content';
import { contentExcerpt, hasSubject, type ContentChannel } from './contentOptions';
import { SmsCounter } from './SmsCounter';

export interface MessageText {
  contentId: string | null;
  subject: string;
  body: string;
}

interface Props {
  channel: ContentChannel;
  options: ContentRow[];
  loading: boolean;
  value: MessageText;
  onChange: (next: MessageText) => void;
}

/**
 * The message to send: a variant from the library, changed here for this sending only (the
 * library keeps its text). Placeholders are filled per customer in the preview.
 */
export function MessageEditor({ channel, options, loading, value, onChange }: Props) {
  const { t } = useTranslation();
  const pick = (id: string | null) => {
    const row = options.find((option) => option.id === id);
    onChange(row ? { contentId: row.id, subject: row.subject ?? '', body: row.body } : { ...value, contentId: null });
  };
  const data = options.map((row) => ({
    value: row.id,
    label: `${t('content.variant.title', { n: row.variant })}${row.status === 'approved' ? ` ✓` : ''} · ${contentExcerpt(row)}`,
  }));

  return (
    <Card h="100%">
      <Stack gap="sm">
        <Text fw={700}>{t('content.send.messageTitle')}</Text>
        <Select
          label={t('content.send.fromLibrary')}
          placeholder={loading ? t('common.loading') : t('content.send.fromLibraryPlaceholder')}
          data={data}
          value={value.contentId}
          onChange={pick}
          searchable
          clearable
          nothingFoundMessage={t('content.send.noContent')}
          data-testid="send-content"
        />
        {hasSubject(channel) && (
          <TextInput
            label={t(channel === 'banner' ? 'content.variant.headline' : 'content.variant.subject')}
            value={value.subject}
            onChange={(event) => onChange({ ...value, subject: event.currentTarget.value })}
            maxLength={200}
            data-testid="send-subject"
          />
        )}
        <Textarea
          label={t('content.variant.body')}
          description={t('content.send.editHint')}
          value={value.body}
          onChange={(event) => onChange({ ...value, body: event.currentTarget.value })}
          autosize
          minRows={5}
          maxRows={12}
          maxLength={4000}
          data-testid="send-body"
        />
        {channel === 'sms' && <SmsCounter text={value.body} />}
        <Group gap={6}>
          <Text size="xs" c="dimmed">
            {t('content.send.placeholders')}
          </Text>
          {PLACEHOLDERS.map((name) => (
            <Badge key={name} size="sm" variant="outline" color="gray" tt="none" ff="monospace">
              {`{${name}}`}
            </Badge>
          ))}
        </Group>
      </Stack>
    </Card>
  );
}
