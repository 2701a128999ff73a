import { Anchor, Badge, Button, Card, Grid, Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconArrowLeft, IconPencil, IconRestore, IconTrash, IconUserCheck, IconUserQuestion, IconUsers } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../api/hooks';
import { EmptyList } from '../../components/EmptyList';
import { href, navigate } from '../../router';
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

  const back = (
    <Anchor href={href('leads')} size="sm" c="dimmed">
      <Group gap={4}>
        <IconArrowLeft size={14} />
        {t('leads.backToList')}
      </Group>
    </Anchor>
  );

  if (detail.isError) {
    return (
      <Stack>
        {back}
        <Card>
          <EmptyList icon={IconUserQuestion} title={t('leads.notFound')} description={detail.error.message} actions={<Button onClick={() => navigate('leads')}>{t('leads.backToList')}</Button>} />
        </Card>
      </Stack>
    );
  }

  const lead = detail.data?.lead;
  const deleted = Boolean(lead?.deletedAt);

  return (
    <Stack gap="lg">
      <Stack gap={6}>
        {back}
        <Group justify="space-between" align="flex-end" wrap="wrap" gap="md">
          {lead ? (
            <Group gap="sm" style={{ minWidth: 0 }}>
              <Title order={1} size="h2" data-testid="lead-name" style={{ overflowWrap: 'anywhere' }}>
                {lead.name}
              </Title>
              <Badge variant="outline" color="gray" size="lg" ff="monospace" tt="none">
                {lead.code}
              </Badge>
              <StageBadge name={lead.stageName} kind={lead.stageKind} />
              {deleted && (
                <Badge color="red" size="lg">
                  {t('customers.deletedBadge')}
                </Badge>
              )}
            </Group>
          ) : (
            <Skeleton height={32} width={280} />
          )}
          {lead && (
            <Group gap="sm">
              {!deleted && (
                <Button variant="default" leftSection={<IconPencil size={16} />} onClick={() => actions.openEdit(lead)} data-testid="lead-edit">
                  {t('common.edit')}
                </Button>
              )}
              {!deleted && actions.canDelete && (
                <Button variant="default" c="red" leftSection={<IconTrash size={16} />} onClick={() => actions.askDelete(lead)} data-testid="lead-delete">
                  {t('common.delete')}
                </Button>
              )}
              {deleted && actions.canRestore && (
                <Button variant="light" color="teal" leftSection={<IconRestore size={16} />} onClick={() => actions.restore(lead)} data-testid="lead-restore">
                  {t('common.restore')}
                </Button>
              )}
              {lead.customerId ? (
                <Button component="a" href={href('customers', lead.customerId)} variant="light" color="teal" leftSection={<IconUsers size={16} />} data-testid="lead-customer-link">
                  {t('leads.convert.open', { name: detail.data?.customerMatch?.name ?? lead.name })}
                </Button>
              ) : (
                !deleted && (
                  <Button color="sun.5" c="navy.9" leftSection={<IconUserCheck size={16} />} onClick={() => setConverting(true)} data-testid="lead-convert">
                    {t('leads.convert.button')}
                  </Button>
                )
              )}
            </Group>
          )}
        </Group>
      </Stack>

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
      {lead && <ConvertModal key={String(converting)} opened={converting} lead={lead} match={detail.data?.customerMatch ?? null} onClose={() => setConverting(false)} />}
      {modals}
    </Stack>
  );
}
