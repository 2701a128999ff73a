import { SegmentedControl, type SegmentedControlProps } from '@mantine/core';
import { Captioned } from '../../components/Captioned';
import wrap from './wrapSegments.module.css';

/**
 * A form field that is a few choices side by side (a segmented control) under its label, full
 * width, wrapping onto two rows when the form is narrow. The content form's language, variants and
 * channel pickers.
 */
export function SegmentsField({ label, ...control }: SegmentedControlProps & { label: string }) {
  return (
    <Captioned label={label}>
      <SegmentedControl fullWidth classNames={{ root: wrap.root, control: wrap.control }} {...control} />
    </Captioned>
  );
}
