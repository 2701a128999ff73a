import { sql } from 'kysely';
import { HLC_ORDER_CHARS } from '../sync/hlc';
import type { Package } from './prompt';
import type { AssistantTx } from './schema';

/**
 * The packages the assistant answers from: the shop's products as its laptop pushed them, the ones
 * the owner offered (with a campaign code, active, not deleted). The laptop is the one place a
 * package is edited (issue 23), so the cloud keeps no copy of its own that could disagree.
 *
 * Two laptops of one shop can each give a code to a product before either has seen the other's push;
 * the one changed last (its stamp, as sync orders changes) is the package that code means.
 */
export async function loadCatalogue(tx: AssistantTx, businessId: string): Promise<Package[]> {
  const rows = await tx
    .selectFrom('products')
    .select(['campaign_code', 'name', 'price', 'start_date', 'end_date', 'quota_status', 'features', 'image_url', 'brochure_url'])
    .distinctOn('campaign_code')
    .where('business_id', '=', businessId)
    .where('assistant_offered', '=', true)
    .where('active', '=', true)
    .where('deleted_at', 'is', null)
    .where('campaign_code', 'is not', null)
    .orderBy('campaign_code')
    // Sync's own order of changes: the stamp, then the device id (src-cloud/sync/apply-rows.ts).
    .orderBy(sql`left(hlc, ${HLC_ORDER_CHARS})`, 'desc')
    .orderBy(sql`device_id::text`, 'desc')
    .execute();
  return rows.map((r) => ({
    code: String(r.campaign_code),
    name: r.name,
    price: Number(r.price),
    startDate: r.start_date,
    endDate: r.end_date,
    quotaStatus: r.quota_status,
    features: Array.isArray(r.features) ? (r.features as string[]) : [],
    imageUrl: r.image_url,
    brochureUrl: r.brochure_url,
  }));
}
