import { useDebouncedValue } from '@mantine/hooks';
import { normalizePhone } from '../../../src-shared/format/phone';
import { useApiQuery } from '../../api/hooks';

/** After a pause in typing: the customers and other leads that already have this phone. */
export function usePhoneMatches(phone: string, excludeLeadId: string | undefined) {
  const [debounced] = useDebouncedValue(phone.trim(), 350);
  const normalized = debounced ? normalizePhone(debounced) : null;
  const query = useApiQuery(
    'leads.checkPhone',
    { phone: normalized ?? '', excludeLeadId },
    { enabled: Boolean(normalized), staleTime: 5_000, meta: { silent: true } },
  );
  return normalized ? (query.data ?? []) : [];
}
