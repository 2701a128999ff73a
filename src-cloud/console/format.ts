import dayjs from 'dayjs';
import relativeTime from 'dayjs/plugin/relativeTime';
import { formatDateTime } from '../../src-shared/format/date';

dayjs.extend(relativeTime);

/** An instant as the desktop app writes it (Asia/Jakarta), or "never". */
export function when(instant: string | null | undefined, never: string): string {
  return instant ? formatDateTime(instant) : never;
}

/** "3 minutes ago" in the language on screen, for last-sync columns. */
export function ago(instant: string | null | undefined, never: string): string {
  return instant ? dayjs(instant).fromNow() : never;
}

const count = new Intl.NumberFormat('id-ID');
export const formatCount = (n: number): string => count.format(n);
