import { Checkbox, Radio, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';

// The import's options are all one of two forms, a set of radios or one checkbox with a bold label
// and a hint under it; drawn here once so every option of every kind reads the same.

export interface RadioChoice {
  value: string;
  label: string;
  testId: string;
}

/** One option as radios under its label and hint. */
export function OptionRadios(props: {
  label: string;
  description: ReactNode;
  value: string;
  onChange: (value: string) => void;
  choices: RadioChoice[];
  disabled: boolean;
  testId: string;
}) {
  return (
    <Radio.Group label={props.label} description={props.description} value={props.value} onChange={props.onChange} data-testid={props.testId}>
      <Stack gap={6} mt="xs">
        {props.choices.map((choice) => (
          <Radio key={choice.value} value={choice.value} label={choice.label} disabled={props.disabled} data-testid={choice.testId} />
        ))}
      </Stack>
    </Radio.Group>
  );
}

/** One yes/no option: its label in bold, its hint under it. */
export function OptionCheckbox(props: {
  checked: boolean;
  onChange: (checked: boolean) => void;
  label: string;
  description: string;
  disabled: boolean;
  testId: string;
}) {
  return (
    <Checkbox
      checked={props.checked}
      onChange={(event) => props.onChange(event.currentTarget.checked)}
      disabled={props.disabled}
      label={
        <Text size="sm" fw={500}>
          {props.label}
        </Text>
      }
      description={props.description}
      data-testid={props.testId}
    />
  );
}
