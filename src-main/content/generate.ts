import type { MessageKey } from '../../src-shared/i18n/messages';
import type { ContentRow, GenerateInput, GenerateOutput } from '../../src-shared/schemas/content';
import type { Settings } from '../../src-shared/schemas/settings';
import type { AppServices, Ctx } from '../core/context';
import { newId } from '../core/ids';
import { write } from '../core/write';
import { rfmSummary } from '../rfm/queries';
import { getSettings } from '../settings/service';
import { contentRows } from './library';
import { buildPrompt, type BuiltPrompt } from './prompt';
import { callProvider, ProviderFailure, type ProviderAnswer } from './provider';
import { enqueue } from './enqueue';
import { templateVariants } from './templates';
import { callCost, currentMonth, quotaReached } from './usage';

type GenCtx = Pick<Ctx, 'db' | 'sqlite' | 'clock' | 'hlc' | 'userId' | 't' | 'platform'>;

/** The key: the desktop's encrypted store first, else OPENAI_API_KEY (browser mode, CLI). Never logged. */
export function apiKey(services: Pick<AppServices, 'platform'>): string | null {
  return services.platform?.secrets.available()
    ? (services.platform.secrets.get('openai') ?? process.env.OPENAI_API_KEY ?? null)
    : (process.env.OPENAI_API_KEY ?? null);
}

async function shopAndPrompt(ctx: GenCtx, request: GenerateInput, settings: Settings): Promise<{ prompt: BuiltPrompt; timeZone: string }> {
  const [business, summary] = await Promise.all([
    ctx.db.selectFrom('business').select(['name', 'type', 'city', 'timezone']).executeTakeFirst(),
    rfmSummary(ctx),
  ]);
  const segment = summary.segments.find((s) => s.segment === request.segment) ?? null;
  const prompt = buildPrompt(request, { name: business?.name ?? '', type: business?.type ?? null, city: business?.city ?? null }, segment, settings.aiModel);
  return { prompt, timeZone: business?.timezone ?? 'Asia/Jakarta' };
}

function saveVariants(
  ctx: GenCtx,
  request: GenerateInput,
  source: 'ai' | 'template',
  hash: string,
  version: number,
  variants: ProviderAnswer['variants'],
  figures: { model: string | null; promptTokens: number; completionTokens: number; cost: number; latencyMs: number },
  usage: { provider: string } | null,
): string {
  const generationId = newId();
  write(ctx, (w) => {
    variants.forEach((v, i) =>
      w.insert('ai_generated_content', {
        id: newId(),
        generation_id: generationId,
        segment: request.segment,
        channel: request.channel,
        tone: request.tone,
        language: request.language,
        offer: request.offer || null,
        source,
        prompt_version: version,
        prompt_hash: hash,
        variant: i + 1,
        subject: v.subject,
        body: v.body,
        model: figures.model,
        prompt_tokens: figures.promptTokens,
        completion_tokens: figures.completionTokens,
        cost: figures.cost,
        latency_ms: figures.latencyMs,
        status: 'draft',
        user_id: ctx.userId,
        deleted_at: null,
      }),
    );
    if (usage) logUsageRow(w, usage.provider, figures.model ?? '', request, { ...figures, status: 'ok', errorCode: null, userId: ctx.userId });
  });
  return generationId;
}

type UsageWriter = Parameters<Parameters<typeof write>[1]>[0];

function logUsageRow(
  w: UsageWriter,
  provider: string,
  model: string,
  request: GenerateInput,
  f: {
    promptTokens: number;
    completionTokens: number;
    cost: number;
    latencyMs: number;
    status: 'ok' | 'error';
    errorCode: string | null;
    userId: string | null;
  },
) {
  w.insert('api_usage_logs', {
    id: newId(),
    provider,
    model,
    segment: request.segment,
    channel: request.channel,
    prompt_tokens: f.promptTokens,
    completion_tokens: f.completionTokens,
    cost: f.cost,
    latency_ms: f.latencyMs,
    status: f.status,
    error_code: f.errorCode,
    user_id: f.userId,
  });
}

async function templates(
  ctx: GenCtx,
  request: GenerateInput,
  prompt: BuiltPrompt,
  notice: string | null,
  queuedId: string | null = null,
): Promise<GenerateOutput> {
  const t = templateVariants(request);
  let rows = await contentRows(ctx, { hash: t.hash, source: 'template' });
  if (rows.length === 0) {
    saveVariants(ctx, request, 'template', t.hash, t.version, t.variants, { model: null, promptTokens: 0, completionTokens: 0, cost: 0, latencyMs: 0 }, null);
    rows = await contentRows(ctx, { hash: t.hash, source: 'template' });
  }
  // The library holds fewer variants than may be asked for (2 per segment and channel, up to 5 asked):
  // say so, rather than hand back fewer with no word.
  const short = t.variants.length < request.variants ? ctx.t('ai.templatesShort', { got: t.variants.length, asked: request.variants }) : null;
  return { source: 'template', notice: [notice, short].filter(Boolean).join(' ') || null, queuedId, prompt, variants: rows };
}

const FAILURE_TEXT: Record<Exclude<ProviderFailure['kind'], 'offline'>, MessageKey> = {
  bad_key: 'ai.badKey',
  rate_limited: 'ai.rateLimited',
  server: 'ai.serverError',
  timeout: 'ai.timeout',
  schema: 'ai.badResponse',
};

/**
 * Variants for a segment and channel: the saved answer to the same prompt (no call), else one call
 * to the provider within the month's quota, else the built-in templates with the reason. Every
 * call is logged in api_usage_logs, failed ones too; generated variants are saved as drafts in the
 * same transaction as their usage row, so nothing is half-saved.
 */
export async function generateContent(
  ctx: GenCtx,
  request: GenerateInput,
  options: { queueWhenOffline?: boolean } = {},
): Promise<GenerateOutput & { failure?: ProviderFailure['kind'] }> {
  const settings = await getSettings(ctx);
  const { prompt, timeZone } = await shopAndPrompt(ctx, request, settings);
  const key = apiKey(ctx);
  if (!key) return templates(ctx, request, prompt, ctx.t('ai.noKey'));

  if (!request.regenerate) {
    const cached = await contentRows(ctx, { hash: prompt.hash, source: 'ai' });
    if (cached.length > 0) return { source: 'cache', notice: null, queuedId: null, prompt, variants: cached };
  }
  const quota = await quotaReached(ctx, settings, currentMonth(ctx, timeZone));
  if (quota) {
    const unit = (n: number) =>
      settings.aiMonthlyQuota.kind === 'tokens' ? `${n.toLocaleString('id-ID')} token` : `Rp ${Math.round(n).toLocaleString('id-ID')}`;
    return templates(ctx, request, prompt, ctx.t('ai.quota', { used: unit(quota.used), limit: unit(quota.limit) }));
  }

  // OPENAI_BASE_URL (the CLI, a server) wins over Settings, as OPENAI_API_KEY does outside the desktop.
  const baseUrl = process.env.OPENAI_BASE_URL || settings.aiBaseUrl;
  const provider = new URL(baseUrl).host;
  const started = performance.now();
  try {
    const answer = await callProvider({ apiKey: key, baseUrl, model: settings.aiModel, timeoutMs: settings.aiTimeoutSeconds * 1000 }, prompt, request);
    const latencyMs = Math.round(performance.now() - started);
    const cost = callCost(settings, settings.aiModel, answer.promptTokens, answer.completionTokens);
    const figures = { model: settings.aiModel, promptTokens: answer.promptTokens, completionTokens: answer.completionTokens, cost, latencyMs };
    saveVariants(ctx, request, 'ai', prompt.hash, prompt.version, answer.variants, figures, { provider });
    return { source: 'ai', notice: null, queuedId: null, prompt, variants: await contentRows(ctx, { hash: prompt.hash, source: 'ai' }) };
  } catch (error) {
    if (!(error instanceof ProviderFailure)) throw error;
    const latencyMs = Math.round(performance.now() - started);
    const promptTokens = error.detail.promptTokens ?? 0;
    const completionTokens = error.detail.completionTokens ?? 0;
    const errorCode = error.detail.status ? `${error.kind}:${error.detail.status}` : error.kind;
    write(ctx, (w) =>
      logUsageRow(w, provider, settings.aiModel, request, {
        promptTokens,
        completionTokens,
        cost: callCost(settings, settings.aiModel, promptTokens, completionTokens),
        latencyMs,
        status: 'error',
        errorCode,
        userId: ctx.userId,
      }),
    );
    if (error.kind === 'offline') {
      const queuedId = options.queueWhenOffline === false ? null : enqueue(ctx, request);
      return { ...(await templates(ctx, request, prompt, ctx.t('ai.offline'), queuedId)), failure: error.kind };
    }
    const text = ctx.t(FAILURE_TEXT[error.kind], { seconds: error.detail.retryAfterSeconds ?? settings.aiTimeoutSeconds, status: error.detail.status ?? '' });
    return { ...(await templates(ctx, request, prompt, text)), failure: error.kind };
  }
}

export type { ContentRow };
