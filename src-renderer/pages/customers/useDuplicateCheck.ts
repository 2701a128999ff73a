import { useDebouncedValue } from '@mantine/hooks';
import { normalizePhone } from '../../../src-shared/format/phone';
import { useApiQuery } from '../../api/hooks';

const EMAIL_LIKE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Asks, after a pause in typing, whether another customer already has this phone or email. */
export function useDuplicateCheck(phone: string, email: string, excludeId: string | undefined) {
  const [debouncedPhone] = useDebouncedValue(phone.trim(), 350);
  const [debouncedEmail] = useDebouncedValue(email.trim(), 350);
  const normalizedPhone = debouncedPhone ? normalizePhone(debouncedPhone) : null;
  const checkedEmail = EMAIL_LIKE.test(debouncedEmail) ? debouncedEmail.toLowerCase() : null;
  const query = useApiQuery(
    'customers.checkDuplicates',
    { phone: normalizedPhone, email: checkedEmail, excludeId },
    { enabled: Boolean(normalizedPhone || checkedEmail), staleTime: 5_000, meta: { silent: true } },
  );
  return normalizedPhone || checkedEmail ? (query.data ?? []) : [];
}
