/** Bahasa Indonesia: loyalty points: refusals, and why points were taken back. */
export const idLoyalty = {
  'loyalty.off': 'Program poin belum aktif. Aktifkan di Pengaturan → Poin.',
  'loyalty.notEnough': 'Poin yang bisa dipakai hanya {{points}}.',
  'loyalty.staffLimit': 'Staf bisa menukar paling banyak {{limit}} poin sekaligus. Minta pemilik atau manajer.',
  'loyalty.saleNotCustomer': 'Transaksi itu bukan milik pelanggan ini, atau sudah dihapus.',
  'loyalty.staffLimitUsed':
    'Staf bisa menukar paling banyak {{limit}} poin untuk satu transaksi (atau sehari untuk pelanggan ini); {{used}} sudah ditukar. Minta pemilik atau manajer.',
  'loyalty.overSale': 'Potongan tidak boleh melebihi nilai transaksi: paling banyak {{points}} poin lagi.',
  'loyalty.saleDeleted': 'Transaksi dihapus',
  'loyalty.importUndone': 'Impor dibatalkan',
  'loyalty.saleChanged': 'Transaksi diubah',
  'loyalty.saleRestored': 'Transaksi dipulihkan',
  'loyalty.saleReturned': 'Pesanan dikembalikan',
} satisfies Record<string, string>;
