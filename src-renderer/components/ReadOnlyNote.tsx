import { Alert } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

/** Tells people without the right role why the form is greyed out. */
export function ReadOnlyNote() {
  const { t } = useTranslation();
  return (
    <Alert variant="light" color="gray" icon={<IconLock size={16} />}>
      {t('common.readOnly')}
    </Alert>
  );
}
