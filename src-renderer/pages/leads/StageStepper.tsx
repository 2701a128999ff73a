import { Card, Group, Stepper, Text } from '@mantine/core';
import { IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { LeadRow } from '../../../src-shared/schemas/lead';
import { useLeadOptions } from './useLeadOptions';
import { useLeadMove } from './useLeadMove';

/** The lead's stage among all stages; a click on another step moves it there (asking why when needed). */
export function StageStepper({ lead, disabled }: { lead: LeadRow; disabled: boolean }) {
  const { t } = useTranslation();
  const { stages } = useLeadOptions();
  const { move, modal } = useLeadMove();
  const active = stages.findIndex((stage) => stage.id === lead.stageId);
  return (
    <Card data-testid="lead-stepper">
      <Group justify="space-between" mb="md">
        <Text fw={700}>{t('leads.stage')}</Text>
        <Text size="xs" c="dimmed">
          {t('leads.stepperHint')}
        </Text>
      </Group>
      <Stepper
        active={active}
        size="sm"
        iconSize={30}
        allowNextStepsSelect={!disabled}
        onStepClick={(index) => {
          const stage = stages[index];
          if (!disabled && stage) move(lead, stage);
        }}
        color={lead.stageKind === 'lost' ? 'red' : lead.stageKind === 'won' ? 'teal' : 'navy'}
        styles={{ steps: { flexWrap: 'wrap', rowGap: 12 }, separator: { minWidth: 12 } }}
      >
        {stages.map((stage) => (
          <Stepper.Step
            key={stage.id}
            label={stage.name}
            description={`${stage.probability}%`}
            allowStepSelect={!disabled && stage.id !== lead.stageId}
            completedIcon={stage.kind === 'lost' ? <IconX size={16} /> : undefined}
            data-testid={`lead-step-${stage.id}`}
          />
        ))}
      </Stepper>
      {modal}
    </Card>
  );
}
