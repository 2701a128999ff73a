import { Card, Group, Skeleton, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconCalendarPlus, IconMail, IconMapPin, IconNote, IconPhone, IconShare, type Icon } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../src-shared/format/date';
import { formatPhone } from '../../../src-shared/format/phone';
import type { CustomerRow } from '../../../src-shared/schemas/customer';
import { WhatsAppButton } from '../../components/WhatsAppButton';
import { useSession } from '../../session/context';

export function ContactCard({ customer }: { customer: CustomerRow | undefined }) {
  const { t } = useTranslation();
  const timeZone = useSession().status.business?.timezone;
  return (
    <Card h="100%">
      <Text fw={700} mb="md">
        {t('customers.contact')}
      </Text>
      {!customer ? (
        <Stack gap="sm">
          {[1, 2, 3, 4].map((line) => (
            <Skeleton key={line} height={18} />
          ))}
        </Stack>
      ) : (
        <Stack gap="sm">
          <Group justify="space-between" align="flex-start" gap="xs">
            <Line icon={IconPhone} label={t('customers.phone')} value={formatPhone(customer.phone)} />
            <WhatsAppButton phone={customer.phone} testId="customer-wa" />
          </Group>
          <Line icon={IconMail} label={t('customers.email')} value={customer.email} />
          <Line icon={IconMapPin} label={t('customers.address')} value={[customer.address, customer.city].filter(Boolean).join(', ')} />
          <Line icon={IconShare} label={t('customers.source')} value={customer.source} />
          <Line icon={IconNote} label={t('customers.notes')} value={customer.notes} />
          <Line icon={IconCalendarPlus} label={t('customers.createdAt')} value={formatDate(customer.created_at, timeZone)} />
        </Stack>
      )}
    </Card>
  );
}

export function Line({ icon: LineIcon, label, value }: { icon: Icon; label: string; value: ReactNode }) {
  return (
    <Group gap="sm" wrap="nowrap" align="flex-start">
      <ThemeIcon variant="light" color="gray" size={30} radius="md">
        <LineIcon size={16} />
      </ThemeIcon>
      <Stack gap={0} style={{ minWidth: 0 }}>
        <Text size="xs" c="dimmed">
          {label}
        </Text>
        <Text size="sm" style={{ overflowWrap: 'anywhere', whiteSpace: 'pre-line' }}>
          {value || '—'}
        </Text>
      </Stack>
    </Group>
  );
}
