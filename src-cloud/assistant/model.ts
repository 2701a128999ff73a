import OpenAI, { APIConnectionError, APIConnectionTimeoutError, APIError } from 'openai';
import { zodResponseFormat } from 'openai/helpers/zod';
import { z } from 'zod';
import type { BuiltMessages } from './prompt';

/**
 * The structured answer asked of the business's model. `summary` is beyond the seed's shape: the
 * handover needs the model's own account of the conversation for the lead it becomes.
 */
export const modelAnswer = z.object({
  reply: z.string(),
  media: z.array(z.object({ type: z.enum(['image', 'file']), url: z.string(), caption: z.string().nullable() })),
  newPhase: z.enum(['LEADS', 'INTEREST', 'BOOKING']),
  confidence: z.number(),
  escalate: z.boolean(),
  reason: z.string().nullable(),
  summary: z.string(),
});
export type ModelAnswer = z.infer<typeof modelAnswer>;

/** The checks the JSON schema sent to the model cannot carry on every server. */
const checked = modelAnswer.extend({ confidence: z.number().min(0).max(1), reply: z.string().max(4096) });

export interface ModelConfig {
  baseUrl: string;
  model: string;
  apiKey: string;
  timeoutMs?: number;
}

export interface ModelResult {
  answer: ModelAnswer;
  promptTokens: number;
  completionTokens: number;
}

export class ModelFailure extends Error {
  constructor(
    message: string,
    readonly usage: { promptTokens: number; completionTokens: number } = { promptTokens: 0, completionTokens: 0 },
  ) {
    super(message);
  }
}

/**
 * One chat-completions call with structured output, no retries (the engine hands over instead). The
 * answer is parsed here rather than by the SDK's `parse`, which throws away the call's usage when the
 * answer is not the JSON asked for: a failure the server billed carries its tokens (`ModelFailure.usage`).
 */
export async function askModel(config: ModelConfig, prompt: BuiltMessages): Promise<ModelResult> {
  const client = new OpenAI({ apiKey: config.apiKey || 'none', baseURL: config.baseUrl, timeout: config.timeoutMs ?? 30_000, maxRetries: 0 });
  let completion;
  try {
    completion = await client.chat.completions.create({
      model: config.model,
      messages: [{ role: 'system', content: prompt.system }, ...prompt.messages],
      response_format: zodResponseFormat(modelAnswer, 'assistant_reply'),
    });
  } catch (error) {
    if (error instanceof APIConnectionTimeoutError) throw new ModelFailure('the model did not answer in time');
    if (error instanceof APIConnectionError) throw new ModelFailure('the model server is unreachable');
    if (error instanceof APIError) throw new ModelFailure(`the model server answered ${error.status ?? 'an error'}`);
    throw new ModelFailure('the model answered something other than the JSON asked for');
  }
  const usage = { promptTokens: completion.usage?.prompt_tokens ?? 0, completionTokens: completion.usage?.completion_tokens ?? 0 };
  const choice = completion.choices[0];
  if (choice?.finish_reason === 'length') throw new ModelFailure('the model stopped at its length limit before the answer was complete', usage);
  if (choice?.message.refusal) throw new ModelFailure(`the model refused: ${choice.message.refusal.slice(0, 200)}`, usage);
  let json: unknown;
  try {
    json = JSON.parse(choice?.message.content ?? '');
  } catch {
    throw new ModelFailure('the model answered something other than the JSON asked for', usage);
  }
  const parsed = checked.safeParse(json);
  if (!parsed.success) throw new ModelFailure(`the model's answer failed its checks: ${parsed.error.issues[0]?.message ?? 'invalid'}`, usage);
  return { answer: parsed.data, ...usage };
}
