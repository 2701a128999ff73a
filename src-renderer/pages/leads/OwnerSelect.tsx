import { Select, type SelectProps } from '@mantine/core';
import { useLeadOptions } from './useLeadOptions';

/** Who a lead or its next step is given to: one of the team, searchable, empty for nobody (or "me"). */
export function OwnerSelect(props: Omit<SelectProps, 'data'>) {
  const { ownerData } = useLeadOptions();
  return <Select data={ownerData} clearable searchable {...props} />;
}
