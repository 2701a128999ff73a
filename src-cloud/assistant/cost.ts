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
  const own = await sql<{ tokens: string | null; cost: string | null }>`
    SELECT sum(coalesce(prompt_tokens, 0) + coalesce(completion_tokens, 0)) AS tokens, sum(cost_rupiah) AS cost FROM assistant_messages
    WHERE business_id = ${businessId} AND direction = 'out' AND created_at >= ${monthStart}`.execute(tx);
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
