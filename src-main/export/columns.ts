import { phoneFormatter } from '../../src-shared/format/phone';
import type { ReportColumn } from './report';
import { segmentText } from './show';

const phone = phoneFormatter();

/**
 * Columns several reports share, so a customer's code, phone or figures, or a record's notes and
 * dates, read the same in every file; a report adjusts one with a spread (`{ ...COLUMN.frequency, total: true }`).
 */
export const COLUMN = {
  code: { key: 'code', type: 'text', label: 'customerCode' },
  name: { key: 'name', type: 'text', label: 'name' },
  phone: { key: 'phone', type: 'text', label: 'phone', show: (value) => phone(value as string | null) || null },
  email: { key: 'email', type: 'text', label: 'email' },
  city: { key: 'city', type: 'text', label: 'city' },
  campaignCode: { key: 'campaign_code', type: 'text', label: 'campaignCode' },
  notes: { key: 'notes', type: 'text', label: 'notes' },
  created: { key: 'created_at', type: 'datetime', label: 'created' },
  deleted: { key: 'deleted_at', type: 'datetime', label: 'deleted' },
  segment: { key: 'segment', type: 'text', label: 'segment', show: segmentText },
  recencyDays: { key: 'recency_days', type: 'integer', label: 'daysSinceLastPurchase' },
  frequency: { key: 'frequency', type: 'integer', label: 'purchases' },
  monetary: { key: 'monetary', type: 'money', label: 'totalSpent', total: true },
  lastPurchase: { key: 'last_purchase', type: 'date', label: 'lastPurchase' },
  // From the fitted lifetime-value model (src-main/clv/); empty where the shop has no fit, and
  // P(alive) empty for a customer who bought once (the model says 1 for them by construction).
  pAlive: { key: 'p_alive', type: 'percent', label: 'pAlive' },
  expected90: { key: 'expected_90', type: 'decimal', label: 'expectedPurchases90Days' },
  clvFitted: { key: 'clv_fitted', type: 'money', label: 'clvFittedModel', total: true },
} satisfies Record<string, ReportColumn>;

/** The RFM analysis's figures of a customer (its row joined as `a`), as the customer and RFM files select them. */
export const RFM_FIGURES = ['a.segment', 'a.r_score', 'a.f_score', 'a.m_score', 'a.recency_days', 'a.frequency', 'a.monetary'] as const;
