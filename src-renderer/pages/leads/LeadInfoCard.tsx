import { Card, Skeleton, Stack, Text } from '@mantine/core';
import {
  IconBuilding,
  IconCalendarDue,
  IconCash,
  IconMail,
  IconMapPin,
  IconNote,
  IconPhone,
  IconShare,
  IconSpeakerphone,
  IconStar,
  IconUser,
} from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../src-shared/format/date';
import { formatRupiah } from '../../../src-shared/format/money';
import { formatPhone } from '../../../src-shared/format/phone';
import type { LeadRow } from '../../../src-shared/schemas/lead';
import { Line } from '../customers/ContactCard';

/** The lead's fields, as the customer page's contact card shows a customer's. */
export function LeadInfoCard({ lead }: { lead: LeadRow | undefined }) {
  const { t } = useTranslation();
  return (
    <Card data-testid="lead-info">
      <Text fw={700} mb="md">
        {t('leads.details')}
      </Text>
      {!lead ? (
        <Skeleton height={200} />
      ) : (
        <Stack gap="sm">
          <Line icon={IconBuilding} label={t('leads.organisation')} value={lead.organisation} />
          <Line icon={IconPhone} label={t('leads.phone')} value={formatPhone(lead.phone)} />
          <Line icon={IconMail} label={t('leads.email')} value={lead.email} />
          <Line icon={IconMapPin} label={t('leads.city')} value={lead.city} />
          <Line
            icon={IconShare}
            label={t('leads.channel')}
            value={[lead.channelName, [lead.utmSource, lead.utmMedium].filter(Boolean).join(' / ')].filter(Boolean).join(' · ')}
          />
          <Line icon={IconSpeakerphone} label={t('leads.campaignCode')} value={lead.campaignCode} />
          <Line icon={IconStar} label={t('leads.interest')} value={lead.interest} />
          <Line icon={IconCash} label={t('leads.value')} value={<span className="sma-num">{formatRupiah(lead.value)}</span>} />
          <Line icon={IconUser} label={t('leads.owner.label')} value={lead.ownerName ?? t('leads.owner.none')} />
          <Line icon={IconCalendarDue} label={t('leads.expectedClose')} value={lead.expectedClose ? formatDate(lead.expectedClose) : null} />
          {lead.lostReason && <Line icon={IconNote} label={t('leads.lostReason')} value={lead.lostReason} />}
          <Line icon={IconNote} label={t('leads.notes')} value={lead.notes} />
        </Stack>
      )}
    </Card>
  );
}
