import { sql, type Kysely, type Selectable } from 'kysely';
import { productCode } from '../../src-shared/codes';
import type { z } from 'zod';
import { AppError } from '../../src-shared/errors';
import type { ProductRow, productCreateInput, productListInput, productUpdateInput } from '../../src-shared/schemas/product';
import type { Ctx } from '../core/context';
import { newId } from '../core/ids';
import { likeEscaped } from '../core/sql';
import { write } from '../core/write';
import type { Database } from '../db/schema';

/** A product's own fields, as the list shows them and the export writes them back for an import. */
export const productFields = [
  'code',
  'name',
  'category',
  'price',
  'active',
  'campaign_code',
  'start_date',
  'end_date',
  'quota_status',
  'features',
  'image_url',
  'brochure_url',
  'assistant_offered',
] as const;
const columns = ['id', ...productFields, 'created_at', 'updated_at', 'deleted_at'] as const;
const notFound = (ctx: Ctx) => ctx.t('err.notFound', { entity: ctx.t('entity.product') });
type Selected = { [K in (typeof columns)[number]]: Selectable<Database['products']>[K] };
const toRow = (r: Selected): ProductRow => ({
  ...r,
  active: r.active === 1,
  assistant_offered: r.assistant_offered === 1,
  features: JSON.parse(r.features) as string[],
});

type ProductInput = z.output<typeof productCreateInput>;
/** The columns a form writes, in the table's shape (flags 0/1, features as JSON text). */
const writable = (input: ProductInput) => ({
  name: input.name,
  category: input.category,
  price: input.price,
  active: input.active ? 1 : 0,
  campaign_code: input.campaign_code,
  start_date: input.start_date,
  end_date: input.end_date,
  quota_status: input.quota_status,
  features: JSON.stringify(input.features),
  image_url: input.image_url,
  brochure_url: input.brochure_url,
  assistant_offered: input.assistant_offered ? 1 : 0,
});

type ProductListInput = z.output<typeof productListInput>;

function filterProducts(db: Kysely<Database>, input: Omit<ProductListInput, 'page' | 'pageSize' | 'sort' | 'desc'>) {
  let q = db.selectFrom('products');
  if (input.status === 'active') q = q.where('deleted_at', 'is', null);
  if (input.status === 'deleted') q = q.where('deleted_at', 'is not', null);
  if (input.category) q = q.where('category', '=', input.category);
  const search = input.search?.trim();
  if (search)
    q = q.where((eb) =>
      eb.or([
        likeEscaped(eb.ref('name'), search),
        likeEscaped(eb.ref('code'), search),
        likeEscaped(eb.ref('category'), search),
        likeEscaped(eb.ref('campaign_code'), search),
      ]),
    );
  return q;
}

/** The list's query, filtered and sorted; the list reads a page of it, export all of it. */
export function productListQuery(db: Kysely<Database>, input: Omit<ProductListInput, 'page' | 'pageSize'>) {
  const order = input.sort === 'name' ? sql`name COLLATE NOCASE` : sql.ref(input.sort);
  return filterProducts(db, input)
    .orderBy(sql`${order} ${input.desc ? sql`DESC` : sql`ASC`}`)
    .orderBy('id');
}

export async function listProducts(ctx: Ctx, input: ProductListInput) {
  const [rows, count] = await Promise.all([
    productListQuery(ctx.db, input)
      .select(columns)
      .limit(input.pageSize)
      .offset((input.page - 1) * input.pageSize)
      .execute(),
    filterProducts(ctx.db, input)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { rows: rows.map(toRow), total: Number(count.n), page: input.page, pageSize: input.pageSize };
}

export async function productOptions(ctx: Ctx) {
  return ctx.db
    .selectFrom('products')
    .select(['id', 'code', 'name', 'price'])
    .where('deleted_at', 'is', null)
    .where('active', '=', 1)
    .orderBy('name')
    .execute();
}

async function getProduct(ctx: Ctx, id: string): Promise<ProductRow> {
  const row = await ctx.db.selectFrom('products').select(columns).where('id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', notFound(ctx), { id });
  return toRow(row);
}

async function nextProductCode(ctx: Ctx): Promise<string> {
  const row = await sql<{ n: number | null }>`SELECT MAX(CAST(SUBSTR(code, 3) AS INTEGER)) AS n FROM products WHERE code GLOB 'P-[0-9]*'`.execute(ctx.db);
  return productCode((row.rows[0]?.n ?? 0) + 1);
}

async function assertCodeFree(ctx: Ctx, code: string | null, excludeId?: string): Promise<void> {
  if (!code) return;
  let q = ctx.db.selectFrom('products').select('id').where('code', '=', code);
  if (excludeId) q = q.where('id', '!=', excludeId);
  if (await q.executeTakeFirst()) throw new AppError('CONFLICT', ctx.t('err.codeTaken', { code }), { field: 'code' });
}

/** One product per campaign code, so a customer's code names one package (deleted ones count: restoring must not make two). */
async function assertCampaignCodeFree(ctx: Ctx, campaignCode: string | null, excludeId?: string): Promise<void> {
  if (!campaignCode) return;
  let q = ctx.db.selectFrom('products').select('id').where('campaign_code', '=', campaignCode);
  if (excludeId) q = q.where('id', '!=', excludeId);
  if (await q.executeTakeFirst()) throw new AppError('CONFLICT', ctx.t('err.codeTaken', { code: campaignCode }), { field: 'campaign_code' });
}

export async function createProduct(ctx: Ctx, input: ProductInput): Promise<ProductRow> {
  await assertCodeFree(ctx, input.code);
  await assertCampaignCodeFree(ctx, input.campaign_code);
  const id = newId();
  const code = input.code ?? (await nextProductCode(ctx));
  write(ctx, (w) => {
    w.insert('products', { id, code, ...writable(input), deleted_at: null });
    w.log({ action: 'products.create', entity: 'products', entityId: id, details: { code, name: input.name } });
  });
  return getProduct(ctx, id);
}

export async function updateProduct(ctx: Ctx, input: z.output<typeof productUpdateInput>): Promise<ProductRow> {
  const before = await getProduct(ctx, input.id);
  await assertCodeFree(ctx, input.code, input.id);
  await assertCampaignCodeFree(ctx, input.campaign_code, input.id);
  write(ctx, (w) => {
    w.update('products', input.id, { code: input.code ?? before.code, ...writable(input) }, notFound(ctx));
    w.log({ action: 'products.update', entity: 'products', entityId: input.id });
  });
  return getProduct(ctx, input.id);
}

export function setProductDeleted(ctx: Ctx, id: string, deleted: boolean): void {
  write(ctx, (w) => {
    if (w.setDeleted('products', id, deleted, notFound(ctx)))
      w.log({ action: deleted ? 'products.delete' : 'products.restore', entity: 'products', entityId: id });
  });
}
