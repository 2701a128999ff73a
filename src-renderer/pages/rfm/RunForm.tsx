import { Button, Card, Group, Stack, Text } from '@mantine/core';
import { IconPlayerPlay } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { dateInZone } from '../../../src-shared/format/date';
import type { RfmMethod } from '../../../src-shared/rfm/rules';
import type { Settings } from '../../../src-shared/schemas/settings';
import { Captioned } from '../../components/Captioned';
import { DayInput } from '../../components/DayInput';
import { methodOptions, type WindowChoice } from '../../components/rfm/rfmChoices';
import { SegmentedChoice } from '../../components/SegmentedChoice';
import { navigate } from '../../router';
import { useSession } from '../../session/context';
import { RfmRunProgress } from './RfmRunProgress';
import { startRun, useRfmRun } from './runStore';
import { RunWindowInput } from './RunWindowInput';

/** Method, analysis date and window for one run; Settings give the defaults, a run can differ. */
export function RunForm({ settings }: { settings: Settings }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const { status } = useSession();
  const run = useRfmRun();
  const today = dateInZone(new Date(), status.business?.timezone);
  const [method, setMethod] = useState<RfmMethod>(settings.rfmMethod);
  const [asOf, setAsOf] = useState<string>(today);
  const [windowChoice, setWindowChoice] = useState<WindowChoice>(settings.rfmWindowMonths === null ? 'all' : 'months');
  const [months, setMonths] = useState<number | ''>(settings.rfmWindowMonths ?? 12);
  const monthsValid = windowChoice === 'all' || (typeof months === 'number' && months >= 1 && months <= 240);

  const submit = async () => {
    const runId = await startRun({ method, asOf, windowMonths: windowChoice === 'all' ? null : Number(months) }, queryClient);
    // The page shows the latest run when no run is named in the address.
    if (runId) navigate('rfm');
  };

  return (
    <Card data-testid="rfm-run-form">
      <Stack gap="md">
        <div>
          <Text fw={700}>{t('rfm.run.title')}</Text>
          <Text size="sm" c="dimmed">
            {t('rfm.run.hint')}
          </Text>
        </div>
        <Group gap="lg" align="flex-end" wrap="wrap">
          <Captioned label={t('rfm.method.label')}>
            <SegmentedChoice value={method} onChange={setMethod} options={methodOptions(t)} data-testid="rfm-run-method" />
          </Captioned>
          <DayInput label={t('rfm.run.asOf')} value={asOf} onChange={(value) => setAsOf(value ?? today)} maxDate={today} w={170} data-testid="rfm-run-asof" />
          <RunWindowInput choice={windowChoice} months={months} invalid={!monthsValid} onChoice={setWindowChoice} onMonths={setMonths} />
          <Button
            ml="auto"
            color="sun.5"
            c="navy.9"
            leftSection={<IconPlayerPlay size={16} />}
            onClick={() => void submit()}
            loading={run.running}
            disabled={!monthsValid}
            data-testid="rfm-run-button"
          >
            {t('rfm.run.button')}
          </Button>
        </Group>
        <RfmRunProgress />
      </Stack>
    </Card>
  );
}
