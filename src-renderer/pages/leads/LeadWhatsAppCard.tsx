import { Card, Group, Select, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fillPlaceholders } from '../../../src-shared/content/placeholders';
import type { LeadRow } from '../../../src-shared/schemas/lead';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { notifySuccess } from '../../components/notify';
import { WhatsAppButton } from '../../components/WhatsAppButton';
import { useSession } from '../../session/context';

/**
 * WhatsApp to a lead: a greeting or an approved WhatsApp message of the content library, its
 * placeholders filled for this lead, editable, opened as a wa.me chat — and kept as an activity of
 * kind `whatsapp`, so the lead's history says what was sent and when.
 */
export function LeadWhatsAppCard({ lead }: { lead: LeadRow }) {
  const { t } = useTranslation();
  const shop = useSession().status.business?.name ?? '';
  const library = useApiQuery(
    'content.list',
    { channel: 'whatsapp', status: 'approved', page: 1, pageSize: 50 },
    { staleTime: 60_000, meta: { silent: true } },
  );
  const templates = [
    { value: 'greeting', label: t('leads.wa.greeting'), body: t('leads.wa.greetingText') },
    ...(library.data?.rows ?? []).map((row) => ({ value: row.id, label: row.body.slice(0, 60), body: row.body })),
  ];
  const fill = (body: string) => fillPlaceholders(body, { nama: lead.name, kota: lead.city, toko: shop, kode_kampanye: lead.campaignCode });
  const [chosen, setChosen] = useState('greeting');
  const [message, setMessage] = useState(() => fill(t('leads.wa.greetingText')));
  const log = useApiMutation('activities.create', { invalidates: ['leads', 'activities', 'followUps'], onSuccess: () => notifySuccess(t('leads.wa.logged')) });

  return (
    <Card data-testid="lead-wa">
      <Text fw={700} mb="sm">
        {t('leads.wa.title')}
      </Text>
      <Stack gap="sm">
        <Select
          label={t('leads.wa.template')}
          data={templates.map(({ value, label }) => ({ value, label }))}
          value={chosen}
          allowDeselect={false}
          onChange={(value) => {
            const template = templates.find((item) => item.value === value);
            if (!template) return;
            setChosen(template.value);
            setMessage(fill(template.body));
          }}
          data-testid="lead-wa-template"
        />
        <Textarea
          label={t('leads.wa.message')}
          value={message}
          onChange={(event) => setMessage(event.currentTarget.value)}
          autosize
          minRows={3}
          maxRows={8}
          data-testid="lead-wa-message"
        />
        <Group justify="flex-end">
          <WhatsAppButton
            phone={lead.phone}
            size="sm"
            message={message}
            onOpen={() => log.mutate({ leadId: lead.id, kind: 'whatsapp', outcome: message.slice(0, 2000) })}
            testId="lead-wa-send"
          />
        </Group>
      </Stack>
    </Card>
  );
}
