import { describe, expect, it } from 'vitest';
import { rowKinds } from '../../src-main/import/kinds/row-kinds';

/** Fields as the reading thread made them, after the trip to the writing thread (a structured clone, as postMessage does). */
function travelled(kind: keyof typeof rowKinds, fields: unknown) {
  const { pack, unpack } = rowKinds[kind];
  return unpack(structuredClone(pack(fields)));
}

describe("a row's fields between the import's threads", () => {
  // Every value different, so a value packed in one place and unpacked from another shows.
  it('arrive as they were read, for every kind', () => {
    const sale = {
      status: 'ok',
      id: '0190a1b2-0000-7000-8000-000000000001',
      invoice: 'INV-1',
      date: '2026-11-29',
      customer: { code: 'K1', name: 'Sari', phone: '+6281234567890', email: 'sari@contoh.id' },
      amount: 125_000,
      qty: 3,
      unitPrice: 41_666.5,
      product: 'Batik',
      productCode: 'P-1',
      channel: 'whatsapp',
      campaign: 'LEBARAN',
      notes: 'catatan',
      shipping: 0,
      returned: false,
      pending: null,
    };
    expect(travelled('transactions', sale)).toEqual(sale);
    // A marketplace order's line: the buyer's account, city and masked phone's digits, its shipping and return.
    const order = {
      ...sale,
      customer: { ...sale.customer, phone: null, channelId: 'shopee:sari.batik', city: 'KOTA BANDUNG', phoneHint: '7890' },
      shipping: 12_000,
      returned: true,
    };
    expect(travelled('transactions', order)).toEqual(order);
    // One still in progress the owner keeps as pending: its platform status.
    const pending = { ...order, returned: false, pending: 'Dikirim' };
    expect(travelled('transactions', pending)).toEqual(pending);
    expect(
      travelled('transactions', {
        ...sale,
        customer: { code: null, name: null, phone: null, email: null },
        qty: null,
        unitPrice: null,
        product: null,
        productCode: null,
        channel: null,
        campaign: null,
        notes: null,
        invoice: null,
      }),
    ).toEqual({
      ...sale,
      customer: { code: null, name: null, phone: null, email: null },
      qty: null,
      unitPrice: null,
      product: null,
      productCode: null,
      channel: null,
      campaign: null,
      notes: null,
      invoice: null,
    });
    expect(travelled('transactions', { status: 'failed', invoice: 'C-9' })).toEqual({ status: 'failed', invoice: 'C-9' });
    for (const reason of ['cancellation', 'cancelled', 'inProgress', 'returned'])
      expect(travelled('transactions', { status: 'excluded', invoice: 'C-9', reason })).toEqual({ status: 'excluded', invoice: 'C-9', reason });

    const customer = {
      failed: true,
      code: 'K2',
      name: 'Budi',
      phone: '+6281111111111',
      email: 'budi@contoh.id',
      address: 'Jl. Mawar 1',
      city: 'Bandung',
      tags: ['vip', 'grosir'],
      notes: 'pelanggan lama',
      source: 'pameran',
      raw: { code: ' k2 ', phone: '0811-1111-1111', email: 'BUDI@contoh.id' },
    };
    expect(travelled('customers', customer)).toEqual(customer);

    const product = { failed: false, code: 'P-2', name: 'Selendang', category: 'Kain', price: 90_000, active: true, rawCode: 'p-2' };
    expect(travelled('products', product)).toEqual(product);

    const lead = {
      failed: false,
      name: 'Dewi',
      organisation: 'SMAN 3',
      phone: '+6281234567890',
      email: 'dewi@contoh.id',
      city: 'Bandung',
      utmSource: 'ig',
      utmMedium: 'paid',
      campaignCode: 'UMR_NOV_2026_HEMAT',
      interest: 'Umrah',
      value: 28_500_000,
      expectedClose: '2026-12-20',
      notes: 'tanya jadwal',
      stage: 'Interest',
      channel: 'Instagram Ads',
      owner: 'sari',
      rawPhone: '0812-3456-7890',
    };
    expect(travelled('leads', lead)).toEqual(lead);
  });
});
