import { syncedBusiness, syncedProduct } from '../../src-shared/sync/entities';
import { snapshotResponse } from '../../src-shared/sync/protocol';
import type { AppServices } from '../core/context';
import { cloudRequest } from './http';
import { enrol, serverAddress } from './service';
import { readState, type SyncState } from './state';
import { tokenStore } from './token-store';

type Services = Pick<AppServices, 'sqlite' | 'dbPath' | 'platform' | 'clock' | 'hlc' | 'version'>;

/** Rows per snapshot page: ~1 MB of transactions per request. */
const PAGE = 1000;

/**
 * What a restore brings back, in the order rows refer to each other, besides the business profile
 * (`adoptProfile`). RFM runs, campaigns and AI usage stay in the cloud (a run is recomputed here from
 * the restored sales); users never leave a laptop, so the owner set up on this one stays.
 */
const RESTORED = ['customers', 'products', 'transactions', 'settings'] as const;
type Restored = (typeof RESTORED)[number];

export interface RestoreProgress {
  entity: Restored;
  rows: number;
}

export class ShopNotEmptyError extends Error {
  constructor() {
    super('shop not empty');
  }
}

/**
 * A new laptop of an enrolled shop: enrols with a fresh device identity (a restored copy must never
 * reuse a seq the cloud has seen), then downloads the shop's rows page by page into one SQLite
 * transaction, committed only when every page is in: a failure or a cancel leaves the shop as it was
 * (empty). The rows keep their ids and stamps and get no outbox entries: the cloud has them already.
 */
export async function restoreFromCloud(
  services: Services,
  input: { server: string; code: string },
  options: { signal?: AbortSignal; onProgress?: (p: RestoreProgress) => void } = {},
): Promise<Record<Restored, number>> {
  const { sqlite } = services;
  const holdsAny =
    sqlite.prepare('SELECT EXISTS (SELECT 1 FROM customers) OR EXISTS (SELECT 1 FROM transactions) OR EXISTS (SELECT 1 FROM products)').pluck().get() === 1;
  if (holdsAny) throw new ShopNotEmptyError();
  // An earlier attempt that failed or was cancelled left this laptop enrolled with its shop still
  // empty (so it never sent a row): trying again keeps that enrolment, as the one-time code is spent.
  const earlier = readState(sqlite);
  if (!earlier || earlier.serverUrl !== serverAddress(input.server)) await enrol(services, input);
  const state = readState(sqlite);
  const token = tokenStore(services).get();
  if (!state || !token) throw new Error('enrolment was not saved');

  const insert = {
    customers: sqlite.prepare(
      `INSERT INTO customers (id, code, name, phone, email, address, city, tags, notes, source, channel_identity, created_at, updated_at, deleted_at, hlc)
       VALUES (@id, @code, @name, @phone, @email, @address, @city, @tags, @notes, @source, @channel_identity, @created_at, @updated_at, @deleted_at, @hlc)`,
    ),
    products: sqlite.prepare(
      `INSERT INTO products (id, code, name, category, price, active, campaign_code, start_date, end_date, quota_status, features, image_url, brochure_url, assistant_offered, created_at, updated_at, deleted_at, hlc)
       VALUES (@id, @code, @name, @category, @price, @active, @campaign_code, @start_date, @end_date, @quota_status, @features, @image_url, @brochure_url, @assistant_offered, @created_at, @updated_at, @deleted_at, @hlc)`,
    ),
    transactions: sqlite.prepare(
      `INSERT INTO transactions (id, customer_id, transaction_date, amount, items, channel, campaign_code, invoice_no, notes, created_at, updated_at, deleted_at, hlc)
       VALUES (@id, @customer_id, @transaction_date, @amount, @items, @channel, @campaign_code, @invoice_no, @notes, @created_at, @updated_at, @deleted_at, @hlc)`,
    ),
    settings: sqlite.prepare(
      `INSERT INTO settings (key, value, updated_at, hlc) VALUES (@key, @value, @updated_at, @hlc)
       ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at, hlc = excluded.hlc WHERE excluded.hlc > settings.hlc`,
    ),
  };
  const counts: Record<Restored, number> = { customers: 0, products: 0, transactions: 0, settings: 0 };
  sqlite.exec('BEGIN IMMEDIATE');
  try {
    for (const entity of RESTORED) {
      let after = '';
      for (;;) {
        if (options.signal?.aborted) throw new RestoreCancelledError();
        const page = await cloudRequest(
          state.serverUrl,
          'GET',
          `/api/sync/snapshot?entity=${entity}&after=${encodeURIComponent(after)}&limit=${PAGE}`,
          token,
          undefined,
          snapshotResponse,
        );
        for (const { row, hlc } of page.rows) {
          services.hlc.recv(hlc);
          insert[entity].run(localRow(entity, row, hlc));
        }
        counts[entity] += page.rows.length;
        options.onProgress?.({ entity, rows: counts[entity] });
        if (!page.next) break;
        after = page.next;
      }
    }
    await adoptProfile(services, state, token);
    sqlite.exec('COMMIT');
  } catch (error) {
    sqlite.exec('ROLLBACK');
    throw error;
  }
  return counts;
}

/**
 * The shop's profile as the cloud has it replaces the blank one the first-run form made here, id
 * and stamp included, and that blank one's outbox entry goes: pushed, its newer stamp would
 * overwrite the shop's address and phone in the cloud with nothing, under a second id.
 */
async function adoptProfile(services: Services, state: SyncState, token: string): Promise<void> {
  const page = await cloudRequest(state.serverUrl, 'GET', `/api/sync/snapshot?entity=business&after=&limit=${PAGE}`, token, undefined, snapshotResponse);
  const latest = page.rows.filter((r) => !r.deleted).sort((a, b) => (a.hlc < b.hlc ? 1 : -1))[0];
  if (!latest) {
    // No laptop ever sent a profile (a shop the admin created, restored before its first push): the
    // name the admin gave it replaces the form's, and goes up with the profile's entry.
    services.sqlite.prepare('UPDATE business SET name = ?, updated_at = ?').run(state.businessName, services.clock.now().toISOString());
    return;
  }
  const profile = syncedBusiness.parse(latest.row);
  services.hlc.recv(latest.hlc);
  services.sqlite.prepare("DELETE FROM outbox WHERE entity = 'business'").run();
  services.sqlite
    .prepare(
      'UPDATE business SET id = @id, name = @name, type = @type, phone = @phone, email = @email, address = @address, city = @city, currency = @currency, timezone = @timezone, created_at = @created_at, updated_at = @updated_at, hlc = @hlc',
    )
    .run({ ...profile, hlc: latest.hlc });
}

export class RestoreCancelledError extends Error {
  constructor() {
    super('restore cancelled');
  }
}

/** A row from the cloud in the laptop's columns (JSON as text, flags as 0/1). */
function localRow(entity: Restored, row: Record<string, unknown>, hlc: string): Record<string, unknown> {
  switch (entity) {
    case 'customers':
      return { ...row, tags: JSON.stringify(row.tags ?? []), hlc };
    case 'products': {
      // Parsed as the push is, so a cloud from before the catalogue columns restores them as their defaults.
      const p = syncedProduct.parse(row);
      return { ...p, active: p.active ? 1 : 0, features: JSON.stringify(p.features), assistant_offered: p.assistant_offered ? 1 : 0, hlc };
    }
    case 'transactions':
      return { ...row, items: JSON.stringify(row.items ?? []), hlc };
    case 'settings': {
      const data = row as { key: string; value: string; updated_at: string };
      return { key: data.key, value: data.value, updated_at: data.updated_at, hlc };
    }
  }
}
