import type { Messages } from './id';
import type { idRfmSettings } from './id.rfmSettings';

/** English: the RFM and revenue-target tabs of Settings. */
export const enRfmSettings: Pick<Messages, keyof typeof idRfmSettings> = {
  rfmSettings: {
    tab: 'RFM',
    methodTitle: 'Method and period',
    methodHint: 'Used by every run: after imports, when the app opens, and as the default on the RFM analysis page.',
    fixedHint: 'Fixed edges: scores use the edges below, the same for every analysis. Good for comparing month to month.',
    quintileHint: 'Quintiles: customers are split into five equal groups per measure. Good when you do not know the right edges yet.',
    window: 'Transactions counted',
    clvYears: 'Expected years for CLV',
    clvYearsHint: 'How many years a customer keeps buying from your shop, on average.',
    edgesTitle: 'Score edges (fixed method)',
    edgesHint: 'Four ascending edges per measure. Score = 1 + the number of edges exceeded; for days since purchase the score is reversed.',
    edges: {
      recencyDays: 'Recency — days since the last purchase',
      recencyDaysHint: 'Default 30, 60, 90, 180: bought ≤ 30 days ago scores R = 5, more than 180 days R = 1.',
      frequency: 'Frequency — number of transactions',
      frequencyHint: 'Default 1, 2, 5, 10: one purchase scores F = 1, more than 10 F = 5.',
      monetary: 'Monetary — total spent',
      monetaryHint: 'Default Rp 100.000, Rp 500.000, Rp 1.000.000, Rp 5.000.000.',
      edge: 'Edge {{n}}',
      daysUnit: 'days',
    },
    resetEdges: 'Restore default edges',
    mapTitle: 'Segment map',
    mapHint:
      'Choose the segment of every pair of R (rows) and F (columns) scores. Every cell has exactly one segment, so every customer lands in exactly one segment.',
    cell: 'Segment for R{{r}} F{{f}}',
    unreachable: 'These segments have no cell, so nobody will be in them: {{segments}}.',
    resetMap: 'Restore the default map',
    saved: 'RFM settings saved.',
    savedTitle: 'Saved',
    savedText: 'They apply from the next analysis. Run it now so the segments follow the new rules.',
    runNow: 'Run the analysis now',
  },
  targets: {
    tab: 'Targets',
    title: 'Monthly targets',
    hint: 'Revenue, leads and new customers per month; the dashboard sets what really happened against them. Leave empty for no target.',
    year: 'Year',
    actual: 'Actual revenue: {{value}}',
    none: 'No target',
    total: 'Total target {{year}}: {{value}}',
    saved: 'Targets for {{year}} saved.',
  },
};
