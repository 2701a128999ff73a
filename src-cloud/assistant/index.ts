import type { FastifyInstance } from 'fastify';
import type { CloudContext } from '../server/app';
import { answerConversation } from './engine';
import type { Gateway } from './gateway';
import { ConversationQueue } from './queue';
import { assistantRoutes } from './routes';
import { assistantKey } from './secrets';
import type { OpenSettings } from './store';
import { WahaGateway } from './waha-gateway';

export interface AssistantOptions {
  env?: NodeJS.ProcessEnv;
  /** How long the queue waits for more messages before answering (ms). */
  debounceMs?: number;
  /** The longest a first message waits while more keep coming (ms). */
  maxWaitMs?: number;
  /** The gateway per business; WAHA unless told otherwise (the Cloud API adapter goes here). */
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
  const gatewayFor = options.gatewayFor ?? ((s: OpenSettings) => new WahaGateway({ baseUrl: s.wahaBaseUrl, session: s.wahaSession, apiKey: s.wahaApiKey }));
  let queue: ConversationQueue | null = null;
  return {
    async plugin(app, ctx) {
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
