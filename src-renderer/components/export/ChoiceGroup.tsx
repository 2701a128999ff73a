import { Group, Radio, Stack } from '@mantine/core';
import type { ReactNode } from 'react';

export interface Choice<V extends string> {
  value: V;
  label: ReactNode;
  testId: string;
}

/**
 * One of a file dialog's questions (format, separator, date form, columns): its radio buttons under
 * a label, stacked, or side by side when `inline`. Locked with `disabled` while the job runs.
 */
export function ChoiceGroup<V extends string>(props: {
  label: string;
  value: V;
  onChange: (value: V) => void;
  choices: Choice<V>[];
  disabled: boolean;
  inline?: boolean;
}) {
  const radios = props.choices.map((choice) => (
    <Radio key={choice.value} value={choice.value} disabled={props.disabled} label={choice.label} data-testid={choice.testId} />
  ));
  return (
    <Radio.Group label={props.label} value={props.value} onChange={(value) => props.onChange(value as V)}>
      {props.inline ? (
        <Group gap="lg" mt={6}>
          {radios}
        </Group>
      ) : (
        <Stack gap="xs" mt={6}>
          {radios}
        </Stack>
      )}
    </Radio.Group>
  );
}
