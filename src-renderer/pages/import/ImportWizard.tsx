import { Button, Card, Group, Stack, Stepper } from '@mantine/core';
import { IconArrowLeft, IconArrowRight, IconChecklist, IconDatabaseImport, IconX } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CheckStep } from './CheckStep';
import { CommitConfirmModal } from './CommitConfirmModal';
import { DoneStep } from './DoneStep';
import { missingRequired } from './fields';
import { MappingStep } from './MappingStep';
import { PreviewStep } from './PreviewStep';
import { UploadStep } from './UploadStep';
import { goTo, STEP, useWizard, type Step } from './wizardStore';
import { commit, validate } from './wizardRun';

/** Choose file → preview → match columns → check (dry run) → import. */
export function ImportWizard() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const wizard = useWizard();
  const [confirming, setConfirming] = useState(false);
  const { step, inspect, run, busy, report, result, runProblem } = wizard;
  const top = useRef<HTMLDivElement>(null);
  const shownStep = useRef(step);

  // Each step opens at its top: the button that leads to it sits at the bottom of the step before.
  useEffect(() => {
    if (shownStep.current === step) return;
    shownStep.current = step;
    if ((top.current?.getBoundingClientRect().top ?? 0) < 0 || window.scrollY > 0) window.scrollTo({ top: 0 });
  }, [step]);

  const locked = Boolean(run || busy) || result?.status === 'completed';
  const missing = inspect ? missingRequired(inspect.fields, wizard.mapping) : [];
  const canCommit = report?.status === 'valid' && !run;

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

  const back = step > STEP.file && step < STEP.done && (
    <Button variant="default" leftSection={<IconArrowLeft size={16} />} onClick={() => goTo((step - 1) as Step)} disabled={locked} data-testid="import-back">
      {t('common.back')}
    </Button>
  );

  let forward = null;
  if (step === STEP.file || step === STEP.preview) {
    forward = (
      <Button rightSection={<IconArrowRight size={16} />} onClick={() => goTo((step + 1) as Step)} disabled={!inspect || locked} data-testid="import-next">
        {t('common.next')}
      </Button>
    );
  } else if (step === STEP.mapping) {
    forward = (
      <Button leftSection={<IconChecklist size={18} />} onClick={validate} disabled={missing.length > 0 || locked} data-testid="import-validate">
        {t('import.mapping.validate')}
      </Button>
    );
  } else if (step === STEP.check) {
    forward = (
      <Button
        color="sun.5"
        c="navy.9"
        leftSection={<IconDatabaseImport size={18} />}
        onClick={() => setConfirming(true)}
        disabled={!canCommit}
        data-testid="import-commit"
      >
        {t('import.report.commit')}
      </Button>
    );
  }

  return (
    <Stack gap="lg" ref={top}>
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
      <Card>
        <Stack gap="lg">
          {step === STEP.file && <UploadStep wizard={wizard} />}
          {step === STEP.preview && <PreviewStep wizard={wizard} />}
          {step === STEP.mapping && <MappingStep wizard={wizard} missing={missing} />}
          {step === STEP.check && <CheckStep wizard={wizard} />}
          {step === STEP.done && <DoneStep wizard={wizard} />}
          {(back || forward) && (
            <Group justify="space-between" pt="md" style={{ borderTop: '1px solid var(--mantine-color-default-border)' }}>
              <div>{back}</div>
              {forward}
            </Group>
          )}
        </Stack>
      </Card>
      <CommitConfirmModal
        opened={confirming && canCommit}
        report={report}
        onClose={() => setConfirming(false)}
        onConfirm={() => {
          setConfirming(false);
          void commit(queryClient);
        }}
      />
    </Stack>
  );
}
