/** The demo shop's world: a batik and craft shop with customers across Indonesia. */

export const FIRST_NAMES = [
  'Budi', 'Siti', 'Agus', 'Dewi', 'Andi', 'Rina', 'Joko', 'Sri', 'Eko', 'Wati', 'Bambang', 'Ratna', 'Hendra', 'Yuni',
  'Rudi', 'Fitri', 'Dedi', 'Lestari', 'Ahmad', 'Nur', 'Putri', 'Wahyu', 'Indah', 'Fajar', 'Ayu', 'Rizki', 'Dian',
  'Hadi', 'Maya', 'Yusuf', 'Sari', 'Irfan', 'Nanda', 'Teguh', 'Kartika', 'Bayu', 'Melati', 'Arif', 'Citra', 'Gilang',
  'Intan', 'Surya', 'Novi', 'Dimas', 'Rahmawati', 'Taufik', 'Anisa', 'Reza', 'Wulan', 'Galih', 'Ketut', 'Made',
  'Komang', 'Wayan', 'Ucok', 'Butet', 'Daeng', 'Asep', 'Euis', 'Cecep',
];

export const LAST_NAMES = [
  'Santoso', 'Wijaya', 'Saputra', 'Hidayat', 'Pratama', 'Kusuma', 'Nugroho', 'Setiawan', 'Lestari', 'Purnomo',
  'Siregar', 'Nasution', 'Harahap', 'Simanjuntak', 'Sinaga', 'Gunawan', 'Halim', 'Susanto', 'Rahman', 'Hakim',
  'Permana', 'Suryadi', 'Wibowo', 'Utami', 'Anggraini', 'Firmansyah', 'Hasibuan', 'Manurung', 'Tanjung', 'Mahendra',
  'Putra', 'Sembiring', 'Ginting', 'Daulay', 'Aritonang', 'Suharto', 'Kurniawan', 'Handayani', 'Maharani', 'Ramadhan',
];

export const CITIES = [
  'Jakarta', 'Bandung', 'Surabaya', 'Yogyakarta', 'Semarang', 'Solo', 'Malang', 'Medan', 'Makassar', 'Denpasar',
  'Bogor', 'Bekasi', 'Tangerang', 'Depok', 'Palembang', 'Pekalongan', 'Cirebon', 'Balikpapan',
];

/** Mobile prefixes in use by Indonesian operators (after the leading 0). */
export const MOBILE_PREFIXES = ['811', '812', '813', '821', '822', '852', '853', '857', '856', '878', '877', '896', '895', '881', '838'];

export const STREETS = ['Jl. Merdeka', 'Jl. Sudirman', 'Jl. Diponegoro', 'Jl. Gajah Mada', 'Jl. Pahlawan', 'Jl. Ahmad Yani', 'Jl. Kartini', 'Jl. Veteran', 'Jl. Pemuda', 'Jl. Malioboro'];

export const PRODUCTS: { code: string; name: string; category: string; price: number }[] = [
  { code: 'BTK-001', name: 'Kemeja Batik Tulis Parang', category: 'Batik Tulis', price: 850_000 },
  { code: 'BTK-002', name: 'Kemeja Batik Cap Kawung', category: 'Batik Cap', price: 325_000 },
  { code: 'BTK-003', name: 'Blus Batik Mega Mendung', category: 'Batik Cap', price: 275_000 },
  { code: 'BTK-004', name: 'Kain Batik Tulis Sogan', category: 'Kain', price: 1_250_000 },
  { code: 'BTK-005', name: 'Kain Batik Cap Pekalongan', category: 'Kain', price: 185_000 },
  { code: 'BTK-006', name: 'Daster Batik Rumahan', category: 'Batik Printing', price: 89_000 },
  { code: 'BTK-007', name: 'Selendang Batik Sutra', category: 'Aksesoris', price: 450_000 },
  { code: 'BTK-008', name: 'Dress Batik Modern', category: 'Batik Cap', price: 395_000 },
  { code: 'BTK-009', name: 'Kemeja Anak Batik', category: 'Batik Printing', price: 125_000 },
  { code: 'BTK-010', name: 'Sarung Batik Tenun', category: 'Kain', price: 235_000 },
  { code: 'KRJ-001', name: 'Tas Anyaman Pandan', category: 'Kerajinan', price: 165_000 },
  { code: 'KRJ-002', name: 'Dompet Batik', category: 'Aksesoris', price: 55_000 },
  { code: 'KRJ-003', name: 'Masker Kain Batik (isi 3)', category: 'Aksesoris', price: 45_000 },
  { code: 'KRJ-004', name: 'Taplak Meja Batik', category: 'Kerajinan', price: 145_000 },
  { code: 'KRJ-005', name: 'Hiasan Dinding Wayang', category: 'Kerajinan', price: 310_000 },
  { code: 'KRJ-006', name: 'Paket Seserahan Batik', category: 'Paket', price: 2_750_000 },
];

export const CHANNEL_WEIGHTS: [string, number][] = [
  ['offline', 40],
  ['whatsapp', 30],
  ['instagram', 12],
  ['marketplace', 12],
  ['tiktok', 6],
];

export const TAGS = ['reseller', 'member', 'grosir', 'pelanggan-lama', 'instansi'];
