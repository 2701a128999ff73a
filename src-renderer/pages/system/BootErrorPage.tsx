import { Alert, Button } from '@mantine/core';
import { IconAlertTriangle, IconRefresh } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { AuthLayout } from '../../../src-ui/components/AuthLayout';

export function BootErrorPage({ message, onRetry }: { message: string; onRetry: () => void }) {
  const { t } = useTranslation();
  return (
    <AuthLayout title={t('errors.bootFailed')}>
      <Alert color="red" variant="light" icon={<IconAlertTriangle />}>
        {message}
      </Alert>
      <Button leftSection={<IconRefresh size={16} />} onClick={onRetry}>
        {t('errors.retry')}
      </Button>
    </AuthLayout>
  );
}
