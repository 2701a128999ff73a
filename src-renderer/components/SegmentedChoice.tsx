import { SegmentedControl, type SegmentedControlProps } from '@mantine/core';
import type { ReactNode } from 'react';

type Props<T extends string> = Omit<SegmentedControlProps, 'data' | 'value' | 'onChange'> & {
  value: T;
  onChange: (value: T) => void;
  /** Each choice and what it shows, in the order shown. */
  options: Record<T, ReactNode>;
};

/** One of a few named choices side by side, typed: `onChange` hands back the choice, not a string. */
export function SegmentedChoice<T extends string>({ value, onChange, options, ...props }: Props<T>) {
  const data = (Object.keys(options) as T[]).map((choice) => ({ value: choice, label: options[choice] }));
  return <SegmentedControl value={value} onChange={(next) => onChange(next as T)} data={data} {...props} />;
}
