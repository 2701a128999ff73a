import { Badge, Button, Card, Group, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { IconCheck, IconDeviceFloppy, IconSend, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContentRow } from '../../../src-shared/schemas/content';
import { useApiMutation } from '../../api/hooks';
import { ConfirmModal } from '../../../src-ui/components/ConfirmModal';
import { notifySuccess } from '../../components/notify';
import { useCan } from '../../session/usePermission';
import { hasSubject, SMS_LIMIT } from './contentOptions';
import { openSend } from './sendDraft';
import { SmsCounter } from './SmsCounter';

interface Props {
  row: ContentRow;
  onChanged: (row: ContentRow) => void;
  onDeleted: (id: string) => void;
}

/**
 * One variant, editable in place. Generated text only ever sits in form fields (text, never HTML).
 * Approving with unsaved edits saves them too, so what is approved is what is on screen.
 */
export function VariantCard({ row, onChanged, onDeleted }: Props) {
  const { t } = useTranslation();
  const can = useCan();
  const canEdit = can('content.update');
  const [subject, setSubject] = useState(row.subject ?? '');
  const [body, setBody] = useState(row.body);
  const [askDelete, setAskDelete] = useState(false);
  const withSubject = hasSubject(row.channel);
  const dirty = body !== row.body || (withSubject && subject !== (row.subject ?? ''));
  const tooLong = row.channel === 'sms' && body.length > SMS_LIMIT;
  const invalid = body.trim() === '' || tooLong;

  const update = useApiMutation('content.update', {
    invalidates: ['content'],
    onSuccess: (saved) => {
      setSubject(saved.subject ?? '');
      setBody(saved.body);
      onChanged(saved);
    },
  });
  const remove = useApiMutation('content.delete', {
    invalidates: ['content'],
    onSuccess: () => {
      setAskDelete(false);
      notifySuccess(t('content.variant.deleted'));
      onDeleted(row.id);
    },
  });
  const edits = () => ({ body, ...(withSubject && { subject: subject.trim() || null }) });
  const save = () => update.mutate({ id: row.id, ...edits() }, { onSuccess: () => notifySuccess(t('content.variant.saved')) });
  const approved = row.status === 'approved';
  const toggleApproval = () =>
    update.mutate(
      { id: row.id, ...(dirty && edits()), status: approved ? 'draft' : 'approved' },
      { onSuccess: (saved) => notifySuccess(t(saved.status === 'approved' ? 'content.variant.approvedToast' : 'content.variant.draftToast')) },
    );

  return (
    <Card withBorder data-testid="variant-card" data-variant={row.variant} data-id={row.id}>
      <Stack gap="sm" h="100%">
        <Group justify="space-between" gap="xs">
          <Text fw={700}>{t('content.variant.title', { n: row.variant })}</Text>
          <Group gap={6}>
            {dirty && (
              <Badge color="orange" variant="light" tt="none" data-testid="variant-unsaved">
                {t('content.variant.unsaved')}
              </Badge>
            )}
            <Badge color={approved ? 'teal' : 'gray'} variant={approved ? 'filled' : 'light'} tt="none" data-testid="variant-status" data-status={row.status}>
              {t(`content.status.${row.status}`)}
            </Badge>
          </Group>
        </Group>
        {withSubject && (
          <TextInput
            label={t(row.channel === 'banner' ? 'content.variant.headline' : 'content.variant.subject')}
            value={subject}
            onChange={(event) => setSubject(event.currentTarget.value)}
            readOnly={!canEdit}
            maxLength={200}
            data-testid="variant-subject"
          />
        )}
        <Textarea
          label={t(row.channel === 'banner' ? 'content.variant.line' : 'content.variant.body')}
          value={body}
          onChange={(event) => setBody(event.currentTarget.value)}
          readOnly={!canEdit}
          autosize
          minRows={4}
          maxRows={14}
          maxLength={4000}
          error={body.trim() === '' ? t('content.variant.bodyRequired') : undefined}
          data-testid="variant-body"
        />
        {row.channel === 'sms' && <SmsCounter text={body} />}
        <Stack gap="xs" mt="auto">
          <Group gap="xs">
            {canEdit && (
              <Button size="xs" variant="default" leftSection={<IconDeviceFloppy size={14} />} disabled={!dirty || invalid} loading={update.isPending && !update.variables?.status} onClick={save} data-testid="variant-save">
                {t('common.save')}
              </Button>
            )}
            {canEdit && (
              <Button
                size="xs"
                variant={approved ? 'default' : 'light'}
                color="teal"
                leftSection={<IconCheck size={14} />}
                disabled={invalid}
                loading={update.isPending && Boolean(update.variables?.status)}
                onClick={toggleApproval}
                data-testid="variant-approve"
              >
                {t(approved ? 'content.variant.unapprove' : 'content.variant.approve')}
              </Button>
            )}
            {can('content.delete') && (
              <Button size="xs" variant="subtle" color="red" leftSection={<IconTrash size={14} />} onClick={() => setAskDelete(true)} data-testid="variant-delete">
                {t('common.delete')}
              </Button>
            )}
          </Group>
          <Button
            fullWidth
            leftSection={<IconSend size={16} />}
            disabled={invalid}
            onClick={() => openSend({ contentId: row.id, segment: row.segment, channel: row.channel }, { subject: withSubject ? subject : null, body, offer: row.offer })}
            data-testid="variant-send"
          >
            {t('content.variant.send')}
          </Button>
        </Stack>
      </Stack>
      <ConfirmModal
        opened={askDelete}
        title={t('content.variant.deleteTitle')}
        message={t('content.variant.deleteText')}
        confirmLabel={t('common.delete')}
        loading={remove.isPending}
        onConfirm={() => remove.mutate({ id: row.id })}
        onClose={() => setAskDelete(false)}
      />
    </Card>
  );
}
