import { enAnalytics } from './en.analytics';
import { enCampaigns } from './en.campaigns';
import { enContent } from './en.content';
import { enFollowups } from './en.followups';
import { enImport } from './en.import';
import { enLeadsReports } from './en.leadsReports';
import { enLeads } from './en.leads';
import { enRecords } from './en.records';
import { enReports } from './en.reports';
import { enRfmSettings } from './en.rfmSettings';
import { enShell } from './en.shell';
import { enSync } from './en.sync';
import { enClv } from './en.clv';
import { enLoyalty } from './en.loyalty';
import { enAssistant } from './en.assistant';
import type { Messages } from './id';

export const en: Messages = {
  ...enShell,
  ...enRecords,
  ...enImport,
  ...enAnalytics,
  ...enRfmSettings,
  ...enContent,
  ...enCampaigns,
  ...enReports,
  ...enSync,
  ...enLeadsReports,
  ...enFollowups,
  ...enLeads,
  ...enClv,
  ...enLoyalty,
  ...enAssistant,
};
