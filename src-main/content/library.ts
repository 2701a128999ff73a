import type { InferResult, Kysely } from 'kysely';
import type { z } from 'zod';
import { AppError } from '../../src-shared/errors';
import type { SegmentId } from '../../src-shared/rfm/rules';
import { SMS_MAX, type ContentRow, type contentListInput, type contentUpdateInput } from '../../src-shared/schemas/content';
import type { Ctx } from '../core/context';
import { write } from '../core/write';
import type { Database } from '../db/schema';

function contentQuery(db: Kysely<Database>) {
  return db
    .selectFrom('ai_generated_content as c')
    .leftJoin('users as u', 'u.id', 'c.user_id')
    .where('c.deleted_at', 'is', null)
    .select([
      'c.id',
      'c.generation_id',
      'c.segment',
      'c.channel',
      'c.tone',
      'c.language',
      'c.offer',
      'c.source',
      'c.prompt_version',
      'c.prompt_hash',
      'c.variant',
      'c.subject',
      'c.body',
      'c.model',
      'c.prompt_tokens',
      'c.completion_tokens',
      'c.cost',
      'c.latency_ms',
      'c.status',
      'u.name as user_name',
      'c.created_at',
    ]);
}
type Record = InferResult<ReturnType<typeof contentQuery>>[number];

function toRow(r: Record): ContentRow {
  return {
    id: r.id,
    generationId: r.generation_id,
    segment: r.segment as SegmentId,
    channel: r.channel,
    tone: r.tone,
    language: r.language,
    offer: r.offer,
    source: r.source,
    promptVersion: r.prompt_version,
    promptHash: r.prompt_hash,
    variant: r.variant,
    subject: r.subject,
    body: r.body,
    model: r.model,
    promptTokens: r.prompt_tokens,
    completionTokens: r.completion_tokens,
    cost: r.cost,
    latencyMs: r.latency_ms,
    status: r.status,
    userName: r.user_name,
    createdAt: r.created_at,
  };
}

/** The variants of the latest generation for a prompt hash: what the cache serves. */
export async function contentRows(ctx: Pick<Ctx, 'db'>, by: { hash: string; source: 'ai' | 'template' } | { generationId: string }): Promise<ContentRow[]> {
  let generationId: string | undefined;
  if ('generationId' in by) generationId = by.generationId;
  else {
    const latest = await ctx.db
      .selectFrom('ai_generated_content')
      .select('generation_id')
      .where('prompt_hash', '=', by.hash)
      .where('source', '=', by.source)
      .where('deleted_at', 'is', null)
      .orderBy('created_at', 'desc')
      .limit(1)
      .executeTakeFirst();
    generationId = latest?.generation_id;
  }
  if (!generationId) return [];
  const rows = await contentQuery(ctx.db).where('c.generation_id', '=', generationId).orderBy('c.variant').execute();
  return rows.map(toRow);
}

export async function findContent(ctx: Pick<Ctx, 'db' | 't'>, id: string): Promise<ContentRow> {
  const row = await contentQuery(ctx.db).where('c.id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', ctx.t('err.notFound', { entity: ctx.t('entity.content') }), { id });
  return toRow(row);
}

export async function listContent(ctx: Pick<Ctx, 'db'>, input: z.output<typeof contentListInput>) {
  let q = contentQuery(ctx.db);
  if (input.generationId) q = q.where('c.generation_id', '=', input.generationId);
  if (input.segment) q = q.where('c.segment', '=', input.segment);
  if (input.channel) q = q.where('c.channel', '=', input.channel);
  if (input.status) q = q.where('c.status', '=', input.status);
  const [rows, count] = await Promise.all([
    q
      .orderBy('c.created_at', 'desc')
      .orderBy('c.variant')
      .limit(input.pageSize)
      .offset((input.page - 1) * input.pageSize)
      .execute(),
    q
      .clearSelect()
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { rows: rows.map(toRow), total: Number(count.n), page: input.page, pageSize: input.pageSize };
}

/** The user's edits to a variant (text, approval). Generated text is stored and shown as text only. */
export async function updateContent(ctx: Ctx, input: z.output<typeof contentUpdateInput>): Promise<ContentRow> {
  const current = await findContent(ctx, input.id);
  if (current.channel === 'sms' && input.body !== undefined && input.body.length > SMS_MAX) {
    throw new AppError(
      'VALIDATION_ERROR',
      ctx.t('err.validation', { fields: `body (${ctx.t('content.smsTooLong', { max: SMS_MAX, length: input.body.length })})` }),
      { field: 'body' },
    );
  }
  write(ctx, (w) => {
    const patch = {
      ...(input.subject !== undefined && { subject: input.subject }),
      ...(input.body !== undefined && { body: input.body }),
      ...(input.status !== undefined && { status: input.status }),
    };
    w.update('ai_generated_content', input.id, patch, ctx.t('err.notFound', { entity: ctx.t('entity.content') }));
    w.log({ action: 'content.update', entity: 'ai_generated_content', entityId: input.id, details: { fields: Object.keys(patch) } });
  });
  return findContent(ctx, input.id);
}

export async function deleteContent(ctx: Ctx, id: string): Promise<void> {
  await findContent(ctx, id);
  write(ctx, (w) => {
    w.update('ai_generated_content', id, { deleted_at: ctx.clock.now().toISOString() }, ctx.t('err.notFound', { entity: ctx.t('entity.content') }));
    w.log({ action: 'content.delete', entity: 'ai_generated_content', entityId: id });
  });
}
