import type { FastifyInstance } from 'fastify';
import type { CloudDb } from '../db/connect';
import type { CloudContext } from '../server/app';
import { CloudApiGateway } from './cloud-api-gateway';
import { answerConversation } from './engine';
import type { Gateway } from './gateway';
import { ConversationQueue } from './queue';
import { assistantRoutes } from './routes';
import { withAssistant } from './schema';
import { assistantKey } from './secrets';
import type { OpenSettings } from './store';
import { WahaGateway } from './waha-gateway';

export interface AssistantOptions {
  env?: NodeJS.ProcessEnv;
  /** How long the queue waits for more messages before answering (ms). */
  debounceMs?: number;
  /** The longest a first message waits while more keep coming (ms). */
  maxWaitMs?: number;
  /** The gateway per business; by default the one its settings name (WAHA or the Cloud API). */
  gatewayFor?: (settings: OpenSettings) => Gateway;
}

export interface Assistant {
  plugin: (app: FastifyInstance, ctx: CloudContext) => Promise<void>;
  /** Resolves when no conversation is waiting or being answered. */
  idle(): Promise<void>;
}

/**
 * The WhatsApp assistant as a cloud plugin. Refuses to exist without SMA_ASSISTANT_KEY (the server
 * key its secrets are sealed with), so a misconfigured server fails at start, not at the first message.
 */
export function createAssistant(options: AssistantOptions = {}): Assistant {
  const key = assistantKey(options.env);
  let queue: ConversationQueue | null = null;
  return {
    async plugin(app, ctx) {
      const gatewayFor = options.gatewayFor ?? ((s: OpenSettings) => gatewayOf(ctx.db, s));
      const q = new ConversationQueue(
        (k) => {
          const [businessId, conversationId] = k.split('|');
          return answerConversation({ db: ctx.db, key, now: ctx.now, gatewayFor }, businessId, conversationId);
        },
        options.debounceMs ?? 1500,
        options.maxWaitMs ?? 8000,
        (k, error) => process.stderr.write(`assistant: conversation ${k}: ${(error as Error).stack ?? String(error)}\n`),
      );
      queue = q;
      app.addHook('onClose', async () => q.stop());
      await assistantRoutes(app, ctx, { key, onMessage: (businessId, conversationId) => q.schedule(`${businessId}|${conversationId}`) });
    },
    idle: () => queue?.idle() ?? Promise.resolve(),
  };
}

/** The gateway a shop's settings name. Missing pieces fail the send with a message, not a crash. */
export function gatewayOf(db: CloudDb, s: OpenSettings): Gateway {
  if (s.provider === 'cloud_api') {
    const { baseUrl, version, phoneNumberId, accessToken } = s.cloudApi;
    if (!phoneNumberId || !accessToken) throw new Error(`business ${s.businessId}: the Cloud API needs its phone number id and access token`);
    return new CloudApiGateway({ baseUrl, version, phoneNumberId, accessToken, lastIncomingId: (chatId) => lastIncomingId(db, s.businessId, chatId) });
  }
  if (!s.wahaBaseUrl) throw new Error(`business ${s.businessId}: WAHA needs its address`);
  return new WahaGateway({ baseUrl: s.wahaBaseUrl, session: s.wahaSession, apiKey: s.wahaApiKey });
}

/** The id of the newest message the customer sent in a chat (the Cloud API's read receipt names one). */
async function lastIncomingId(db: CloudDb, businessId: string, chatId: string): Promise<string | null> {
  const row = await withAssistant(db, businessId, (tx) =>
    tx
      .selectFrom('assistant_messages as m')
      .innerJoin('assistant_conversations as c', 'c.id', 'm.conversation_id')
      .select('m.waha_id')
      .where('m.business_id', '=', businessId)
      .where('c.chat_id', '=', chatId)
      .where('m.direction', '=', 'in')
      .where('m.waha_id', 'is not', null)
      .orderBy('m.id', 'desc')
      .limit(1)
      .executeTakeFirst(),
  );
  return row?.waha_id ?? null;
}
