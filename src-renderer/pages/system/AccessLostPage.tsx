import { Alert, Text } from '@mantine/core';
import { IconPlugConnectedX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { AuthLayout } from '../../../src-ui/components/AuthLayout';

/** Browser mode only: the host refused our cookie (401), so only the terminal's link can help. */
export function AccessLostPage() {
  const { t } = useTranslation();
  return (
    <AuthLayout title={t('errors.accessLostTitle')}>
      <Alert color="sun" variant="light" icon={<IconPlugConnectedX />} data-testid="access-lost">
        <Text fw={600}>{t('errors.accessLost')}</Text>
      </Alert>
      <Text size="sm" c="dimmed">
        {t('errors.accessLostHint')}
      </Text>
    </AuthLayout>
  );
}
