import { Alert, Anchor, Button, Stack, Text } from '@mantine/core';
import { IconCopy } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { DuplicateMatch } from '../../../src-shared/schemas/customer';
import { href } from '../../router';

interface Props {
  matches: DuplicateMatch[];
  /** Set once the server refused the save: offers to keep both records. */
  onSaveAnyway?: () => void;
  saving?: boolean;
}

/** "Nomor HP ini sudah dipakai oleh Budi Santoso (C000012)", with a link to that customer. */
export function DuplicateAlert({ matches, onSaveAnyway, saving = false }: Props) {
  const { t } = useTranslation();
  if (matches.length === 0) return null;
  return (
    <Alert color="sun" variant="light" icon={<IconCopy size={18} />} title={t('customers.dupTitle')} data-testid="duplicate-warning">
      <Stack gap={6}>
        {matches.map((match) => (
          <Text size="sm" key={`${match.field}-${match.id}`}>
            {match.field === 'phone' ? t('customers.dupPhone') : t('customers.dupEmail')}{' '}
            <Anchor href={href('customers', match.id)} fw={600} size="sm" target="_self">
              {match.name} ({match.code})
            </Anchor>
            {match.deleted && ` ${t('customers.dupDeleted')}`}
          </Text>
        ))}
        {onSaveAnyway && (
          <Button
            size="xs"
            variant="filled"
            color="sun.5"
            c="navy.9"
            w="fit-content"
            onClick={onSaveAnyway}
            loading={saving}
            data-testid="customer-save-anyway"
          >
            {t('customers.saveAnyway')}
          </Button>
        )}
      </Stack>
    </Alert>
  );
}
