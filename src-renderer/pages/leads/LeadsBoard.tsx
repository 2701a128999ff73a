import { Anchor, Badge, Box, Card, Group, Skeleton, Stack, Text, VisuallyHidden } from '@mantine/core';
import { useEffect, useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { LeadRow } from '../../../src-shared/schemas/lead';
import { useApiQuery } from '../../api/hooks';
import { Money } from '../../../src-ui/components/Money';
import { hrefWith } from '../../router';
import { filterInput, isFiltered, type LeadFilterValues } from './LeadFilters';
import { LeadCard } from './LeadCard';
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
          {stages.map((stage) => {
            const more = stage.count - stage.leads.length;
            return (
              <Card
                key={stage.id}
                padding="sm"
                radius="md"
                bg={over === stage.id ? 'var(--mantine-color-navy-light)' : 'var(--mantine-color-default-hover)'}
                // Won and Lost hold closed deals: narrower, so all six columns fit a 1366 px laptop as drop targets.
                style={{ flex: stage.kind === 'open' ? '1 0 172px' : '1 0 140px', maxWidth: 320, outline: over === stage.id ? '2px dashed var(--mantine-color-navy-5)' : undefined }}
                onDragOver={(event) => {
                  event.preventDefault();
                  event.dataTransfer.dropEffect = 'move';
                  setOver(stage.id);
                }}
                onDragLeave={(event) => {
                  if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setOver(null);
                }}
                onDrop={(event) => {
                  event.preventDefault();
                  setOver(null);
                  const lead = leads.get(event.dataTransfer.getData('text/plain'));
                  if (lead) moveCard(lead, stage);
                }}
                data-testid="board-column"
                data-stage-id={stage.id}
                data-count={stage.count}
                aria-label={stage.name}
                role="region"
              >
                <Stack gap={2} mb="sm">
                  <Group justify="space-between" wrap="nowrap" gap={4}>
                    <Text fw={700} size="sm" style={{ overflowWrap: 'anywhere' }}>
                      {stage.name}
                    </Text>
                    <Badge variant="filled" color={stage.kind === 'won' ? 'teal' : stage.kind === 'lost' ? 'gray' : 'navy'} size="sm" className="sma-num" data-testid="board-column-count">
                      {stage.count}
                    </Badge>
                  </Group>
                  <Group justify="space-between" gap={4} wrap="nowrap">
                    <Text size="xs" c="dimmed" className="sma-num" data-testid="board-column-value">
                      <Money amount={stage.value} />
                    </Text>
                    <Text size="xs" c="dimmed" className="sma-num">
                      {stage.probability}%
                    </Text>
                  </Group>
                </Stack>
                <Stack gap="xs" mah="calc(100vh - 330px)" mih={80} style={{ overflowY: 'auto' }} p={2}>
                  {stage.leads.map((lead) => (
                    <LeadCard key={lead.id} lead={lead} stages={stages} onMove={moveCard} hintId={hintId} />
                  ))}
                  {stage.count === 0 && (
                    <Text size="xs" c="dimmed" ta="center" py="lg">
                      {t('leads.board.emptyColumn')}
                    </Text>
                  )}
                </Stack>
                {more > 0 && (
                  <Anchor href={hrefWith({ view: 'table', stage: stage.id }, 'leads')} size="xs" mt="xs" data-testid="board-column-more">
                    {t('leads.board.more', { n: more })}
                  </Anchor>
                )}
              </Card>
            );
          })}
        </Group>
      </Box>
      {modal}
    </>
  );
}
