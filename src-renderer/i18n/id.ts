import { idAnalytics } from './id.analytics';
import { idCampaigns } from './id.campaigns';
import { idContent } from './id.content';
import { idFollowups } from './id.followups';
import { idImport } from './id.import';
import { idLeadsReports } from './id.leadsReports';
import { idLeads } from './id.leads';
import { idRecords } from './id.records';
import { idReports } from './id.reports';
import { idRfmSettings } from './id.rfmSettings';
import { idShell } from './id.shell';
import { idSync } from './id.sync';
import { idClv } from './id.clv';
import { idLoyalty } from './id.loyalty';
import { idAssistant } from './id.assistant';

/** Every sentence the UI shows, in Bahasa Indonesia (the default). `en.ts` mirrors this shape. */
export const id = {
  ...idShell,
  ...idRecords,
  ...idImport,
  ...idAnalytics,
  ...idRfmSettings,
  ...idContent,
  ...idCampaigns,
  ...idReports,
  ...idSync,
  ...idLeadsReports,
  ...idFollowups,
  ...idLeads,
  ...idClv,
  ...idLoyalty,
  ...idAssistant,
};

type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };
export type Messages = Shape<typeof id>;
