import { Button, Group, Loader, Paper, Progress, Stack, Text, type MantineColor } from '@mantine/core';
import { IconX } from '@tabler/icons-react';
import type { ReactNode } from 'react';

export interface JobProgressCardProps {
  title: string;
  /** What the job is doing now, e.g. "Checking row 1.200 of 50.000". */
  text: string;
  /** 0–100, or null while the total is not known yet: then the bar moves without a number. */
  percent: number | null;
  cancelLabel: string;
  cancellingLabel: string;
  cancelling: boolean;
  onCancel: () => void;
  color?: MantineColor;
  footnote?: ReactNode;
  testId: string;
  cancelTestId: string;
  phase?: string;
}

/** The bar's percentage for a job's progress; null while its total is not known yet. */
export function progressPercent(progress: { done: number; total: number } | null): number | null {
  return progress && progress.total > 0 ? Math.min(100, Math.round((progress.done / progress.total) * 100)) : null;
}

/** A job running in the background (an import, an RFM run): its bar, what it is doing, and Cancel. */
export function JobProgressCard({
  title,
  text,
  percent,
  cancelLabel,
  cancellingLabel,
  cancelling,
  onCancel,
  color,
  footnote,
  testId,
  cancelTestId,
  phase,
}: JobProgressCardProps) {
  const known = percent !== null;
  return (
    <Paper withBorder p="lg" data-testid={testId} data-phase={phase}>
      <Stack gap="sm">
        <Group justify="space-between" wrap="nowrap">
          <Group gap="xs" wrap="nowrap">
            <Loader size={16} />
            <Text fw={700}>{title}</Text>
          </Group>
          <Button
            variant="default"
            size="xs"
            leftSection={cancelling ? <Loader size={12} /> : <IconX size={14} />}
            onClick={onCancel}
            disabled={cancelling}
            data-testid={cancelTestId}
          >
            {cancelling ? cancellingLabel : cancelLabel}
          </Button>
        </Group>
        <Progress value={known ? percent : 100} animated={!known} striped={!known} size="lg" radius="xl" color={color} transitionDuration={200} />
        <Group justify="space-between">
          <Text size="sm" c="dimmed" className="sma-num">
            {text}
          </Text>
          {known && (
            <Text size="sm" fw={600} className="sma-num">
              {percent}%
            </Text>
          )}
        </Group>
        {footnote && (
          <Text size="xs" c="dimmed">
            {footnote}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
