import { Box, Card, Group, Skeleton, VisuallyHidden } from '@mantine/core';
import { useEffect, useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { LeadRow } from '../../../src-shared/schemas/lead';
import { useApiQuery } from '../../api/hooks';
import { filterInput, isFiltered, type LeadFilterValues } from './LeadFilters';
import { BoardColumn } from './BoardColumn';
import { useLeadMove } from './useLeadMove';

/** How many cards a column shows; the rest are a link to the table filtered by that stage. */
const PER_STAGE = 30;

/** The pipeline: one column per stage with its count and value, cards moved by drag or keyboard. */
/** `empty`: what a shop with no lead at all sees instead of six empty columns. */
export function LeadsBoard({ filters, empty }: { filters: LeadFilterValues; empty: ReactNode }) {
  const { t } = useTranslation();
  const board = useApiQuery('leads.board', { ...filterInput(filters), perStage: PER_STAGE });
  const { move, modal } = useLeadMove();
  const hintId = useId();
  const [over, setOver] = useState<string | null>(null);
  // A card moved from the keyboard lands in another column: keep the focus on it there.
  const [focusId, setFocusId] = useState<string | null>(null);
  const stages = board.data?.stages ?? [];
  const leads = new Map(stages.flatMap((stage) => stage.leads.map((lead) => [lead.id, lead] as const)));

  useEffect(() => {
    if (!focusId) return;
    const card = document.querySelector<HTMLElement>(`[data-lead-id="${CSS.escape(focusId)}"]`);
    if (card && document.activeElement !== card) card.focus();
  }, [focusId, board.data]);

  const moveCard = (lead: LeadRow, stage: { id: string; name: string }) => {
    setFocusId(lead.id);
    move(lead, stage);
  };

  if (!board.data) {
    return (
      <Group gap="md" wrap="nowrap" align="flex-start">
        {[1, 2, 3, 4].map((n) => (
          <Skeleton key={n} height={320} style={{ flex: '1 0 172px' }} radius="md" />
        ))}
      </Group>
    );
  }

  if (!isFiltered(filters) && stages.every((stage) => stage.count === 0)) return <Card>{empty}</Card>;

  return (
    <>
      <VisuallyHidden id={hintId}>{t('leads.board.keyboardHint')}</VisuallyHidden>
      <Box style={{ overflowX: 'auto' }} pb="sm" data-testid="leads-board">
        <Group gap="sm" wrap="nowrap" align="flex-start" miw="min-content">
          {stages.map((stage) => (
            <BoardColumn
              key={stage.id}
              stage={stage}
              stages={stages}
              highlighted={over === stage.id}
              onOver={setOver}
              onDropLead={(id, target) => {
                const lead = leads.get(id);
                if (lead) moveCard(lead, target);
              }}
              onMove={moveCard}
              hintId={hintId}
            />
          ))}
        </Group>
      </Box>
      {modal}
    </>
  );
}
