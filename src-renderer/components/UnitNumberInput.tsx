import { NumberInput, Text, type NumberInputProps } from '@mantine/core';

/** A whole number with its unit written small inside the box, on the right ("bulan", "detik"). */
export function UnitNumberInput({ unit, unitWidth, ...props }: NumberInputProps & { unit: string; unitWidth: number }) {
  return (
    <NumberInput
      allowDecimal={false}
      rightSection={
        <Text size="xs" c="dimmed" pr={6}>
          {unit}
        </Text>
      }
      rightSectionWidth={unitWidth}
      {...props}
    />
  );
}
