import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AssistantConversation } from '../../../src-shared/schemas/assistant';

type Phase = AssistantConversation['phase'];
const COLORS: Record<Phase, string> = { LEADS: 'gray', INTEREST: 'cyan', BOOKING: 'teal' };

/** LEADS → INTEREST → BOOKING, the assistant's phases, in the colours the console uses. */
export function PhaseBadge({ phase }: { phase: Phase }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color={COLORS[phase]} tt="none" style={{ minWidth: 'max-content' }} data-testid="assistant-phase" data-phase={phase}>
      {t(`assistant.phase.${phase}`)}
    </Badge>
  );
}

export const PHASE_COLORS = COLORS;
