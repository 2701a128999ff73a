import { Button, Card, Group, Stack } from '@mantine/core';
import { IconCheck, IconDeviceFloppy, IconSend } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContentRow } from '../../../src-shared/schemas/content';
import { useApiMutation } from '../../api/hooks';
import { notifySuccess } from '../../components/notify';
import { useCan } from '../../session/usePermission';
import { hasSubject, SMS_LIMIT } from './contentOptions';
import { openSend } from './sendDraft';
import { VariantDelete } from './VariantDelete';
import { VariantFields } from './VariantFields';
import { VariantHeader } from './VariantHeader';

interface Props {
  row: ContentRow;
  onChanged: (row: ContentRow) => void;
  onDeleted: (id: string) => void;
}

/**
 * One variant, editable in place (its fields: VariantFields.tsx).
 * Approving with unsaved edits saves them too, so what is approved is what is on screen.
 */
export function VariantCard({ row, onChanged, onDeleted }: Props) {
  const { t } = useTranslation();
  const can = useCan();
  const canEdit = can('content.update');
  const [subject, setSubject] = useState(row.subject ?? '');
  const [body, setBody] = useState(row.body);
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
        <VariantHeader row={row} dirty={dirty} />
        <VariantFields row={row} subject={subject} body={body} onSubject={setSubject} onBody={setBody} readOnly={!canEdit} />
        <Stack gap="xs" mt="auto">
          <Group gap="xs">
            {canEdit && (
              <Button
                size="xs"
                variant="default"
                leftSection={<IconDeviceFloppy size={14} />}
                disabled={!dirty || invalid}
                loading={update.isPending && !update.variables?.status}
                onClick={save}
                data-testid="variant-save"
              >
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
            {can('content.delete') && <VariantDelete id={row.id} onDeleted={onDeleted} />}
          </Group>
          <Button
            fullWidth
            leftSection={<IconSend size={16} />}
            disabled={invalid}
            onClick={() =>
              openSend({ contentId: row.id, segment: row.segment, channel: row.channel }, { subject: withSubject ? subject : null, body, offer: row.offer })
            }
            data-testid="variant-send"
          >
            {t('content.variant.send')}
          </Button>
        </Stack>
      </Stack>
    </Card>
  );
}
