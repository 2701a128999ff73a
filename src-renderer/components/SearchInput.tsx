import { CloseButton, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  placeholder: string;
  /** Its name for screen readers; the placeholder (which says what can be searched) when not given. */
  label?: string;
  onSearch: (value: string) => void;
  testId?: string;
  delay?: number;
  initial?: string;
}

/** Types freely; tells the list only after a short pause, so each keystroke is not a query. */
export function SearchInput({ placeholder, label, onSearch, testId, delay = 250, initial = '' }: Props) {
  const { t } = useTranslation();
  const [value, setValue] = useState(initial);
  const debounced = useDebouncedCallback(onSearch, delay);
  return (
    <TextInput
      value={value}
      onChange={(event) => {
        setValue(event.currentTarget.value);
        debounced(event.currentTarget.value.trim());
      }}
      placeholder={placeholder}
      // A placeholder vanishes as one types and is no label: the field keeps its name.
      aria-label={label ?? placeholder.replace(/…$/, '')}
      leftSection={<IconSearch size={16} />}
      rightSection={
        value ? (
          <CloseButton
            size="sm"
            aria-label={t('common.clear')}
            onClick={() => {
              setValue('');
              onSearch('');
            }}
          />
        ) : null
      }
      data-testid={testId}
      style={{ flex: '1 1 260px', minWidth: 220 }}
    />
  );
}
