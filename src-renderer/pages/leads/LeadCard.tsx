import { ActionIcon, Anchor, Card, Group, Menu, Stack, Text } from '@mantine/core';
import { IconArrowsRightLeft, IconUser } from '@tabler/icons-react';
import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { LeadRow } from '../../../src-shared/schemas/lead';
import { Money } from '../../../src-ui/components/Money';
import { href } from '../../router';
import { NextDue } from './NextDue';

interface Props {
  lead: LeadRow;
  stages: { id: string; name: string }[];
  onMove: (lead: LeadRow, stage: { id: string; name: string }) => void;
  hintId: string;
}

/**
 * One lead on the board. Dragged with the mouse to another column; from the keyboard, the focused
 * card moves with ← and → to the stage beside it, or through its "Pindah ke…" menu to any stage.
 */
export function LeadCard({ lead, stages, onMove, hintId }: Props) {
  const { t } = useTranslation();
  const index = stages.findIndex((stage) => stage.id === lead.stageId);
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.target !== event.currentTarget) return;
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    const next = stages[index + step];
    if (!step || !next) return;
    event.preventDefault();
    onMove(lead, next);
  };
  return (
    <Card
      withBorder
      padding="sm"
      radius="md"
      draggable
      tabIndex={0}
      onDragStart={(event) => {
        event.dataTransfer.setData('text/plain', lead.id);
        event.dataTransfer.effectAllowed = 'move';
      }}
      onKeyDown={onKeyDown}
      aria-label={t('leads.board.cardLabel', { name: lead.name, stage: lead.stageName })}
      aria-describedby={hintId}
      aria-keyshortcuts="ArrowLeft ArrowRight"
      data-testid="lead-card"
      data-lead-id={lead.id}
      // In a column that scrolls, a card keeps its height instead of being squeezed to fit.
      style={{ cursor: 'grab', flexShrink: 0 }}
    >
      <Stack gap={4}>
        <Group justify="space-between" wrap="nowrap" gap={4} align="flex-start">
          <Anchor
            href={href('leads', lead.id)}
            size="sm"
            fw={600}
            lineClamp={2}
            style={{ overflowWrap: 'anywhere' }}
            draggable={false}
            data-testid="lead-card-name"
          >
            {lead.name}
          </Anchor>
          <Menu position="bottom-end" withinPortal shadow="md">
            <Menu.Target>
              <ActionIcon variant="subtle" color="gray" size="sm" aria-label={t('leads.board.moveTo')} data-testid="lead-card-move">
                <IconArrowsRightLeft size={15} />
              </ActionIcon>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Label>{t('leads.board.moveTo')}</Menu.Label>
              {stages.map((stage) => (
                <Menu.Item key={stage.id} disabled={stage.id === lead.stageId} onClick={() => onMove(lead, stage)} data-testid={`lead-move-${stage.id}`}>
                  {stage.name}
                </Menu.Item>
              ))}
            </Menu.Dropdown>
          </Menu>
        </Group>
        {lead.organisation && (
          <Text size="xs" c="dimmed" lineClamp={1} style={{ overflowWrap: 'anywhere' }}>
            {lead.organisation}
          </Text>
        )}
        <Text size="sm" fw={600} className="sma-num">
          <Money amount={lead.value} />
        </Text>
        <Group gap={4} wrap="nowrap" style={{ minWidth: 0 }}>
          <IconUser size={12} color="var(--mantine-color-dimmed)" style={{ flex: 'none' }} />
          <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
            {lead.ownerName ?? t('leads.owner.none')}
          </Text>
        </Group>
        {lead.nextDue && <NextDue date={lead.nextDue} overdue={lead.overdue} size="xs" />}
      </Stack>
    </Card>
  );
}
