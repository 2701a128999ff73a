import { NumberInput, type NumberInputProps } from '@mantine/core';

type Props = Omit<NumberInputProps, 'value' | 'onChange'> & {
  value?: number | '' | null;
  onChange: (value: number | '') => void;
};

/** Whole rupiah typed the Indonesian way: `Rp 1.250.000`. Empty stays empty instead of 0. */
export function MoneyInput({ value, onChange, ...rest }: Props) {
  return (
    <NumberInput
      prefix="Rp "
      thousandSeparator="."
      decimalSeparator=","
      decimalScale={0}
      allowDecimal={false}
      hideControls
      min={0}
      {...rest}
      value={value ?? ''}
      onChange={(next) => onChange(next === '' ? '' : typeof next === 'number' ? next : Number(String(next).replace(/\D/g, '')) || '')}
    />
  );
}
