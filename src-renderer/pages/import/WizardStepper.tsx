import { Card, Stepper } from '@mantine/core';
import { IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { goTo, STEP, type Step, type WizardState } from './wizardStore';

/**
 * The import wizard's five steps across its top, each done one ticked, an earlier one clickable
 * while nothing runs, and the last one red (failed, stopped) or grey (cancelled) when the import
 * ended early. Apart from the wizard (ImportWizard.tsx) because it only shows where the user is.
 */
export function WizardStepper({ wizard, locked }: { wizard: WizardState; locked: boolean }) {
  const { t } = useTranslation();
  const { step, run, result, runProblem } = wizard;
  // The import step is done only when the import completed: a cancelled, failed or stopped one
  // shows that instead, and a completed one ticks every step.
  const doneStatus = step !== STEP.done || run ? null : runProblem ? (runProblem.code === 'CANCELLED' ? 'cancelled' : 'failed') : (result?.status ?? null);
  const active = doneStatus === 'completed' ? STEP.done + 1 : step;
  const endedEarly = doneStatus !== null && doneStatus !== 'completed';

  const steps = [
    { label: t('import.steps.file'), description: t('import.steps.fileDesc') },
    { label: t('import.steps.preview'), description: t('import.steps.previewDesc') },
    { label: t('import.steps.mapping'), description: t('import.steps.mappingDesc') },
    { label: t('import.steps.check'), description: t('import.steps.checkDesc') },
    { label: t('import.steps.done'), description: endedEarly ? t(`import.done.status.${doneStatus}`) : t('import.steps.doneDesc') },
  ];

  return (
    <Card>
      <Stepper active={active} onStepClick={(index) => index < step && !locked && goTo(index as Step)} size="sm" allowNextStepsSelect={false}>
        {steps.map((s, index) => {
          const ended = endedEarly && index === STEP.done;
          return (
            <Stepper.Step
              key={s.label}
              label={s.label}
              description={s.description}
              color={ended ? (doneStatus === 'cancelled' ? 'gray' : 'red') : undefined}
              progressIcon={ended ? <IconX size={18} /> : undefined}
              data-testid={`import-step-${index}`}
              data-status={index === STEP.done ? (doneStatus ?? undefined) : undefined}
            />
          );
        })}
      </Stepper>
    </Card>
  );
}
