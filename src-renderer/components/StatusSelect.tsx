import { SegmentedControl } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export type RecordStatus = 'active' | 'deleted' | 'all';

/** Active / deleted / all: soft-deleted records are only a filter away. */
export function StatusSelect({ value, onChange, testId }: { value: RecordStatus; onChange: (value: RecordStatus) => void; testId?: string }) {
  const { t } = useTranslation();
  return (
    <SegmentedControl
      value={value}
      onChange={(next) => onChange(next as RecordStatus)}
      data={[
        { value: 'active', label: t('status.active') },
        { value: 'deleted', label: t('status.deleted') },
        { value: 'all', label: t('status.all') },
      ]}
      data-testid={testId}
    />
  );
}
