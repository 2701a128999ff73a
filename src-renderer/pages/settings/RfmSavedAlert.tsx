import { Alert, Button, Stack, Text } from '@mantine/core';
import { IconCheck, IconPlayerPlay } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { navigate } from '../../router';
import { useCan } from '../../session/usePermission';
import { startRun, useRfmRun } from '../rfm/runStore';

/**
 * Shown once the RFM settings are saved: they apply from the next analysis, which the user may
 * start right here (and follow on the RFM page). Apart from the form (RfmTab.tsx) because it is
 * about the analysis, not the settings.
 */
export function RfmSavedAlert({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const canRun = useCan()('rfm.run');
  const queryClient = useQueryClient();
  const run = useRfmRun();
  return (
    <Alert color="teal" icon={<IconCheck size={18} />} title={t('rfmSettings.savedTitle')} withCloseButton onClose={onClose} data-testid="rfm-settings-saved">
      <Stack gap="xs" align="flex-start">
        <Text size="sm">{t('rfmSettings.savedText')}</Text>
        {canRun && (
          <Button
            size="xs"
            leftSection={<IconPlayerPlay size={14} />}
            loading={run.running}
            onClick={() => {
              void startRun({}, queryClient);
              navigate('rfm');
            }}
            data-testid="rfm-settings-run"
          >
            {t('rfmSettings.runNow')}
          </Button>
        )}
      </Stack>
    </Alert>
  );
}
