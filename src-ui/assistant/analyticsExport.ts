import type { AssistantAnalytics } from '../../src-shared/schemas/assistant';
import type { ExportColumn } from '../export/tableExport';

type Phase = AssistantAnalytics['phases'][number]['phase'];
type Reason = AssistantAnalytics['escalation']['reasons'][number]['reason'];

/**
 * The words of the export, from the catalogue of the UI that shows the page (the console and the
 * laptop name the same tables differently).
 */
export interface AnalyticsExportLabels {
  phase: (phase: Phase) => string;
  reason: (reason: Reason) => string;
  noCode: string;
  section: {
    summary: string;
    phases: string;
    funnel: string;
    campaigns: string;
    escalation: string;
    reasons: string;
    response: string;
    questions: string;
    modelReasons: string;
  };
  /** The summary's items (the page's first figures), the escalation line's and the response line's. */
  conversations: string;
  bookings: string;
  handovers: string;
  replies: string;
  column: { section: string; item: string; count: string; bookings: string; handovers: string; seconds: string };
  menu: { button: string; xlsx: string; csv: string };
  /** The file's name before its date range ("analitik-asisten"). */
  fileName: string;
  sheetName: string;
}

/** A row of the export: every table of the page in one sheet, a figure in the column that names it. */
export interface AnalyticsLine {
  section: string;
  item: string;
  count: number | null;
  bookings?: number;
  handovers?: number;
  percent?: number | null;
  seconds?: number | null;
}

const pct = (rate: number | null) => (rate === null ? null : Math.round(rate * 1000) / 10);

/** Every table of the page as rows of one sheet. */
export function analyticsLines(data: AssistantAnalytics, l: AnalyticsExportLabels): AnalyticsLine[] {
  const s = l.section;
  const bookings = data.phases.find((p) => p.phase === 'BOOKING')?.conversations ?? 0;
  return [
    { section: s.summary, item: l.conversations, count: data.conversations },
    { section: s.summary, item: l.bookings, count: bookings, percent: pct(data.conversations ? bookings / data.conversations : null) },
    ...data.phases.map((p) => ({
      section: s.phases,
      item: l.phase(p.phase),
      count: p.conversations,
      percent: data.conversations ? pct(p.conversations / data.conversations) : null,
    })),
    ...data.funnel.map((f) => ({ section: s.funnel, item: l.phase(f.phase), count: f.reached, percent: pct(f.dropOff) })),
    ...data.campaigns.map((c) => ({
      section: s.campaigns,
      item: c.code ?? l.noCode,
      count: c.conversations,
      bookings: c.bookings,
      handovers: c.handovers,
      percent: pct(c.conversations ? c.bookings / c.conversations : null),
    })),
    { section: s.escalation, item: l.handovers, count: data.escalation.conversations, percent: pct(data.escalation.rate) },
    ...data.escalation.reasons.map((r) => ({ section: s.reasons, item: l.reason(r.reason), count: r.count })),
    {
      section: s.response,
      item: l.replies,
      count: data.responseSeconds.replies,
      seconds: data.responseSeconds.average === null ? null : Math.round(data.responseSeconds.average * 10) / 10,
    },
    ...data.questions.map((q) => ({ section: s.questions, item: q.text, count: q.count })),
    ...data.escalationReasons.map((q) => ({ section: s.modelReasons, item: q.text, count: q.count })),
  ];
}

export function analyticsColumns(l: AnalyticsExportLabels): ExportColumn<AnalyticsLine>[] {
  const c = l.column;
  return [
    { header: c.section, value: (r) => r.section, width: 34 },
    { header: c.item, value: (r) => r.item, width: 40 },
    { header: c.count, value: (r) => r.count, numFmt: '#,##0' },
    { header: c.bookings, value: (r) => r.bookings ?? null, numFmt: '#,##0' },
    { header: c.handovers, value: (r) => r.handovers ?? null, numFmt: '#,##0' },
    { header: '%', value: (r) => r.percent ?? null, numFmt: '0.0' },
    { header: c.seconds, value: (r) => r.seconds ?? null, numFmt: '0.0' },
  ];
}
