import { phoneFormatter } from '../../src-shared/format/phone';
import type { ReportColumn } from './report';
import { segmentText } from './show';

const phone = phoneFormatter();

/**
 * Columns several reports share, so a customer's code, phone or figures read the same in every
 * file; a report adjusts one with a spread (`{ ...COLUMN.frequency, total: true }`).
 */
export const COLUMN = {
  code: { key: 'code', type: 'text', label: ['Kode', 'Customer code'] },
  name: { key: 'name', type: 'text', label: ['Nama', 'Name'] },
  phone: { key: 'phone', type: 'text', label: ['No. HP', 'Phone'], show: (value) => phone(value as string | null) || null },
  email: { key: 'email', type: 'text', label: ['Email', 'Email'] },
  city: { key: 'city', type: 'text', label: ['Kota', 'City'] },
  segment: { key: 'segment', type: 'text', label: ['Segmen', 'Segment'], show: segmentText },
  recencyDays: { key: 'recency_days', type: 'integer', label: ['Hari sejak beli terakhir', 'Days since last purchase'] },
  frequency: { key: 'frequency', type: 'integer', label: ['Jumlah pembelian', 'Purchases'] },
  monetary: { key: 'monetary', type: 'money', label: ['Total belanja', 'Total spent'], total: true },
  lastPurchase: { key: 'last_purchase', type: 'date', label: ['Terakhir beli', 'Last purchase'] },
  // From the fitted lifetime-value model (src-main/clv/); empty where the shop has no fit, and
  // P(alive) empty for a customer who bought once (the model says 1 for them by construction).
  pAlive: { key: 'p_alive', type: 'percent', label: ['Peluang masih aktif', 'P(alive)'] },
  expected90: { key: 'expected_90', type: 'decimal', label: ['Perkiraan pembelian 90 hari', 'Expected purchases, 90 days'] },
  clvFitted: { key: 'clv_fitted', type: 'money', label: ['CLV dari model', 'CLV (fitted model)'], total: true },
} satisfies Record<string, ReportColumn>;
