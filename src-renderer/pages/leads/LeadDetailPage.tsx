import { Button, Card, Grid, Skeleton, Stack, Text } from '@mantine/core';
import { IconUserCheck, IconUserQuestion, IconUsers } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../api/hooks';
import { RecordHeader, RecordNotFound } from '../../components/record/RecordHeader';
import { href } from '../../router';
import { ActivityForm } from './ActivityForm';
import { ActivityList } from './ActivityList';
import { ConvertModal } from './ConvertModal';
import { LeadInfoCard } from './LeadInfoCard';
import { LeadWhatsAppCard } from './LeadWhatsAppCard';
import { StageBadge } from './StageBadge';
import { StageHistory } from './StageHistory';
import { StageStepper } from './StageStepper';
import { useLeadActions } from './useLeadActions';

/** `#/leads/<id>`: the lead, its stage and history, its activities, WhatsApp and conversion. */
export function LeadDetailPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const detail = useApiQuery('leads.get', { id }, { meta: { silent: true } });
  const { modals, actions } = useLeadActions({ onDeleted: () => void detail.refetch() });
  const [converting, setConverting] = useState(false);

  if (detail.isError) {
    return <RecordNotFound list="leads" backLabel={t('leads.backToList')} icon={IconUserQuestion} title={t('leads.notFound')} message={detail.error.message} />;
  }

  const lead = detail.data?.lead;
  const deleted = Boolean(lead?.deletedAt);

  return (
    <Stack gap="lg">
      <RecordHeader
        list="leads"
        testPrefix="lead"
        backLabel={t('leads.backToList')}
        record={lead}
        deleted={deleted}
        actions={actions}
        badges={lead && <StageBadge name={lead.stageName} kind={lead.stageKind} />}
        more={(record) =>
          record.customerId ? (
            <Button
              component="a"
              href={href('customers', record.customerId)}
              variant="light"
              color="teal"
              leftSection={<IconUsers size={16} />}
              data-testid="lead-customer-link"
            >
              {t('leads.convert.open', { name: detail.data?.customerMatch?.name ?? record.name })}
            </Button>
          ) : (
            !deleted && (
              <Button color="sun.5" c="navy.9" leftSection={<IconUserCheck size={16} />} onClick={() => setConverting(true)} data-testid="lead-convert">
                {t('leads.convert.button')}
              </Button>
            )
          )
        }
      />

      {lead && <StageStepper lead={lead} disabled={deleted} />}

      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack gap="lg">
            <LeadInfoCard lead={lead} />
            {lead && !deleted && <LeadWhatsAppCard key={lead.id} lead={lead} />}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack gap="lg">
            <Card data-testid="lead-activities">
              <Text fw={700} mb="md">
                {t('leads.activity.title')}
              </Text>
              <Stack gap="lg">
                {lead && !deleted && <ActivityForm leadId={lead.id} />}
                {detail.data ? <ActivityList activities={detail.data.activities} /> : <Skeleton height={80} />}
              </Stack>
            </Card>
            {detail.data && <StageHistory history={detail.data.history} />}
          </Stack>
        </Grid.Col>
      </Grid>
      {lead && (
        <ConvertModal
          key={String(converting)}
          opened={converting}
          lead={lead}
          match={detail.data?.customerMatch ?? null}
          onClose={() => setConverting(false)}
        />
      )}
      {modals}
    </Stack>
  );
}
