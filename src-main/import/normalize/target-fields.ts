/**
 * The fields an import can fill, per kind, with the header words Indonesian and English
 * spreadsheets use for them. Synonyms are compared after `normalizeHeader`, so `No. HP`,
 * `no_hp` and `NoHP` all meet `no hp`.
 */

export type ImportKind = 'customers' | 'transactions' | 'products' | 'leads';

/** `true`: must be mapped; `one-of:<group>`: the group in REQUIRED_GROUPS must be satisfied. */
export type FieldRequirement = boolean | `one-of:${string}`;

export interface TargetField {
  readonly field: string;
  readonly required: FieldRequirement;
  readonly synonyms: readonly string[];
}

/** A group is satisfied when every field of at least one alternative is mapped. */
export interface RequiredGroup {
  readonly group: string;
  readonly anyOf: readonly (readonly string[])[];
}

const NAME = ['nama', 'name', 'pelanggan', 'nama pelanggan', 'customer name', 'customer', 'nama lengkap', 'full name'];
const PHONE = [
  'no hp',
  'hp',
  'no telp',
  'telepon',
  'telp',
  'no wa',
  'whatsapp',
  'wa',
  'phone',
  'phone number',
  'mobile',
  'nomor hp',
  'no handphone',
  'handphone',
  'nomor telepon',
  'no telepon',
  'nomor wa',
  'ponsel',
];
const EMAIL = ['email', 'e-mail', 'surel', 'alamat email'];
const CUSTOMER_CODE = ['kode pelanggan', 'id pelanggan', 'customer_id', 'customerid', 'customer id', 'customer code', 'member id'];
const NOTES = ['catatan', 'keterangan', 'notes', 'note'];
const PRODUCT_CODE = ['kode produk', 'stockcode', 'sku', 'product code', 'kode barang'];
const PRODUCT_NAME = ['produk', 'nama produk', 'barang', 'description', 'product', 'item', 'nama barang'];
const PRICE = ['harga', 'harga satuan', 'unitprice', 'unit price', 'price'];

export const TARGET_FIELDS = {
  customers: [
    { field: 'code', required: false, synonyms: ['kode', ...CUSTOMER_CODE] },
    { field: 'name', required: true, synonyms: NAME },
    { field: 'phone', required: false, synonyms: PHONE },
    { field: 'email', required: false, synonyms: EMAIL },
    { field: 'address', required: false, synonyms: ['alamat', 'address', 'alamat lengkap'] },
    { field: 'city', required: false, synonyms: ['kota', 'city', 'kabupaten', 'kota kabupaten'] },
    { field: 'tags', required: false, synonyms: ['tag', 'tags', 'label'] },
    { field: 'notes', required: false, synonyms: NOTES },
    { field: 'source', required: false, synonyms: ['sumber', 'source'] },
  ],
  transactions: [
    {
      field: 'invoice_no',
      required: false,
      synonyms: ['faktur', 'no faktur', 'invoice', 'invoiceno', 'invoice no', 'no nota', 'nota', 'order id', 'order_id', 'no invoice', 'nomor faktur'],
    },
    {
      field: 'transaction_date',
      required: true,
      synonyms: ['tanggal', 'tgl', 'date', 'tanggal transaksi', 'invoicedate', 'invoice date', 'order date', 'order_date', 'tanggal beli', 'tgl transaksi'],
    },
    { field: 'customer_code', required: 'one-of:customer', synonyms: CUSTOMER_CODE },
    { field: 'customer_name', required: 'one-of:customer', synonyms: NAME },
    { field: 'customer_phone', required: 'one-of:customer', synonyms: PHONE },
    { field: 'customer_email', required: 'one-of:customer', synonyms: EMAIL },
    {
      field: 'amount',
      required: 'one-of:amount',
      synonyms: ['total', 'jumlah', 'nominal', 'amount', 'total belanja', 'revenue', 'dollar value', 'grand total', 'sales', 'total harga', 'subtotal'],
    },
    { field: 'product', required: false, synonyms: PRODUCT_NAME },
    { field: 'product_code', required: false, synonyms: PRODUCT_CODE },
    { field: 'qty', required: 'one-of:amount', synonyms: ['qty', 'quantity', 'jumlah barang', 'kuantitas', 'number of cds'] },
    { field: 'unit_price', required: 'one-of:amount', synonyms: PRICE },
    { field: 'channel', required: false, synonyms: ['kanal', 'channel', 'saluran'] },
    { field: 'campaign_code', required: false, synonyms: ['kode kampanye', 'campaign', 'campaign code', 'kode promo'] },
    { field: 'notes', required: false, synonyms: NOTES },
  ],
  products: [
    { field: 'code', required: false, synonyms: ['kode', ...PRODUCT_CODE] },
    { field: 'name', required: true, synonyms: ['nama', 'name', ...PRODUCT_NAME] },
    { field: 'category', required: false, synonyms: ['kategori', 'category'] },
    { field: 'price', required: false, synonyms: PRICE },
    { field: 'active', required: false, synonyms: ['aktif', 'active', 'status'] },
    // The WhatsApp assistant's catalogue (migration 0020), named as the products export names them.
    { field: 'campaign_code', required: false, synonyms: ['kode kampanye', 'campaign code', 'kode paket'] },
    { field: 'start_date', required: false, synonyms: ['mulai', 'starts', 'tanggal mulai', 'start date', 'tanggal berangkat', 'berangkat'] },
    { field: 'end_date', required: false, synonyms: ['selesai', 'ends', 'tanggal selesai', 'end date', 'tanggal pulang'] },
    { field: 'quota_status', required: false, synonyms: ['kuota', 'quota', 'status kuota', 'quota status'] },
    { field: 'features', required: false, synonyms: ['keunggulan', 'key features', 'fasilitas', 'features'] },
    { field: 'image_url', required: false, synonyms: ['tautan gambar', 'image link', 'gambar', 'image', 'image url'] },
    { field: 'brochure_url', required: false, synonyms: ['tautan brosur', 'brochure link', 'brosur', 'brochure', 'brochure url'] },
    { field: 'assistant_offered', required: false, synonyms: ['ditawarkan asisten', 'offered by the assistant', 'asisten', 'assistant'] },
  ],
  // Prospects (issue 22): stage, channel and owner are names the importer looks up in the shop's lists.
  leads: [
    { field: 'name', required: true, synonyms: [...NAME, 'nama siswa', 'nama prospek', 'prospek', 'lead'] },
    {
      field: 'organisation',
      required: false,
      synonyms: ['asal sekolah', 'sekolah', 'instansi', 'perusahaan', 'organisasi', 'school', 'company', 'organisation', 'organization'],
    },
    { field: 'phone', required: false, synonyms: PHONE },
    { field: 'email', required: false, synonyms: EMAIL },
    { field: 'city', required: false, synonyms: ['kota', 'city', 'kabupaten', 'domisili'] },
    { field: 'channel', required: false, synonyms: ['kanal', 'channel', 'saluran', 'sumber', 'source'] },
    { field: 'utm_source', required: false, synonyms: ['utm source'] },
    { field: 'utm_medium', required: false, synonyms: ['utm medium'] },
    { field: 'campaign_code', required: false, synonyms: ['kode kampanye', 'campaign', 'campaign code'] },
    { field: 'interest', required: false, synonyms: ['minat', 'interest', 'paket', 'program', 'produk diminati'] },
    { field: 'value', required: false, synonyms: ['nilai', 'value', 'perkiraan nilai', 'estimasi nilai', 'estimated value'] },
    { field: 'owner', required: false, synonyms: ['pic', 'pemilik', 'owner', 'penanggung jawab', 'sales', 'username'] },
    { field: 'stage', required: false, synonyms: ['tahap', 'stage', 'status'] },
    { field: 'expected_close', required: false, synonyms: ['perkiraan closing', 'target closing', 'tanggal closing', 'expected close', 'close date'] },
    { field: 'notes', required: false, synonyms: NOTES },
  ],
} as const satisfies Record<ImportKind, readonly TargetField[]>;

export const REQUIRED_GROUPS: Record<ImportKind, readonly RequiredGroup[]> = {
  customers: [],
  transactions: [
    { group: 'customer', anyOf: [['customer_code'], ['customer_phone'], ['customer_email'], ['customer_name']] },
    // A line total, or the quantity and unit price to compute it from.
    { group: 'amount', anyOf: [['amount'], ['qty', 'unit_price']] },
  ],
  products: [],
  leads: [],
};

export function targetFields(kind: ImportKind): readonly TargetField[] {
  return TARGET_FIELDS[kind];
}
