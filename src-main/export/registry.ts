import { SEGMENT_IDS } from '../../src-shared/rfm/rules';
import type { ReportId } from '../../src-shared/schemas/export';
import type { Report } from './report';
import { activityLogReport, importHistoryReport } from './reports/logs';
import { leadsReport } from './reports/leads';
import { customersReport, productsReport, transactionsReport } from './reports/records';
import { rfmReport, segmentReport, segmentSummaryReport, winBackReport } from './reports/rfm';
import { salesMonthlyReport, topCustomersReport } from './reports/sales';
import { leadsForecastReport, leadsFunnelReport, leadsTeamReport } from './reports/lead-reports';

/** Every report, in the order the Laporan page offers them; segments by `segment:<id>`. */
const STATIC: Report[] = [
  customersReport,
  transactionsReport,
  productsReport,
  leadsReport,
  salesMonthlyReport,
  topCustomersReport,
  leadsFunnelReport,
  leadsForecastReport,
  leadsTeamReport,
  segmentSummaryReport,
  winBackReport,
  rfmReport,
  importHistoryReport,
  activityLogReport,
];

const SEGMENTS = new Map<string, Report>(SEGMENT_IDS.map((segment) => [`segment:${segment}`, segmentReport(segment)]));

export const REPORTS: readonly Report[] = [...STATIC, ...SEGMENTS.values()];

/** The report for an id the contract already checked; null only for an id it did not. */
export function findReport(id: ReportId | string): Report | null {
  return STATIC.find((report) => report.id === id) ?? SEGMENTS.get(id) ?? null;
}
