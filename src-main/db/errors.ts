/**
 * SQLite's error code (`SQLITE_BUSY`, `SQLITE_CONSTRAINT_UNIQUE`, …) of an error better-sqlite3
 * threw, or null for any other error: what dispatch and the job worker answer a lost write by.
 */
export function sqliteErrorCode(error: unknown): string | null {
  return error instanceof Error && 'code' in error && typeof (error as { code: unknown }).code === 'string' ? (error as { code: string }).code : null;
}
