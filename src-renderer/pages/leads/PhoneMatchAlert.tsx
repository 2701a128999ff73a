import { Alert, Anchor, Button, Stack, Text } from '@mantine/core';
import { IconCopy } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { phoneMatchOutput } from '../../../src-shared/schemas/lead';
import { href } from '../../router';

type Match = z.infer<typeof phoneMatchOutput>[number];

/**
 * "Nomor ini sudah dipakai …", each match a link. A customer with the number may be a returning
 * buyer: once the save was refused, "Tetap simpan" goes on. Another lead never: one person, one lead.
 */
export function PhoneMatchAlert({ matches, onSaveAnyway, saving }: { matches: Match[]; onSaveAnyway?: () => void; saving: boolean }) {
  const { t } = useTranslation();
  if (matches.length === 0) return null;
  const leadMatch = matches.some((match) => match.kind === 'lead');
  return (
    <Alert color="sun" variant="light" icon={<IconCopy size={18} />} title={t('leads.dup.title')} data-testid="lead-phone-match">
      <Stack gap={6}>
        {matches.map((match) => (
          <Text size="sm" key={`${match.kind}-${match.id}`}>
            {match.kind === 'lead' ? t('leads.dup.lead') : t('leads.dup.customer')}{' '}
            <Anchor
              href={href(match.kind === 'lead' ? 'leads' : 'customers', match.id)}
              fw={600}
              size="sm"
              target="_self"
              data-testid={`lead-phone-match-${match.kind}`}
            >
              {match.name} ({match.code})
            </Anchor>
          </Text>
        ))}
        {leadMatch && (
          <Text size="xs" c="dimmed">
            {t('leads.dup.leadHint')}
          </Text>
        )}
        {onSaveAnyway && !leadMatch && (
          <Button size="xs" color="sun.5" c="navy.9" w="fit-content" onClick={onSaveAnyway} loading={saving} data-testid="lead-save-anyway">
            {t('customers.saveAnyway')}
          </Button>
        )}
      </Stack>
    </Alert>
  );
}
