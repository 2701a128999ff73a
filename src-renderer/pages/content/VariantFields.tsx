import { Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ContentRow } from '../../../src-shared/schemas/content';
import { hasSubject } from './contentOptions';
import { SmsCounter } from './SmsCounter';

interface Props {
  row: ContentRow;
  subject: string;
  body: string;
  onSubject: (subject: string) => void;
  onBody: (body: string) => void;
  readOnly: boolean;
}

/**
 * A variant's text as fields: the subject or headline where its channel has one, the body (never
 * empty), and an SMS's length against its limit. Generated text only ever sits here, in form
 * fields (text, never HTML). Apart from the card (VariantCard.tsx), which keeps the edits.
 */
export function VariantFields({ row, subject, body, onSubject, onBody, readOnly }: Props) {
  const { t } = useTranslation();
  const withSubject = hasSubject(row.channel);
  return (
    <>
      {withSubject && (
        <TextInput
          label={t(row.channel === 'banner' ? 'content.variant.headline' : 'content.variant.subject')}
          value={subject}
          onChange={(event) => onSubject(event.currentTarget.value)}
          readOnly={readOnly}
          maxLength={200}
          data-testid="variant-subject"
        />
      )}
      <Textarea
        label={t(row.channel === 'banner' ? 'content.variant.line' : 'content.variant.body')}
        value={body}
        onChange={(event) => onBody(event.currentTarget.value)}
        readOnly={readOnly}
        autosize
        minRows={4}
        maxRows={14}
        maxLength={4000}
        error={body.trim() === '' ? t('content.variant.bodyRequired') : undefined}
        data-testid="variant-body"
      />
      {row.channel === 'sms' && <SmsCounter text={body} />}
    </>
  );
}
