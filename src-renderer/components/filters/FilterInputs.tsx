import { MultiSelect, Select, type MultiSelectProps, type SelectProps } from '@mantine/core';
import type { DatePickerInputProps } from '@mantine/dates';
import type { Icon } from '@tabler/icons-react';
import { DayInput } from '../DayInput';

/**
 * The inputs of the lists' filter bars, one look everywhere: an icon in front, clearable, named
 * for screen readers (a filter shows a placeholder, not a label) and a test id.
 */
interface FilterLook {
  icon: Icon;
  /** The accessible name; the placeholder says what an empty filter means ("All cities"). */
  label: string;
  testId: string;
}

export function FilterSelect({ icon: FilterIcon, label, testId, ...props }: SelectProps & FilterLook) {
  return <Select aria-label={label} clearable leftSection={<FilterIcon size={16} />} data-testid={testId} {...props} />;
}

export function FilterMultiSelect({ icon: FilterIcon, label, testId, ...props }: MultiSelectProps & FilterLook) {
  return <MultiSelect aria-label={label} clearable leftSection={<FilterIcon size={16} />} data-testid={testId} {...props} />;
}

export function FilterDate({ testId, ...props }: DatePickerInputProps & { testId: string }) {
  return <DayInput clearable w={180} data-testid={testId} {...props} />;
}
