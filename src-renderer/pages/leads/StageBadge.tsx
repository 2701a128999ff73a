import { Badge } from '@mantine/core';
import type { STAGE_KINDS } from '../../../src-shared/schemas/lead';

const COLORS: Record<(typeof STAGE_KINDS)[number], string> = { open: 'navy', won: 'teal', lost: 'red' };

export function StageBadge({ name, kind }: { name: string; kind: (typeof STAGE_KINDS)[number] }) {
  return (
    <Badge variant="light" color={COLORS[kind]} tt="none" style={{ minWidth: 'max-content' }} data-testid="lead-stage">
      {name}
    </Badge>
  );
}
