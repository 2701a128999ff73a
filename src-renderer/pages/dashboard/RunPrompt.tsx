import { Button } from '@mantine/core';
import { IconChartPie, IconPlayerPlay } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { EmptyList } from '../../components/EmptyList';
import { useCan } from '../../session/usePermission';
import { RfmRunProgress } from '../rfm/RfmRunProgress';
import { startRun, useRfmRun } from '../rfm/runStore';

/** No analysis yet: one button runs it with the Settings defaults (staff are told who can). */
export function RunPrompt({ testId }: { testId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const canRun = useCan()('rfm.run');
  const run = useRfmRun();
  return (
    <>
      <EmptyList
        icon={IconChartPie}
        title={t('dashboard.noRunTitle')}
        description={canRun ? t('dashboard.noRunText') : t('rfm.emptyTextStaff')}
        testId={testId}
        actions={
          canRun && (
            <Button
              color="sun.5"
              c="navy.9"
              leftSection={<IconPlayerPlay size={16} />}
              loading={run.running}
              onClick={() => void startRun({}, queryClient)}
              data-testid={`${testId}-button`}
            >
              {t('rfm.run.button')}
            </Button>
          )
        }
      />
      <RfmRunProgress />
    </>
  );
}
