import { SegmentedControl, Stack, Text, type SegmentedControlProps } from '@mantine/core';
import wrap from './wrapSegments.module.css';

/**
 * A form field that is a few choices side by side (a segmented control) under its label, full
 * width, wrapping onto two rows when the form is narrow. The content form's language, variants and
 * channel pickers.
 */
export function SegmentsField({ label, ...control }: SegmentedControlProps & { label: string }) {
  return (
    <Stack gap={4}>
      <Text size="sm" fw={500}>
        {label}
      </Text>
      <SegmentedControl fullWidth classNames={{ root: wrap.root, control: wrap.control }} {...control} />
    </Stack>
  );
}
