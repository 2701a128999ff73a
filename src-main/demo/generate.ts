import { addDays } from '../../src-shared/format/date';
import { customerCode } from '../../src-shared/codes';
import type { TransactionItem } from '../../src-shared/schemas/transaction';
import { CHANNEL_WEIGHTS, CITIES, FIRST_NAMES, LAST_NAMES, MOBILE_PREFIXES, PRODUCTS, STREETS, TAGS } from './catalog';
import { Dice, seededRandom } from './random';

/**
 * Buying habits of the demo shop's customers. Each archetype lands in one RFM segment under the
 * default fixed thresholds (recency 30/60/90/180 days, frequency 1/2/5/10), so the first RFM run of
 * the demo shows every segment with believable sizes.
 */
interface Archetype {
  name: string;
  customers: number;
  lastDaysAgo: [number, number];
  purchases: [number, number];
  /** Share of the extra purchases (to reach the target total) this archetype absorbs: the regulars. */
  extraWeight: number;
}

export const ARCHETYPES: Archetype[] = [
  { name: 'champions', customers: 45, lastDaysAgo: [0, 25], purchases: [12, 40], extraWeight: 5 },
  { name: 'loyal', customers: 55, lastDaysAgo: [31, 85], purchases: [6, 30], extraWeight: 3 },
  { name: 'potential_loyalist', customers: 50, lastDaysAgo: [0, 55], purchases: [2, 5], extraWeight: 0 },
  { name: 'new_customers', customers: 35, lastDaysAgo: [0, 28], purchases: [1, 1], extraWeight: 0 },
  { name: 'promising', customers: 30, lastDaysAgo: [32, 58], purchases: [1, 1], extraWeight: 0 },
  { name: 'need_attention', customers: 35, lastDaysAgo: [62, 88], purchases: [3, 5], extraWeight: 0 },
  { name: 'about_to_sleep', customers: 40, lastDaysAgo: [62, 88], purchases: [1, 2], extraWeight: 0 },
  { name: 'at_risk', customers: 55, lastDaysAgo: [95, 400], purchases: [3, 10], extraWeight: 0 },
  { name: 'cant_lose_them', customers: 30, lastDaysAgo: [100, 400], purchases: [11, 30], extraWeight: 2 },
  { name: 'hibernating', customers: 50, lastDaysAgo: [95, 175], purchases: [1, 2], extraWeight: 0 },
  { name: 'lost', customers: 75, lastDaysAgo: [185, 700], purchases: [1, 2], extraWeight: 0 },
];

const HISTORY_DAYS = 729; // 24 months back from today

export interface DemoCustomer {
  code: string;
  name: string;
  phone: string;
  email: string | null;
  address: string;
  city: string;
  tags: string[];
  source: string;
  archetype: string;
  firstDate: string;
}

export interface DemoTransaction {
  customerIndex: number;
  date: string;
  items: TransactionItem[];
  amount: number;
  channel: string;
  invoiceNo: string;
}

export interface DemoShop {
  customers: DemoCustomer[];
  transactions: DemoTransaction[];
  products: typeof PRODUCTS;
}

function phoneFor(dice: Dice, used: Set<string>): string {
  for (;;) {
    const digits = dice.pick(MOBILE_PREFIXES) + String(dice.int(1_000_000, 99_999_999)).padStart(dice.chance(0.5) ? 7 : 8, '0');
    const phone = `+62${digits}`;
    if (!used.has(phone)) {
      used.add(phone);
      return phone;
    }
  }
}

function basket(dice: Dice, heavy: boolean): TransactionItem[] {
  const lines = dice.int(1, heavy ? 4 : 2);
  const items: TransactionItem[] = [];
  for (let i = 0; i < lines; i++) {
    const product = dice.chance(0.04) ? PRODUCTS[PRODUCTS.length - 1] : dice.pick(PRODUCTS.slice(0, -1));
    items.push({ product_id: product.code, name: product.name, qty: dice.int(1, heavy ? 6 : 2), price: product.price });
  }
  return items;
}

/** Build the demo shop for `today`: exactly `totalTransactions` purchases over the last 24 months. */
export function generateDemoShop(today: string, seed = 20261122, totalTransactions = 10_000): DemoShop {
  const dice = new Dice(seededRandom(seed));
  const phones = new Set<string>();
  const customers: DemoCustomer[] = [];
  const plan: { last: number; count: number; heavy: boolean }[] = [];

  for (const type of ARCHETYPES) {
    for (let i = 0; i < type.customers; i++) {
      const first = dice.pick(FIRST_NAMES);
      const last = dice.pick(LAST_NAMES);
      const city = dice.pick(CITIES);
      const n = customers.length + 1;
      customers.push({
        code: customerCode(n),
        name: `${first} ${last}`,
        phone: phoneFor(dice, phones),
        email: dice.chance(0.6) ? `${first}.${last}${n}@contoh.id`.toLowerCase() : null,
        address: `${dice.pick(STREETS)} No. ${dice.int(1, 250)}`,
        city,
        tags: dice.chance(0.3) ? [dice.pick(TAGS)] : [],
        source: dice.weighted([
          ['walk-in', 40],
          ['instagram', 20],
          ['whatsapp', 20],
          ['referral', 12],
          ['tiktok', 8],
        ]),
        archetype: type.name,
        firstDate: today,
      });
      plan.push({
        last: dice.int(type.lastDaysAgo[0], type.lastDaysAgo[1]),
        count: dice.int(type.purchases[0], type.purchases[1]),
        heavy: type.extraWeight > 0,
      });
    }
  }

  // Top up to the exact total with extra purchases by the regulars, as a real shop's heavy buyers do.
  const weighted: [number, number][] = [];
  ARCHETYPES.reduce((offset, type) => {
    for (let i = 0; i < type.customers; i++) if (type.extraWeight > 0) weighted.push([offset + i, type.extraWeight]);
    return offset + type.customers;
  }, 0);
  let planned = plan.reduce((s, p) => s + p.count, 0);
  while (planned < totalTransactions) {
    plan[dice.weighted(weighted)].count += 1;
    planned += 1;
  }

  const transactions: DemoTransaction[] = [];
  plan.forEach((p, customerIndex) => {
    const span = Math.min(HISTORY_DAYS, p.last + (p.count > 1 ? Math.max(60, p.count * 7) + dice.int(0, 300) : 0));
    const days: number[] = [p.last];
    for (let k = 1; k < p.count; k++) days.push(dice.int(p.last, span));
    days.sort((a, b) => b - a);
    customers[customerIndex].firstDate = addDays(today, -days[0]);
    for (const ago of days) {
      const items = basket(dice, p.heavy);
      transactions.push({
        customerIndex,
        date: addDays(today, -ago),
        items,
        amount: items.reduce((s, it) => s + it.qty * it.price, 0),
        channel: dice.weighted(CHANNEL_WEIGHTS),
        invoiceNo: '',
      });
    }
  });

  transactions.sort((a, b) => a.date.localeCompare(b.date) || a.customerIndex - b.customerIndex);
  let perDay = 0;
  transactions.forEach((tx, i) => {
    perDay = i > 0 && transactions[i - 1].date === tx.date ? perDay + 1 : 1;
    tx.invoiceNo = `INV-${tx.date.replace(/-/g, '')}-${String(perDay).padStart(3, '0')}`;
  });
  return { customers, transactions, products: PRODUCTS };
}
