import { Button, Group } from '@mantine/core';
import { IconArrowLeft, IconArrowRight, IconChecklist, IconDatabaseImport } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { goTo, STEP, type Step } from './wizardStore';
import { validate } from './wizardRun';

interface Props {
  step: Step;
  /** Whether the file has been read: the preview and the mapping need it. */
  inspected: boolean;
  locked: boolean;
  /** Required fields not matched to a column yet: the check waits for them. */
  missing: string[];
  canCommit: boolean;
  onCommit: () => void;
}

/**
 * The buttons at the foot of each step: back, and forward — next, check the file (the dry run) or
 * import, as the step asks. Apart from the wizard (ImportWizard.tsx) because which button shows,
 * and when it is disabled, is its own set of rules.
 */
export function WizardNav({ step, inspected, locked, missing, canCommit, onCommit }: Props) {
  const { t } = useTranslation();
  const back = step > STEP.file && step < STEP.done && (
    <Button variant="default" leftSection={<IconArrowLeft size={16} />} onClick={() => goTo((step - 1) as Step)} disabled={locked} data-testid="import-back">
      {t('common.back')}
    </Button>
  );

  let forward = null;
  if (step === STEP.file || step === STEP.preview) {
    forward = (
      <Button rightSection={<IconArrowRight size={16} />} onClick={() => goTo((step + 1) as Step)} disabled={!inspected || locked} data-testid="import-next">
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
      <Button color="sun.5" c="navy.9" leftSection={<IconDatabaseImport size={18} />} onClick={onCommit} disabled={!canCommit} data-testid="import-commit">
        {t('import.report.commit')}
      </Button>
    );
  }

  if (!back && !forward) return null;
  return (
    <Group justify="space-between" pt="md" style={{ borderTop: '1px solid var(--mantine-color-default-border)' }}>
      <div>{back}</div>
      {forward}
    </Group>
  );
}
