import { DatePickerInput, type DatePickerInputProps } from '@mantine/dates';
import { IconCalendar } from '@tabler/icons-react';

/** A day picked as DD/MM/YYYY behind a calendar icon, as every date in the app is written. */
export function DayInput(props: DatePickerInputProps) {
  return <DatePickerInput valueFormat="DD/MM/YYYY" leftSection={<IconCalendar size={16} />} {...props} />;
}
