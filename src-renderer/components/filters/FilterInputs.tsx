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

/** What one end of a period shows: its name (a label, or only for screen readers), placeholder and test id. */
type RangeEnd = Pick<DatePickerInputProps, 'label' | 'aria-label' | 'placeholder'> & { testId: string };

/** A period as two days, neither end allowed past the other. */
export function FilterDateRange({
  from,
  to,
  onFrom,
  onTo,
  ends,
}: {
  from: string | null;
  to: string | null;
  onFrom: (day: string | null) => void;
  onTo: (day: string | null) => void;
  ends: { from: RangeEnd; to: RangeEnd };
}) {
  return (
    <>
      <FilterDate {...ends.from} value={from} onChange={onFrom} maxDate={to ?? undefined} />
      <FilterDate {...ends.to} value={to} onChange={onTo} minDate={from ?? undefined} />
    </>
  );
}
