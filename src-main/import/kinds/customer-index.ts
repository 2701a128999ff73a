import { newId } from '../../core/ids';
import { customerCode, customerCodeNumber } from '../../../src-shared/codes';
import type { Sqlite } from '../../db/open';
import type { NewRow, Writer } from '../../core/write';
import { INSERT_BATCH, inserter } from '../bulk-insert';

export interface KnownCustomer {
  id: string;
  code: string;
  name: string;
  phone: string | null;
  email: string | null;
  deleted: boolean;
}

export interface NewCustomer {
  code: string | null;
  name: string | null;
  phone: string | null;
  email: string | null;
  /** A marketplace buyer's account (`shopee:sari.batik`): undefined for any other file. */
  channelId?: string | null;
  /** From a marketplace export: the recipient's city, and the visible digits of a masked phone. */
  city?: string | null;
  phoneHint?: string | null;
}

/**
 * Every customer of the shop by code, phone, email and name, loaded once at the start of an
 * import and kept current as the import adds customers: a million rows are matched without a
 * query each.
 */
export class CustomerIndex {
  readonly byCode = new Map<string, KnownCustomer>();
  readonly byPhone = new Map<string, KnownCustomer>();
  readonly byEmail = new Map<string, KnownCustomer>();
  readonly byName = new Map<string, KnownCustomer>();
  readonly byChannelId = new Map<string, KnownCustomer>();
  private nextNumber = 1;
  private insert: ((row: NewRow<'customers'> & { id: string }) => void) | null = null;

  constructor(sqlite: Sqlite) {
    const rows = sqlite.prepare('SELECT id, code, name, phone, email, deleted_at, channel_identity FROM customers').all() as (Omit<KnownCustomer, 'deleted'> & {
      deleted_at: string | null;
      channel_identity: string | null;
    })[];
    for (const row of rows) {
      const customer = { id: row.id, code: row.code, name: row.name, phone: row.phone, email: row.email, deleted: row.deleted_at !== null };
      this.remember(customer);
      if (row.channel_identity && row.deleted_at === null) this.byChannelId.set(row.channel_identity, customer);
    }
  }

  remember(c: KnownCustomer): void {
    this.byCode.set(c.code, c);
    if (c.phone && !this.byPhone.has(c.phone)) this.byPhone.set(c.phone, c);
    if (c.email && !this.byEmail.has(c.email)) this.byEmail.set(c.email, c);
    const key = c.name.toLowerCase();
    if (!c.deleted && !this.byName.has(key)) this.byName.set(key, c);
    const auto = customerCodeNumber(c.code);
    if (auto !== null) this.nextNumber = Math.max(this.nextNumber, auto + 1);
  }

  /** The shop's customer a row's customer fields name: by code, phone or email, in that order, or
   * by name when the row has none of those; null for a customer still to be created. */
  find(c: NewCustomer): KnownCustomer | null {
    // A marketplace buyer is found by their account only: a name (a recipient's, often) or the
    // shop's customers alike are for the owner to link from the possible duplicates, never silently.
    if (c.channelId !== undefined) return (c.channelId && this.byChannelId.get(c.channelId)) || null;
    if (c.code || c.phone || c.email)
      return (c.code && this.byCode.get(c.code)) || (c.phone && this.byPhone.get(c.phone)) || (c.email && this.byEmail.get(c.email)) || null;
    return (c.name && this.byName.get(c.name.toLowerCase())) || null;
  }

  nextCode(): string {
    let code: string;
    do code = customerCode(this.nextNumber++);
    while (this.byCode.has(code));
    return code;
  }

  /** Write a new customer through the import's writer and index it. */
  create(
    w: Writer,
    fields: NewCustomer & { address?: string | null; city?: string | null; tags?: string[]; notes?: string | null; source?: string | null },
    uploadId: string,
  ): KnownCustomer {
    const insert = (this.insert ??= inserter(w, 'customers', INSERT_BATCH));
    const code = fields.code ?? this.nextCode();
    // A file that knows customers only by code (CDNOW's 00001, R's "Brion Stark") still needs a
    // name. Without a code of the file's own, the phone (or email) is what the shop knows the
    // customer by: a made-up code like C000505 would say nothing.
    const byCode = /[a-z]/i.test(code) ? code : `Pelanggan ${code}`;
    const name = fields.name ?? (fields.code ? byCode : (fields.phone ?? fields.email ?? fields.channelId ?? byCode));
    const customer: KnownCustomer = { id: newId(), code, name, phone: fields.phone, email: fields.email, deleted: false };
    const hint = fields.phoneHint ? `HP tersamar di ekspor marketplace: …${fields.phoneHint}` : null;
    insert({
      id: customer.id,
      code,
      name,
      phone: fields.phone,
      email: fields.email,
      address: fields.address ?? null,
      city: fields.city ?? null,
      tags: JSON.stringify(fields.tags ?? []),
      notes: fields.notes ?? hint,
      source: fields.source ?? 'import',
      channel_identity: fields.channelId ?? null,
      deleted_at: null,
      upload_id: uploadId,
    });
    this.remember(customer);
    if (fields.channelId) this.byChannelId.set(fields.channelId, customer);
    return customer;
  }
}
