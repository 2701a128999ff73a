import { Button, Group, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { TimeInput } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { IconClock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ACTIVITY_KINDS } from '../../../src-shared/schemas/lead';
import { useApiMutation } from '../../api/hooks';
import { DayInput } from '../../components/DayInput';
import { notifySuccess } from '../../components/notify';
import { applyServerIssues } from '../../forms/validation';
import { OwnerSelect } from './OwnerSelect';
import { useLeadOptions } from './useLeadOptions';

type Kind = (typeof ACTIVITY_KINDS)[number];
const initialValues = { kind: 'call' as Kind, outcome: '', nextAction: '', dueDate: null as string | null, dueTime: '', assignedTo: null as string | null };
type Values = typeof initialValues;

/** "Catat aktivitas": what happened (call, chat, meeting, note), and the next step with its day and time. */
export function ActivityForm({ leadId, onDone }: { leadId: string; onDone?: () => void }) {
  const { t } = useTranslation();
  const options = useLeadOptions();
  // A next step without a day is never reminded of (the server files it as done): ask for the day.
  const form = useForm<Values>({
    initialValues,
    validate: { dueDate: (value, values) => (values.nextAction.trim() && !value ? t('leads.activity.needDate') : null) },
  });
  const create = useApiMutation('activities.create', {
    invalidates: ['leads', 'activities', 'followUps'],
    silent: true,
    onSuccess: () => {
      notifySuccess(t('leads.activity.saved'));
      form.reset();
      onDone?.();
    },
    onError: (error) => applyServerIssues(form, error) || form.setFieldError('outcome', error.message),
  });
  const submit = (values: Values) =>
    create.mutate({
      leadId,
      kind: values.kind,
      outcome: values.outcome,
      nextAction: values.nextAction,
      dueDate: values.dueDate,
      dueTime: values.dueTime || null,
      assignedTo: values.assignedTo,
    });

  return (
    <form onSubmit={form.onSubmit(submit)} noValidate data-testid="activity-form">
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" verticalSpacing="sm">
          <Select
            label={t('leads.activity.kind')}
            data={ACTIVITY_KINDS.map((kind) => ({ value: kind, label: t(`leads.activity.kinds.${kind}`) }))}
            allowDeselect={false}
            {...form.getInputProps('kind')}
            data-testid="activity-kind"
          />
          {options.seesAll && (
            <OwnerSelect
              label={t('leads.activity.assignee')}
              placeholder={t('leads.activity.assigneeMe')}
              {...form.getInputProps('assignedTo')}
              data-testid="activity-assignee"
            />
          )}
        </SimpleGrid>
        <Textarea
          label={t('leads.activity.outcome')}
          placeholder={t('leads.activity.outcomePlaceholder')}
          autosize
          minRows={2}
          maxRows={6}
          {...form.getInputProps('outcome')}
          data-testid="activity-outcome"
        />
        <TextInput
          label={t('leads.activity.nextAction')}
          placeholder={t('leads.activity.nextActionPlaceholder')}
          {...form.getInputProps('nextAction')}
          data-testid="activity-next"
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <DayInput label={t('leads.activity.dueDate')} clearable {...form.getInputProps('dueDate')} data-testid="activity-due-date" />
          <TimeInput
            label={t('leads.activity.dueTime')}
            leftSection={<IconClock size={16} />}
            disabled={!form.values.dueDate}
            {...form.getInputProps('dueTime')}
            data-testid="activity-due-time"
          />
        </SimpleGrid>
        <Group justify="flex-end">
          <Button type="submit" loading={create.isPending} data-testid="activity-save">
            {t('leads.activity.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
