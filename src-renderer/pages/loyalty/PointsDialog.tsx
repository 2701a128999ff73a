import { Modal, Stack } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import type { ReactNode } from 'react';
import type { ChannelOutput } from '../../../src-shared/contract';
import { useApiMutation } from '../../api/hooks';
import { notifySuccess } from '../../components/notify';
import { applyServerIssues } from '../../forms/validation';

interface PointsValues {
  points: number | '';
}

/**
 * The change a loyalty dialog sends for one customer's points: on success it says `done` and
 * closes; a refusal the server ties to no field shows under the points.
 */
export function usePointsChange<C extends 'loyalty.adjust' | 'loyalty.redeem'>(
  channel: C,
  form: UseFormReturnType<PointsValues>,
  done: (result: ChannelOutput<C>) => string,
  onClose: () => void,
) {
  return useApiMutation(channel, {
    invalidates: ['loyalty'],
    silent: true,
    onSuccess: (result) => {
      notifySuccess(done(result));
      onClose();
    },
    onError: (error) => {
      if (!applyServerIssues(form, error)) form.setFieldError('points', error.message);
    },
  });
}

/** A loyalty dialog about one customer's points: its form is sent only once the points are a number. */
export function PointsDialog<V extends PointsValues>({
  title,
  form,
  onSend,
  onClose,
  children,
}: {
  title: string;
  form: UseFormReturnType<V>;
  onSend: (values: V, points: number) => void;
  onClose: () => void;
  children: ReactNode;
}) {
  return (
    <Modal opened onClose={onClose} title={title}>
      <form
        onSubmit={form.onSubmit((values) => {
          if (typeof values.points === 'number') onSend(values, values.points);
        })}
        noValidate
      >
        <Stack gap="md">{children}</Stack>
      </form>
    </Modal>
  );
}
