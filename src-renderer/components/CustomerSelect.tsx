import { Select, Stack, Text, type SelectProps } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconUser } from '@tabler/icons-react';
import { useState } from 'react';
import { formatPhone } from '../../src-shared/format/phone';
import { useApiQuery } from '../api/hooks';

export interface CustomerOption {
  value: string;
  label: string;
}

type Props = Omit<SelectProps, 'data' | 'value' | 'onChange' | 'searchValue' | 'onSearchChange'> & {
  value: string | null;
  onChange: (id: string | null) => void;
  /** The label of the current value, known before any search (editing, prefilled forms). */
  initialOption?: CustomerOption | null;
};

/**
 * A searchable customer picker: the main process searches (name, code or phone), so 100,000
 * customers stay quick. Each option shows the phone and city under the name, because a shop has
 * several customers of the same name and the code alone does not tell the owner which is which.
 */
export function CustomerSelect({ value, onChange, initialOption = null, ...rest }: Props) {
  const [selected, setSelected] = useState<CustomerOption | null>(initialOption);
  const [search, setSearch] = useState('');
  // Picking an option fills the box with its label; that is not a new search.
  const [query] = useDebouncedValue(search === selected?.label ? '' : search, 250);
  const options = useApiQuery('customers.options', { search: query }, { staleTime: 30_000 });

  const details = new Map((options.data ?? []).map((option) => [option.id, [formatPhone(option.phone), option.city].filter(Boolean).join(' · ')]));
  const fetched = (options.data ?? []).map((option) => ({ value: option.id, label: `${option.name} (${option.code})` }));
  const data = selected && value === selected.value && !fetched.some((option) => option.value === selected.value) ? [selected, ...fetched] : fetched;

  return (
    <Select
      searchable
      leftSection={<IconUser size={16} />}
      {...rest}
      data={data}
      value={value}
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options: items }) => items}
      renderOption={({ option }) => (
        <Stack gap={0}>
          <Text size="sm">{option.label}</Text>
          {details.get(option.value) && (
            <Text size="xs" c="dimmed" className="sma-num" data-testid="customer-option-detail">
              {details.get(option.value)}
            </Text>
          )}
        </Stack>
      )}
      onChange={(id, option) => {
        setSelected(option ? { value: option.value, label: option.label } : null);
        onChange(id);
      }}
    />
  );
}
