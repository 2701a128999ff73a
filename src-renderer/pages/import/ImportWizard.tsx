import { Card, Stack } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { CheckStep } from './CheckStep';
import { CommitConfirmModal } from './CommitConfirmModal';
import { DoneStep } from './DoneStep';
import { missingRequired } from './fields';
import { MappingStep } from './MappingStep';
import { PreviewStep } from './PreviewStep';
import { UploadStep } from './UploadStep';
import { STEP, useWizard } from './wizardStore';
import { commit } from './wizardRun';
import { WizardNav } from './WizardNav';
import { WizardStepper } from './WizardStepper';

/** Choose file → preview → match columns → check (dry run) → import. */
export function ImportWizard() {
  const queryClient = useQueryClient();
  const wizard = useWizard();
  const [confirming, setConfirming] = useState(false);
  const { step, inspect, run, busy, report, result } = wizard;
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

  return (
    <Stack gap="lg" ref={top}>
      <WizardStepper wizard={wizard} locked={locked} />
      <Card>
        <Stack gap="lg">
          {step === STEP.file && <UploadStep wizard={wizard} />}
          {step === STEP.preview && <PreviewStep wizard={wizard} />}
          {step === STEP.mapping && <MappingStep wizard={wizard} missing={missing} />}
          {step === STEP.check && <CheckStep wizard={wizard} />}
          {step === STEP.done && <DoneStep wizard={wizard} />}
          <WizardNav step={step} inspected={Boolean(inspect)} locked={locked} missing={missing} canCommit={canCommit} onCommit={() => setConfirming(true)} />
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
