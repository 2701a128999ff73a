import type { idSync } from './id.sync';

type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };

/** English: Settings → Sync and the shell's sync indicator. */
export const enSync: Shape<typeof idSync> = {
  sync: {
    tab: 'Sync',
    restoreHint:
      'This shop is still empty. A new laptop for a shop already in the cloud? Download its customers, products and sales with a restore code from the cloud administrator.',
    restoreHintEnrolled:
      'This shop is still empty and the cloud already knows this laptop from an earlier attempt: press Restore the shop, no new code is needed.',
    enrolTitle: 'Connect this laptop to the cloud',
    enrolHint:
      "Optional. The shop's data stays on this laptop; once connected, every change is also sent to the admin cloud so the shop can be followed and restored onto a new laptop. Ask the administrator for the server address and an enrolment code (valid for 15 minutes).",
    server: 'Server address',
    serverPlaceholder: 'https://cloud.yourshop.id',
    code: 'Enrolment code',
    codePlaceholder: 'Code from the administrator',
    enrol: 'Connect',
    enrolled: 'Connected to the cloud as {{name}}.',
    statusTitle: 'Sync status',
    statusHint: 'Changes are sent automatically a few seconds after they are saved, and every 5 minutes.',
    shopInCloud: 'Shop in the cloud',
    serverLabel: 'Server',
    pending: '{{n}} {{n, plural(one: change; other: changes)}} waiting',
    lastSync: 'Last sent {{at}}',
    neverSynced: 'Never sent yet',
    state: {
      online: 'Connected',
      offline: 'Not connected',
      paused: 'Paused',
      waiting: 'Waiting to send',
      problem: 'Needs action',
    },
    pushNow: 'Send now',
    pushed: '{{n}} {{n, plural(one: change; other: changes)}} sent; {{remaining}} still waiting.',
    pause: 'Pause',
    resume: 'Resume',
    pausedNote: 'Sending is paused. Changes are still recorded and sent once you resume.',
    leave: 'Disconnect from the cloud',
    leaveTitle: 'Disconnect this laptop from the cloud?',
    leaveText:
      "The laptop stops sending changes. The shop's data stays here, and the {{n}} waiting {{n, plural(one: change is; other: changes are)}} sent if you enrol again with a new code.",
    leaveConfirm: 'Disconnect',
    left: 'This laptop is no longer connected to the cloud.',
    enrolAgain: 'Enrol again',
    clockWarning: "This laptop's clock is about {{minutes}} minutes off the server's. Set the computer's clock and time zone so changes keep their order.",
    rejectedTitle: 'Changes the cloud refused',
    rejectedHint:
      'The cloud did not accept these changes (say, their content breaks a rule). Every other change still went. Fix the data and retry, or dismiss.',
    rejectedEmpty: 'No refused changes.',
    rejectedWhat: 'Record',
    rejectedReason: 'Reason',
    rejectedAt: 'When',
    retry: 'Retry',
    dismiss: 'Dismiss',
    retried: 'The change is queued to be sent again.',
    entity: {
      customers: 'Customer',
      products: 'Product',
      transactions: 'Transaction',
      settings: 'Setting',
      business: 'Shop profile',
      rfm_runs: 'RFM analysis',
      campaigns: 'Campaign',
      campaign_recipients: 'Campaign recipients',
      api_usage_logs: 'AI usage',
    },
    indicator: {
      label: 'Cloud sync',
      synced: 'Synced',
      offline: 'Offline',
      paused: 'Paused',
      problem: 'Needs action',
      pending: '{{n}} waiting',
      last: 'last {{at}}',
    },
  },
};
