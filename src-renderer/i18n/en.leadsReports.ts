import type { idLeadsReports } from './id.leadsReports';

type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };

/** English: the dashboard's Leads tab and the leads and new-customer targets. */
export const enLeadsReports: Shape<typeof idLeadsReports> = {
  leadsReports: {
    tabSales: 'Sales',
    tabLeads: 'Leads',
    funnel: { title: 'Lead funnel', hint: 'Leads that reached each stage (or a later one) in this period.', leads: 'Leads', value: 'Value', won: 'Won {{count}} · {{value}}', empty: 'No lead moved in this period yet.' },
    conversion: { title: 'Conversion', hint: 'Leads created in this period and how many are won.', channel: 'Channel', campaign: 'Campaign code', leads: 'Leads', won: 'Won', rate: 'Rate', none: '(none)', byChannel: 'By channel', byCampaign: 'By campaign code', empty: 'No new leads in this period yet.' },
    days: { title: 'Average days per stage', hint: 'How long a lead stays on a stage before it moves, for moves in this period.', stage: 'Stage', days: 'Days', stays: 'Moves', none: '—' },
    forecast: { empty: 'No open lead is expected to close in the next six months.', title: 'Closing forecast', hint: 'Value × stage probability of open leads, by expected close month.', weighted: 'Forecast', value: 'Full value', late: 'Past expected date: {{count}} leads · {{value}}', undated: 'No date: {{count}} leads · {{value}}' },
    team: { title: 'Team performance', hint: 'Activities count from Monday this week; closings in this period.', user: 'User', open: 'Open leads', overdue: 'Overdue', week: 'Activities this week', won: 'Won', wonValue: 'Won value', ownOnly: 'You see your own row.' },
    targets: { title: 'Targets vs actual', hint: 'Six months to the end of the period. Set targets in Settings → Targets.', month: 'Month', leads: 'Leads', customers: 'New customers', revenue: 'Revenue', of: 'of {{target}}', noTarget: 'no target' },
    adSpend: {
      title: 'Ad spend',
      hint: 'Cost per lead and per closing per channel, six months to the end of the period.',
      month: 'Month',
      channel: 'Channel',
      amount: 'Spend',
      leads: 'Leads',
      won: 'Won',
      perLead: 'Per lead',
      perClosing: 'Per closing',
      empty: 'No ad spend or leads with a channel in these six months yet.',
      add: 'Enter spend',
      save: 'Save',
      saved: '{{channel}} ad spend for {{month}} saved.',
      modal: 'Enter monthly ad spend',
      modalHint: 'Saving the same month and channel again replaces the amount.',
    },
    trend: { title: '6-month trend', hint: 'New leads, closings and won value per month.', leads: 'New leads', won: 'Won', wonValue: 'Won value' },
  },
  leadTargets: {
    leads: 'Leads target',
    customers: 'New-customer target',
    actualLeads: 'Actual leads: {{value}}',
    actualCustomers: 'Actual new customers: {{value}}',
  },
};
