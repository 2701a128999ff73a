import OpenAI, { APIConnectionError, APIConnectionTimeoutError, APIError } from 'openai';
import { zodResponseFormat } from 'openai/helpers/zod';
import type { GenerateInput } from '../../src-shared/schemas/content';
import { variantsSchema, type BuiltPrompt } from './prompt';

export type FailureKind = 'bad_key' | 'rate_limited' | 'server' | 'timeout' | 'offline' | 'schema';

/** A call that did not give usable variants, classified so the user gets the right sentence. */
export class ProviderFailure extends Error {
  constructor(
    readonly kind: FailureKind,
    readonly detail: { status?: number; retryAfterSeconds?: number; promptTokens?: number; completionTokens?: number } = {},
  ) {
    super(kind);
  }
}

export interface ProviderConfig {
  apiKey: string;
  baseUrl: string;
  model: string;
  timeoutMs: number;
}

export interface ProviderAnswer {
  variants: { subject: string | null; body: string }[];
  promptTokens: number;
  completionTokens: number;
}

function retryAfter(headers: Headers | undefined): number | undefined {
  const value = headers?.get('retry-after');
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, Math.ceil(seconds));
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - Date.now()) / 1000));
}

/**
 * One chat-completions call with structured output (any OpenAI-compatible server). No retries
 * here: a 429 says when to try again and the user decides; an unreachable server goes to the
 * offline queue.
 */
export async function callProvider(config: ProviderConfig, prompt: BuiltPrompt, request: GenerateInput): Promise<ProviderAnswer> {
  const client = new OpenAI({ apiKey: config.apiKey, baseURL: config.baseUrl, timeout: config.timeoutMs, maxRetries: 0 });
  const schema = variantsSchema(request.channel);
  let completion;
  try {
    completion = await client.chat.completions.parse({
      model: config.model,
      messages: [
        { role: 'system', content: prompt.system },
        { role: 'user', content: prompt.user },
      ],
      response_format: zodResponseFormat(schema, 'marketing_variants'),
    });
  } catch (error) {
    if (error instanceof APIConnectionTimeoutError) throw new ProviderFailure('timeout');
    if (error instanceof APIConnectionError) throw new ProviderFailure('offline');
    if (error instanceof APIError) {
      if (error.status === 401 || error.status === 403) throw new ProviderFailure('bad_key', { status: error.status });
      if (error.status === 429) throw new ProviderFailure('rate_limited', { status: 429, retryAfterSeconds: retryAfter(error.headers) });
      throw new ProviderFailure('server', { status: error.status });
    }
    // The answer came but is not the JSON asked for (the SDK's parse or zod threw).
    throw new ProviderFailure('schema');
  }
  const usage = { promptTokens: completion.usage?.prompt_tokens ?? 0, completionTokens: completion.usage?.completion_tokens ?? 0 };
  const checked = schema.safeParse(completion.choices[0]?.message.parsed);
  if (!checked.success || checked.data.variants.length !== request.variants) throw new ProviderFailure('schema', usage);
  return { variants: checked.data.variants, ...usage };
}
