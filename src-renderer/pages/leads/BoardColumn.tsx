import { Anchor, Badge, Card, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ChannelOutput } from '../../../src-shared/contract';
import type { LeadRow } from '../../../src-shared/schemas/lead';
import { Money } from '../../../src-ui/components/Money';
import { hrefWith } from '../../router';
import { LeadCard } from './LeadCard';

type Stage = ChannelOutput<'leads.board'>['stages'][number];

interface Props {
  stage: Stage;
  /** Every stage of the board, where a card may be moved from the keyboard. */
  stages: Stage[];
  /** A card is being dragged over this column. */
  highlighted: boolean;
  onOver: (stageId: string | null) => void;
  /** A card (by its lead's id) dropped on this column. */
  onDropLead: (leadId: string, stage: Stage) => void;
  onMove: (lead: LeadRow, stage: { id: string; name: string }) => void;
  hintId: string;
}

/**
 * One stage of the leads board: its name, count, value and probability, its cards, and a link to
 * the rest when there are more than the board shows. A drop target for dragged cards. Apart from
 * the board (LeadsBoard.tsx), which holds the drag and the focus across columns.
 */
export function BoardColumn({ stage, stages, highlighted, onOver, onDropLead, onMove, hintId }: Props) {
  const { t } = useTranslation();
  const more = stage.count - stage.leads.length;
  return (
    <Card
      padding="sm"
      radius="md"
      bg={highlighted ? 'var(--mantine-color-navy-light)' : 'var(--mantine-color-default-hover)'}
      // Won and Lost hold closed deals: narrower, so all six columns fit a 1366 px laptop as drop targets.
      style={{
        flex: stage.kind === 'open' ? '1 0 172px' : '1 0 140px',
        maxWidth: 320,
        outline: highlighted ? '2px dashed var(--mantine-color-navy-5)' : undefined,
      }}
      onDragOver={(event) => {
        event.preventDefault();
        event.dataTransfer.dropEffect = 'move';
        onOver(stage.id);
      }}
      onDragLeave={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) onOver(null);
      }}
      onDrop={(event) => {
        event.preventDefault();
        onOver(null);
        onDropLead(event.dataTransfer.getData('text/plain'), stage);
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
          <Badge
            variant="filled"
            color={stage.kind === 'won' ? 'teal' : stage.kind === 'lost' ? 'gray' : 'navy'}
            size="sm"
            className="sma-num"
            data-testid="board-column-count"
          >
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
          <LeadCard key={lead.id} lead={lead} stages={stages} onMove={onMove} hintId={hintId} />
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
}
