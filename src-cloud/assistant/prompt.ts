import type { Phase } from './schema';

export interface PromptParts {
  version: number;
  basePrompt: string;
  businessProfile: string;
  rules: string;
  escalationCriteria: string;
  faq: { question: string; answer: string }[];
}

export interface Package {
  code: string;
  name: string;
  price: number;
  startDate: string | null;
  endDate: string | null;
  quotaStatus: 'available' | 'limited' | 'full';
  features: string[];
  imageUrl: string | null;
  brochureUrl: string | null;
}

export interface Turn {
  direction: 'in' | 'out';
  body: string;
}

/** Version 0: what a business gets until an admin writes its own parts. */
export const DEFAULT_PROMPT: PromptParts = {
  version: 0,
  basePrompt:
    'Anda adalah asisten WhatsApp yang ramah dan sopan untuk sebuah usaha di Indonesia. Jawab singkat, jelas, dan hanya berdasarkan data paket di bawah. Jangan mengarang harga, tanggal, atau fasilitas.',
  businessProfile: '',
  rules: [
    'Fase percakapan: LEADS (baru bertanya), INTEREST (menanyakan detail: fasilitas, jadwal, hotel, syarat), BOOKING (ingin membayar atau mendaftar). Fase tidak pernah mundur.',
    'Jika ada kode kampanye, sapa dan kirim info paket itu beserta gambarnya. Jika tidak ada, tanyakan berapa orang yang berangkat dan bulan yang diinginkan, lalu sebutkan paket yang tersedia.',
    'Saat pelanggan menanyakan detail, kirim brosur paket bila ada.',
    'Deteksi bahasa pelanggan dan jawab dengan bahasa yang sama; bawaan Bahasa Indonesia.',
  ].join('\n'),
  escalationCriteria:
    'Serahkan ke admin (escalate=true) bila pelanggan ingin membayar atau mendaftar (cara bayar, DP, mau daftar), meminta berbicara dengan orang, atau bertanya sesuatu yang tidak ada di data. Turunkan confidence bila Anda ragu.',
  faq: [],
};

const rupiah = (n: number) => `Rp ${Math.round(n).toLocaleString('id-ID')}`;
const QUOTA: Record<Package['quotaStatus'], string> = { available: 'tersedia', limited: 'terbatas', full: 'penuh' };

export function catalogueText(packages: Package[]): string {
  if (!packages.length) return '(belum ada paket)';
  return packages
    .map((p) =>
      [
        `- ${p.code}: ${p.name}, ${rupiah(p.price)}`,
        p.startDate && `  berangkat/mulai ${p.startDate}${p.endDate ? ` s.d. ${p.endDate}` : ''}`,
        `  kuota: ${QUOTA[p.quotaStatus]}`,
        p.features.length > 0 && `  fasilitas: ${p.features.join('; ')}`,
        p.imageUrl && `  gambar: ${p.imageUrl}`,
        p.brochureUrl && `  brosur: ${p.brochureUrl}`,
      ]
        .filter(Boolean)
        .join('\n'),
    )
    .join('\n');
}

export interface PromptInput {
  parts: PromptParts;
  packages: Package[];
  phase: Phase;
  campaignCode: string | null;
  /** Earlier messages, oldest first (already answered). */
  history: Turn[];
  /** The messages this reply answers, oldest first (several when they came in quick succession). */
  incoming: string[];
}

export interface BuiltMessages {
  system: string;
  messages: { role: 'user' | 'assistant'; content: string }[];
}

/** Base prompt + business profile + catalogue + rules + escalation criteria (+ FAQ), then the chat. */
export function buildPrompt(input: PromptInput): BuiltMessages {
  const { parts } = input;
  const campaign = input.campaignCode
    ? `Pelanggan datang dari iklan dengan kode kampanye ${input.campaignCode}: jawab tentang paket itu.`
    : 'Pelanggan datang tanpa kode kampanye yang dikenal: sapa dengan salam umum dan tanyakan preferensinya.';
  const system = [
    parts.basePrompt,
    parts.businessProfile && `## Profil usaha\n${parts.businessProfile}`,
    `## Paket\n${catalogueText(input.packages)}`,
    `## Aturan percakapan\n${parts.rules}`,
    `## Kriteria eskalasi\n${parts.escalationCriteria}`,
    parts.faq.length > 0 && `## FAQ\n${parts.faq.map((f) => `T: ${f.question}\nJ: ${f.answer}`).join('\n')}`,
    `## Percakapan ini\nFase sekarang: ${input.phase}. ${campaign}`,
    '## Format jawaban\nJawab sebagai JSON: reply (teks untuk pelanggan), media (hanya URL gambar/brosur dari daftar paket), newPhase, confidence (0 sampai 1), escalate, reason (alasan eskalasi atau null), summary (ringkasan singkat percakapan untuk admin).',
  ]
    .filter(Boolean)
    .join('\n\n');
  const messages = input.history.map((t) => ({ role: t.direction === 'in' ? ('user' as const) : ('assistant' as const), content: t.body }));
  messages.push({ role: 'user', content: input.incoming.join('\n') });
  return { system, messages };
}
