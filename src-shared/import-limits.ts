/** What an import accepts (both sides need it: the renderer refuses a too-large file before sending it). A shop's real files are far below these; anything above is a mistake or an attack. */
export const IMPORT_LIMITS = {
  maxFileBytes: 200 * 1024 * 1024,
  maxRows: 2_000_000,
  maxColumns: 200,
  /** XLSX is a zip: its unpacked size and per-entry compression ratio guard against zip bombs. */
  maxUnzippedBytes: 1024 * 1024 * 1024,
  maxCompressionRatio: 200,
  maxZipEntries: 5_000,
} as const;
