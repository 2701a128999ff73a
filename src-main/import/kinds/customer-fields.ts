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
