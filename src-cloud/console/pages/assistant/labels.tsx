import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** A badge in a narrow table column keeps its whole word ("Booking", not "Book…"). */
export const NO_TRUNCATE = { minWidth: 'max-content' } as const;

const PHASE_COLOR = { LEADS: 'gray', INTEREST: 'cyan', BOOKING: 'teal' } as const;

export function PhaseBadge({ phase }: { phase: 'LEADS' | 'INTEREST' | 'BOOKING' }) {
  const { t } = useTranslation();
  return (
    <Badge color={PHASE_COLOR[phase]} variant="light" data-phase={phase} style={NO_TRUNCATE}>
      {t(`assistant.phase.${phase}`)}
    </Badge>
  );
}

type Reason = 'payment_intent' | 'person_request' | 'unknown_question' | 'low_confidence' | 'quota';
const isReason = (r: string): r is Reason => ['payment_intent', 'person_request', 'unknown_question', 'low_confidence', 'quota'].includes(r);

export function ReasonBadge({ reason }: { reason: string }) {
  const { t } = useTranslation();
  return (
    <Badge color={reason === 'payment_intent' ? 'teal' : reason === 'quota' ? 'red' : 'orange'} variant="light" data-reason={reason} style={NO_TRUNCATE}>
      {isReason(reason) ? t(`assistant.reason.${reason}`) : reason}
    </Badge>
  );
}

/** A rate as a percentage, one decimal, as the screen and the export write it. */
export const percent = (rate: number | null) => (rate === null ? '—' : `${(rate * 100).toLocaleString('id-ID', { maximumFractionDigits: 1 })}%`);
