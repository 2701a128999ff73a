import { Alert, Modal, Stack, Text } from '@mantine/core';
import { IconCheck } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import type { ChannelOutput } from '../../../src-shared/contract';
import { ExportProgress } from './ExportProgress';
import { JobDialogActions } from './JobDialogActions';
import type { ExportRunState, FileJob } from './useExportRun';

interface Props<C extends FileJob> {
  title: string;
  size?: string;
  /** Prefixes the dialog's test ids: `<testId>-dialog`, `<testId>-done` and the footer's buttons. */
  testId: string;
  /** The job, from useExportRun. */
  job: { state: ExportRunState<C>; cancel: () => void };
  /** ExportProgress's words for this job's own phases and its cancellation. */
  progress?: { phaseText?: Record<string, (figures: { done: string; total: string }) => string>; cancelledText?: string };
  doneTitle: string;
  /** What the finished job made, said in the green note. */
  doneText: (result: ChannelOutput<C>) => ReactNode;
  onStart: () => void;
  startLabel: string;
  onClose: () => void;
  /** The dialog's choices, above the progress. */
  children: ReactNode;
}

/**
 * A dialog that writes a file in a job (an export, a broadcast list): its choices, then the job's
 * progress, what it made, and the footer. It cannot be closed while the job runs, so the job is
 * never left running unseen.
 */
export function JobDialog<C extends FileJob>({ job, testId, progress, ...props }: Props<C>) {
  const { state } = job;
  const running = state.phase === 'running';
  const result = state.phase === 'done' ? state.result : null;
  return (
    <Modal
      opened
      onClose={running ? () => undefined : props.onClose}
      withCloseButton={!running}
      closeOnClickOutside={!running}
      closeOnEscape={!running}
      title={<Text fw={700}>{props.title}</Text>}
      size={props.size}
      data-testid={`${testId}-dialog`}
    >
      <Stack gap="md">
        {props.children}
        <ExportProgress state={state} phaseText={progress?.phaseText} cancelledText={progress?.cancelledText} />
        {result && (
          <Alert color="teal" icon={<IconCheck size={18} />} title={props.doneTitle} data-testid={`${testId}-done`}>
            {props.doneText(result)}
          </Alert>
        )}
        <JobDialogActions
          running={running}
          cancelRequested={state.cancelRequested}
          doneFileId={result ? result.fileId : null}
          onCancel={job.cancel}
          onClose={props.onClose}
          onStart={props.onStart}
          startLabel={props.startLabel}
          testId={testId}
        />
      </Stack>
    </Modal>
  );
}
