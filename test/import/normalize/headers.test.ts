import { describe, expect, it } from 'vitest';
import {
  autoMapping,
  detectHeaderRow,
  mappingSignature,
  missingRequired,
  normalizeHeader,
  REQUIRED_GROUPS,
  TARGET_FIELDS,
  type ImportKind,
} from '../../../src-main/import/normalize/headers';

const KINDS: ImportKind[] = ['customers', 'transactions', 'products', 'leads'];

/** Only the fields that got a column, for readable expectations. */
function mapped(headers: string[], kind: ImportKind): Record<string, number> {
  const result: Record<string, number> = {};
  for (const [field, column] of Object.entries(autoMapping(headers, kind))) if (column !== null) result[field] = column;
  return result;
}

describe('normalizeHeader', () => {
  it.each([
    ['No. HP', 'no hp'],
    ['no_hp', 'no hp'],
    ['  Tgl.Transaksi  ', 'tgl transaksi'],
    ['InvoiceDate', 'invoice date'],
    ['CustomerID', 'customer id'],
    ['E-mail', 'e mail'],
    ['Catégorie', 'categorie'],
    ['Total Belanja (Rp)', 'total belanja rp'],
    ['', ''],
  ])('%j → %j', (header, expected) => {
    expect(normalizeHeader(header)).toBe(expected);
  });
});

describe('TARGET_FIELDS', () => {
  it.each(KINDS)('%s: no synonym names two fields', (kind) => {
    const seen = new Map<string, string>();
    for (const target of TARGET_FIELDS[kind]) {
      for (const synonym of target.synonyms) {
        const key = normalizeHeader(synonym).replace(/ /g, '');
        expect(seen.get(key) ?? target.field, `${synonym} in ${kind}`).toBe(target.field);
        seen.set(key, target.field);
      }
    }
  });

  it.each(KINDS)('%s: every one-of group has its alternatives among the fields', (kind) => {
    const fields = new Set(TARGET_FIELDS[kind].map((target) => target.field));
    for (const group of REQUIRED_GROUPS[kind]) for (const option of group.anyOf) for (const f of option) expect(fields).toContain(f);
    for (const target of TARGET_FIELDS[kind]) {
      if (typeof target.required === 'string') {
        expect(REQUIRED_GROUPS[kind].map((g) => `one-of:${g.group}`)).toContain(target.required);
      }
    }
  });
});

describe('autoMapping', () => {
  it.each<[string, string[], ImportKind, Record<string, number>]>([
    [
      'Indonesian customer sheet',
      ['No', 'Nama Pelanggan', 'No. HP', 'E-mail', 'Alamat', 'Kota', 'Label', 'Keterangan', 'Sumber'],
      'customers',
      { name: 1, phone: 2, email: 3, address: 4, city: 5, tags: 6, notes: 7, source: 8 },
    ],
    [
      'English customer sheet',
      ['Customer ID', 'Customer Name', 'Phone Number', 'Email', 'City'],
      'customers',
      { code: 0, name: 1, phone: 2, email: 3, city: 4 },
    ],
    [
      'jumlah is the amount, jumlah barang the quantity',
      ['Tanggal', 'Nama', 'Jumlah Barang', 'Harga Satuan', 'Jumlah'],
      'transactions',
      { transaction_date: 0, customer_name: 1, qty: 2, unit_price: 3, amount: 4 },
    ],
    [
      'contains-match when no header is exact',
      ['Tgl Transaksi (dd/mm/yyyy)', 'No HP Pelanggan', 'Total Belanja (Rp)', 'Kanal Penjualan'],
      'transactions',
      { transaction_date: 0, customer_phone: 1, amount: 2, channel: 3 },
    ],
    [
      'a customer/product word only qualifies the field it follows or precedes',
      ['Email Pelanggan', 'Customer Phone', 'Harga Produk', 'Nama Barang', 'Customer Segment'],
      'transactions',
      { customer_email: 0, customer_phone: 1, unit_price: 2, product: 3 },
    ],
    ['more specific (longer) contained synonym wins', ['Kode Pelanggan Lama', 'Sales Channel'], 'transactions', { customer_code: 0, channel: 1 }],
    ['exact match beats an earlier contains-match', ['Tanggal Transaksi Terakhir', 'Tanggal'], 'transactions', { transaction_date: 1 }],
    ['duplicate headers: the leftmost wins', ['Tanggal', 'Tanggal', 'Total'], 'transactions', { transaction_date: 0, amount: 2 }],
    ['product catalogue', ['SKU', 'Nama Produk', 'Kategori', 'Harga', 'Status'], 'products', { code: 0, name: 1, category: 2, price: 3, active: 4 }],
    ['nothing recognisable', ['', 'Country', 'Foo'], 'transactions', {}],
  ])('%s', (_label, headers, kind, expected) => {
    expect(mapped(headers, kind)).toEqual(expected);
  });

  it('lists every field of the kind, unmapped ones as null', () => {
    const mapping = autoMapping(['Nama'], 'products');
    expect(Object.keys(mapping).sort()).toEqual([
      'active',
      'assistant_offered',
      'brochure_url',
      'campaign_code',
      'category',
      'code',
      'end_date',
      'features',
      'image_url',
      'name',
      'price',
      'quota_status',
      'start_date',
    ]);
    expect(mapping).toMatchObject({ name: 0, price: null });
  });
});

describe('detectHeaderRow', () => {
  it('skips title and blank rows above the header', () => {
    const rows: unknown[][] = [
      ['Laporan Penjualan Toko Sari'],
      [],
      ['Periode: Januari 2026', null, ''],
      ['Tanggal', 'Pelanggan', 'No WA', 'Total'],
      [new Date(Date.UTC(2026, 0, 5)), 'Budi', '0812-3456-7890', 150000],
    ];
    expect(detectHeaderRow(rows, 'transactions')).toEqual({ index: 3, score: 4 });
  });

  it('reads rich-text header cells', () => {
    const rows: unknown[][] = [[{ richText: [{ text: 'Nama' }] }, { richText: [{ text: 'No. ' }, { text: 'HP' }] }]];
    expect(detectHeaderRow(rows, 'customers')).toEqual({ index: 0, score: 2 });
  });

  it('prefers the row matching most, the first on a tie', () => {
    const rows: unknown[][] = [
      ['Nama', 'Kota'],
      ['Nama', 'HP', 'Kota'],
      ['Nama', 'Email', 'Kota'],
    ];
    expect(detectHeaderRow(rows, 'customers')).toEqual({ index: 1, score: 3 });
  });

  it('needs at least two matches within maxScan rows', () => {
    expect(detectHeaderRow([['Nama'], ['Budi']], 'customers')).toBeNull();
    const deep: unknown[][] = [...Array.from({ length: 5 }, () => ['']), ['Nama', 'HP']];
    expect(detectHeaderRow(deep, 'customers', 5)).toBeNull();
    expect(detectHeaderRow(deep, 'customers', 6)).toEqual({ index: 5, score: 2 });
  });
});

describe('mappingSignature', () => {
  it('is 16 hex chars of sha256 over the normalised headers', () => {
    expect(mappingSignature(['Tanggal', 'Total'])).toMatch(/^[0-9a-f]{16}$/);
    // sha256("tanggal\u0000total")
    expect(mappingSignature(['Tanggal', 'Total'])).toBe('eea0a475e809aa7b');
  });

  it('ignores spelling noise and trailing blank columns, not order or content', () => {
    const base = mappingSignature(['Tanggal', 'No. HP', 'Total']);
    expect(mappingSignature([' tanggal ', 'no_hp', 'TOTAL', '', ''])).toBe(base);
    expect(mappingSignature(['No. HP', 'Tanggal', 'Total'])).not.toBe(base);
    expect(mappingSignature(['Tanggal', 'No. HP', 'Total', 'Kota'])).not.toBe(base);
    expect(mappingSignature(['Tanggal', '', 'No. HP', 'Total'])).not.toBe(base);
  });
});

describe('missingRequired', () => {
  it.each<[string, Record<string, number | null>, ImportKind, string[]]>([
    ['complete transactions', { transaction_date: 0, customer_phone: 1, amount: 2 }, 'transactions', []],
    ['qty + unit price replace amount', { transaction_date: 0, customer_code: 1, qty: 2, unit_price: 3 }, 'transactions', []],
    ['qty alone is not an amount', { transaction_date: 0, customer_code: 1, qty: 2 }, 'transactions', ['one-of:amount']],
    ['nothing mapped', {}, 'transactions', ['transaction_date', 'one-of:customer', 'one-of:amount']],
    ['null is unmapped', { transaction_date: null, customer_email: 0, amount: 1 }, 'transactions', ['transaction_date']],
    ['customers need a name', { phone: 0 }, 'customers', ['name']],
    ['customers with a name', { name: 3 }, 'customers', []],
    ['products need a name', { code: 0, price: 1 }, 'products', ['name']],
  ])('%s', (_label, mapping, kind, expected) => {
    expect(missingRequired(mapping, kind)).toEqual(expected);
  });
});
