import { z } from 'zod';
import { handoverEvent, reminderEvent } from './schemas/lead';
import { syncRestoreProgress } from './schemas/sync';
import { jobFinished, jobProgress, jobStarted } from './schemas/system';
import { shopChannels } from './contract-shop';
import { recordChannels } from './contract-records';
import { analysisChannels } from './contract-analysis';
import { messageChannels } from './contract-messages';
import { leadChannels } from './contract-leads';
import { systemChannels } from './contract-system';

/** Every call the renderer can make: `'domain.verb'` → input and output schemas, one list per domain (contract-*.ts). */
export const contract = {
  ...shopChannels,
  ...recordChannels,
  ...analysisChannels,
  ...messageChannels,
  ...leadChannels,
  ...systemChannels,
} as const;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export type ChannelInput<C extends Channel> = z.input<Contract[C]['input']>;
export type ChannelParsedInput<C extends Channel> = z.output<Contract[C]['input']>;
export type ChannelOutput<C extends Channel> = z.output<Contract[C]['output']>;

export function isChannel(name: string): name is Channel {
  return Object.prototype.hasOwnProperty.call(contract, name);
}

/**
 * Main → renderer events. A job started by a call sends `job.started`, its progress and its finish
 * to that call's client only; a background job (say, the start-up analysis) sends them to everyone.
 */
export const events = {
  'job.started': jobStarted,
  'job.progress': jobProgress,
  'job.finished': jobFinished,
  'session.locked': z.object({ reason: z.enum(['idle', 'expired']) }),
  /** A request queued while offline has been generated. */
  'content.ready': z.object({ queueId: z.string(), generationId: z.string(), message: z.string() }),
  /** Sync's status changed (a change waits, a push ended): clients read `sync.status` again. */
  'sync.status': z.object({ pending: z.number().int() }),
  /** Follow-ups fell due (each announced once, also those that fell due while the app was closed). */
  'reminders.due': reminderEvent,
  /** The sync pull brought handovers of the WhatsApp assistant: new or updated leads to answer now. */
  'leads.handedOver': handoverEvent,
  /** The restore under way on the caller's window downloaded another page. */
  'sync.restoreProgress': syncRestoreProgress,
} as const;
export type EventName = keyof typeof events;
export type EventPayload<E extends EventName> = z.output<(typeof events)[E]>;
