import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { IconUserCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LeadRow } from '../../../src-shared/schemas/lead';
import { useApiMutation } from '../../api/hooks';
import { CustomerSelect } from '../../components/CustomerSelect';
import { notifySuccess } from '../../components/notify';

interface Props {
  opened: boolean;
  lead: LeadRow;
  /** A customer with the lead's phone: the lead is linked to them, never copied into a second record. */
  match: { id: string; code: string; name: string } | null;
  onClose: () => void;
}

/** "Jadikan pelanggan": link to the customer with this phone, or one picked, or make a new customer. */
export function ConvertModal({ opened, lead, match, onClose }: Props) {
  const { t } = useTranslation();
  const [picked, setPicked] = useState<string | null>(null);
  const convert = useApiMutation('leads.convert', {
    invalidates: ['leads', 'customers', 'followUps'],
    onSuccess: (result) => {
      notifySuccess(t(result.created ? 'leads.convert.created' : 'leads.convert.linked', { name: lead.name }));
      onClose();
    },
  });
  return (
    <Modal opened={opened} onClose={onClose} title={t('leads.convert.title', { name: lead.name })} size="md">
      <Stack gap="md">
        {match ? (
          <Alert color="navy" variant="light" icon={<IconUserCheck size={18} />} data-testid="convert-match">
            {t('leads.convert.match', { name: match.name, code: match.code })}
          </Alert>
        ) : (
          <Text size="sm">{t('leads.convert.new')}</Text>
        )}
        <CustomerSelect
          label={t('leads.convert.other')}
          placeholder={t('leads.convert.otherPlaceholder')}
          value={picked}
          onChange={setPicked}
          clearable
          comboboxProps={{ withinPortal: true }}
          data-testid="convert-customer"
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose} disabled={convert.isPending}>
            {t('common.cancel')}
          </Button>
          <Button
            color="teal"
            loading={convert.isPending}
            onClick={() => convert.mutate({ id: lead.id, customerId: picked ?? match?.id })}
            data-testid="convert-confirm"
          >
            {picked || match ? t('leads.convert.link') : t('leads.convert.make')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
