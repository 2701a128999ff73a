import { sql, type InferResult } from 'kysely';
import type { z } from 'zod';
import { AppError } from '../../src-shared/errors';
import type { SegmentId } from '../../src-shared/rfm/rules';
import type { CampaignRow, campaignCreateInput } from '../../src-shared/schemas/content';
import type { Ctx } from '../core/context';
import { newId } from '../core/ids';
import { write } from '../core/write';
import { findRun } from '../rfm/queries';

/**
 * A campaign's results. Recipients: the segment when it was made. Contacted: recipients recorded as
 * sent a message for it. Converted: recipients who bought with its code; conversions and revenue
 * count every live transaction carrying the code (typed in or imported), dated from its start.
 */
function campaignQuery(ctx: Pick<Ctx, 'db'>) {
  return ctx.db
    .selectFrom('campaigns as k')
    .where('k.deleted_at', 'is', null)
    .select((eb) => [
      'k.id',
      'k.name',
      'k.code',
      'k.segment',
      'k.channel',
      'k.content_id',
      'k.start_date',
      'k.end_date',
      'k.recipients',
      'k.created_at',
      eb
        .selectFrom('customer_communications as m')
        .whereRef('m.campaign_id', '=', 'k.id')
        .where('m.customer_id', 'in', (r) => r.selectFrom('campaign_recipients as r').whereRef('r.campaign_id', '=', 'k.id').select('r.customer_id'))
        .select(sql<number>`COUNT(DISTINCT m.customer_id)`.as('n'))
        .as('contacted'),
      eb
        .selectFrom('transactions as t')
        .innerJoin('campaign_recipients as r', (j) => j.onRef('r.customer_id', '=', 't.customer_id').onRef('r.campaign_id', '=', 'k.id'))
        .whereRef('t.campaign_code', '=', 'k.code')
        .whereRef('t.transaction_date', '>=', 'k.start_date')
        .where('t.deleted_at', 'is', null)
        .select(sql<number>`COUNT(DISTINCT t.customer_id)`.as('n'))
        .as('converted'),
      eb
        .selectFrom('transactions as t')
        .whereRef('t.campaign_code', '=', 'k.code')
        .whereRef('t.transaction_date', '>=', 'k.start_date')
        .where('t.deleted_at', 'is', null)
        .select((t) => t.fn.countAll<number>().as('n'))
        .as('conversions'),
      eb
        .selectFrom('transactions as t')
        .whereRef('t.campaign_code', '=', 'k.code')
        .whereRef('t.transaction_date', '>=', 'k.start_date')
        .where('t.deleted_at', 'is', null)
        .select(sql<number>`COALESCE(SUM(t.amount), 0)`.as('n'))
        .as('revenue'),
    ]);
}
type Record = InferResult<ReturnType<typeof campaignQuery>>[number];

function toRow(r: Record): CampaignRow {
  const recipients = Number(r.recipients);
  const converted = Number(r.converted ?? 0);
  return {
    id: r.id,
    name: r.name,
    code: r.code,
    segment: r.segment as SegmentId,
    channel: r.channel as CampaignRow['channel'],
    contentId: r.content_id,
    startDate: r.start_date,
    endDate: r.end_date,
    recipients,
    contacted: Number(r.contacted ?? 0),
    converted,
    conversions: Number(r.conversions ?? 0),
    revenue: Number(r.revenue ?? 0),
    conversionPct: recipients ? (100 * converted) / recipients : 0,
    createdAt: r.created_at,
  };
}

export async function listCampaigns(ctx: Pick<Ctx, 'db'>): Promise<CampaignRow[]> {
  return (await campaignQuery(ctx).orderBy('k.start_date', 'desc').orderBy('k.id').execute()).map(toRow);
}

export async function getCampaign(ctx: Pick<Ctx, 'db' | 't'>, id: string): Promise<CampaignRow> {
  const row = await campaignQuery(ctx).where('k.id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', ctx.t('err.notFound', { entity: ctx.t('entity.campaign') }), { id });
  return toRow(row);
}

/** A campaign and the snapshot of its recipients: the segment's members in the latest RFM run. */
export async function createCampaign(ctx: Ctx, input: z.output<typeof campaignCreateInput>): Promise<CampaignRow> {
  const run = await findRun(ctx);
  if (!run) throw new AppError('CONFLICT', ctx.t('camp.noRun'));
  const taken = await ctx.db.selectFrom('campaigns').select('id').where('code', '=', input.code).executeTakeFirst();
  if (taken) throw new AppError('CONFLICT', ctx.t('camp.codeTaken', { code: input.code }), { field: 'code' });
  const id = newId();
  write(ctx, (w) => {
    w.insert('campaigns', {
      id,
      name: input.name,
      code: input.code,
      segment: input.segment,
      channel: input.channel,
      content_id: input.contentId ?? null,
      start_date: input.startDate,
      end_date: input.endDate,
      rfm_run_id: run.id,
      recipients: 0,
      user_id: ctx.userId,
      deleted_at: null,
    });
    // The recipients are a derived snapshot of the run's members: copied in one statement.
    const added = w.snapshot(
      'campaign_recipients',
      id,
      ctx.db
        .insertInto('campaign_recipients')
        .columns(['campaign_id', 'customer_id'])
        .expression(
          ctx.db
            .selectFrom('rfm_analysis as a')
            .innerJoin('customers as c', 'c.id', 'a.customer_id')
            .select((eb) => [eb.val(id).as('campaign_id'), 'a.customer_id'])
            .where('a.run_id', '=', run.id)
            .where('a.segment', '=', input.segment)
            .where('c.deleted_at', 'is', null),
        ),
    );
    w.update('campaigns', id, { recipients: added }, 'campaign gone');
    w.log({ action: 'campaign.create', entity: 'campaigns', entityId: id, details: { code: input.code, segment: input.segment, recipients: added } });
  });
  return getCampaign(ctx, id);
}
