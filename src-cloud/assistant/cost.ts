import { sql } from 'kysely';
import type { AssistantTx } from './schema';

/** Rupiah per 1,000 tokens, by model name, as the console sets them in the assistant settings. */
export type ModelPrices = Record<string, number>;

export function readPrices(value: unknown): ModelPrices {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return {};
  return Object.fromEntries(Object.entries(value as Record<string, unknown>).filter((e): e is [string, number] => typeof e[1] === 'number' && e[1] >= 0));
}

/** A call's cost in rupiah; null when the model has no price (the console says so beside the figure). */
export function costOf(prices: ModelPrices, model: string, tokens: { prompt: number; completion: number }): number | null {
  const price = prices[model];
  if (price === undefined) return null;
  return ((tokens.prompt + tokens.completion) / 1000) * price;
}

export interface MonthSpend {
  /** Tokens the assistant used this month (Asia/Jakarta calendar month). */
  tokens: number;
  /** What those tokens cost, as priced when each call was made. */
  assistantCost: number;
  /** The laptops' own AI calls this month, as their usage logs came up through sync. */
  laptopCost: number;
  /** businesses.ai_monthly_quota: rupiah a month for all AI together; null = no limit. */
  quota: number | null;
}

/**
 * The month's AI spend of one shop against its quota. The quota is one budget: the laptop's message
 * writer and the assistant draw on it together, so both are counted.
 */
export async function spendThisMonth(tx: AssistantTx, businessId: string, now: Date): Promise<MonthSpend> {
  const monthStart = sql`date_trunc('month', ${now}::timestamptz AT TIME ZONE 'Asia/Jakarta') AT TIME ZONE 'Asia/Jakarta'`;
  // Every model call, not only those whose reply went out (recordModelCall).
  const own = await sql<{ tokens: string | null; cost: string | null }>`
    SELECT sum(prompt_tokens + completion_tokens) AS tokens, sum(cost_rupiah) AS cost FROM assistant_model_calls
    WHERE business_id = ${businessId} AND created_at >= ${monthStart}`.execute(tx);
  const laptop = await sql<{ cost: string | null }>`
    SELECT sum((data->>'cost')::numeric) AS cost FROM shop_records
    WHERE business_id = ${businessId} AND entity = 'api_usage_logs' AND NOT deleted AND (data->>'created_at')::timestamptz >= ${monthStart}`.execute(tx);
  const business = await tx.selectFrom('businesses').select('ai_monthly_quota').where('id', '=', businessId).executeTakeFirst();
  const quota = business?.ai_monthly_quota;
  return {
    tokens: Number(own.rows[0]?.tokens ?? 0),
    assistantCost: Number(own.rows[0]?.cost ?? 0),
    laptopCost: Number(laptop.rows[0]?.cost ?? 0),
    quota: quota === null || quota === undefined ? null : Number(quota),
  };
}

/** True when the month's quota is used up: the assistant stops calling the model and hands over. */
export const quotaSpent = (spend: MonthSpend): boolean => spend.quota !== null && spend.assistantCost + spend.laptopCost >= spend.quota;

/**
 * Writes down one model call, priced now. Called right after the call returns or fails, in a
 * transaction of its own and before anything is sent: a call is paid for even when its answer is
 * empty, fails its checks, or the gateway cannot deliver it.
 */
export async function recordModelCall(
  tx: AssistantTx,
  call: {
    businessId: string;
    conversationId: string;
    model: string;
    prices: ModelPrices;
    tokens: { prompt: number; completion: number };
    failure: string | null;
    now: Date;
  },
): Promise<void> {
  await tx
    .insertInto('assistant_model_calls')
    .values({
      business_id: call.businessId,
      conversation_id: call.conversationId,
      model: call.model,
      prompt_tokens: call.tokens.prompt,
      completion_tokens: call.tokens.completion,
      cost_rupiah: costOf(call.prices, call.model, call.tokens),
      failure: call.failure,
      created_at: call.now,
    })
    .execute();
}
