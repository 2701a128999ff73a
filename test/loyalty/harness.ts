import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { App } from '../../src-main/app';
import type { Ctx } from '../../src-main/core/context';
import { translator } from '../../src-shared/i18n/messages';
import { DEFAULT_LOYALTY, type LoyaltyRules } from '../../src-shared/schemas/loyalty';
import { ok, tempDir } from '../helpers';

/** The loyalty rules on, as the owner saves them in Settings, with changes. */
export async function turnOn(app: App, rules: Partial<LoyaltyRules> = {}): Promise<LoyaltyRules> {
  const loyalty = { ...DEFAULT_LOYALTY, enabled: true, ...rules };
  await ok(app, 'settings.update', { loyalty });
  return loyalty;
}

/** A call's context for the service functions themselves (the random-operations test makes 10⁵ of them). */
export function ownerCtx(app: App): Ctx {
  const owner = app.services.sqlite.prepare("SELECT id, username, name FROM users WHERE role = 'owner' LIMIT 1").get() as {
    id: string;
    username: string;
    name: string;
  };
  return {
    ...app.services,
    clientId: 'test',
    user: { ...owner, role: 'owner', language: 'id' },
    sessionId: null,
    language: 'id',
    t: translator('id'),
    userId: owner.id,
  };
}

/** A sales CSV of `rows` lines: customer code, date, amount, invoice. */
export function salesCsv(rows: { code: string; date: string; amount: number; invoice: string; channel?: string }[]): string {
  const path = join(tempDir(), `sales-${rows[0]?.invoice ?? 'empty'}.csv`);
  const lines = [
    'customer_code,customer_name,transaction_date,amount,invoice_no,channel',
    ...rows.map((r) => `${r.code},Pelanggan ${r.code},${r.date},${r.amount},${r.invoice},${r.channel ?? 'offline'}`),
  ];
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}

/** Each customer's balance as a straight SQL sum of the ledger. */
export function sqlBalances(app: App): Map<string, number> {
  const rows = app.services.sqlite.prepare('SELECT customer_id AS id, SUM(points) AS points FROM loyalty_ledger GROUP BY customer_id').all() as {
    id: string;
    points: number;
  }[];
  return new Map(rows.map((r) => [r.id, r.points]));
}
