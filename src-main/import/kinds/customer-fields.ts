import type { RowReader } from '../rows/reader';

/** The fields a customer can be matched on, in the order they are tried. */
export const CUSTOMER_KEYS = ['code', 'phone', 'email'] as const;
export type CustomerKey = (typeof CUSTOMER_KEYS)[number];

/** What one row of a customers file says, read and checked (in the import's reading thread). */
export interface CustomerFields {
  failed: boolean;
  code: string | null;
  name: string | null;
  phone: string | null;
  email: string | null;
  address: string | null;
  city: string | null;
  tags: string[];
  notes: string | null;
  source: string | null;
  /** The match keys as the file has them, for a duplicate's issue. */
  raw: Record<CustomerKey, string>;
}

export function readCustomer(r: RowReader): CustomerFields {
  return {
    code: r.text('code', 32),
    name: r.text('name', 120, true),
    phone: r.phone('phone'),
    email: r.email('email'),
    address: r.text('address', 300),
    city: r.text('city', 80),
    tags: r.tags('tags'),
    notes: r.text('notes', 2000),
    source: r.text('source', 80),
    raw: { code: r.rawText('code'), phone: r.rawText('phone'), email: r.rawText('email') },
    // Last: every field above has been read, and logged what it could not.
    failed: r.failed,
  };
}

/** CustomerFields as the reading thread posts them: values in a fixed order (see packSale). */
export function packCustomer(c: CustomerFields): unknown[] {
  return [c.failed, c.code, c.name, c.phone, c.email, c.address, c.city, c.tags, c.notes, c.source, c.raw.code, c.raw.phone, c.raw.email];
}

export function unpackCustomer(v: unknown[]): CustomerFields {
  const text = (i: number) => v[i] as string | null;
  return {
    failed: v[0] as boolean,
    code: text(1),
    name: text(2),
    phone: text(3),
    email: text(4),
    address: text(5),
    city: text(6),
    tags: v[7] as string[],
    notes: text(8),
    source: text(9),
    raw: { code: v[10] as string, phone: v[11] as string, email: v[12] as string },
  };
}
