import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { AppError } from '../../src-shared/errors';
import type { Translate } from '../../src-shared/i18n/messages';
import { newId } from '../core/ids';
import { IMPORT_LIMITS } from '../../src-shared/import-limits';

/**
 * Uploaded files and generated downloads wait here until used (a day at most): `staging/` next to
 * the DB, which is the user-data folder for the app. SMA_STAGING_DIR says otherwise: the CLI points
 * it at a private temporary folder of its own (worker threads inherit it) and removes that folder
 * when the command ends, so nothing is left beside a `--db` that may sit inside a git checkout.
 */
export function stagingDir(dbPath: string): string {
  return process.env.SMA_STAGING_DIR || join(dirname(dbPath), 'staging');
}

/**
 * Who a staged file belongs to: the user whose upload or request made it (null: made by the app
 * itself), and for an export the report it holds, so that a download can be checked against both.
 */
export interface StagedAccess {
  owner: string | null;
  report?: string;
}

export interface StagedFile extends StagedAccess {
  fileId: string;
  name: string;
  size: number;
  hash: string;
  path: string;
}

const ID = /^[0-9a-f-]{36}$/;

/** sha256 in slices, yielding between them: a 60 MB upload must not freeze the window. */
async function sha256(bytes: Uint8Array): Promise<string> {
  const hash = createHash('sha256');
  const slice = 4 * 1024 * 1024;
  for (let start = 0; start < bytes.byteLength; start += slice) {
    hash.update(bytes.subarray(start, start + slice));
    await new Promise((resolve) => setImmediate(resolve));
  }
  return hash.digest('hex');
}

export async function stageBytes(dbPath: string, name: string, bytes: Uint8Array, t: Translate, access: StagedAccess): Promise<StagedFile> {
  if (bytes.byteLength === 0) throw new AppError('VALIDATION_ERROR', t('file.empty'));
  if (bytes.byteLength > IMPORT_LIMITS.maxFileBytes)
    throw new AppError('VALIDATION_ERROR', t('file.tooLarge', { mb: IMPORT_LIMITS.maxFileBytes / 1024 / 1024 }));
  const dir = stagingDir(dbPath);
  mkdirSync(dir, { recursive: true });
  const fileId = newId();
  const path = join(dir, `${fileId}.bin`);
  await writeFile(path, bytes);
  const meta = { name: name.replace(/[\\/]/g, '_'), size: bytes.byteLength, hash: await sha256(bytes), ...access };
  await writeFile(join(dir, `${fileId}.json`), JSON.stringify(meta));
  return { fileId, path, ...meta };
}

/** A generated file (error report, template) offered for download under a name. */
export function stagePath(dbPath: string, name: string, extension: string, access: StagedAccess): StagedFile {
  const dir = stagingDir(dbPath);
  mkdirSync(dir, { recursive: true });
  const fileId = newId();
  const path = join(dir, `${fileId}.bin`);
  writeFileSync(join(dir, `${fileId}.json`), JSON.stringify({ name: `${name}.${extension}`, size: 0, hash: '', ...access }));
  return { fileId, path, name: `${name}.${extension}`, size: 0, hash: '', ...access };
}

export function stagedFile(dbPath: string, fileId: string, t: Translate): StagedFile {
  const dir = stagingDir(dbPath);
  const path = join(dir, `${fileId}.bin`);
  if (!ID.test(fileId) || !existsSync(path)) throw new AppError('NOT_FOUND', t('file.notFound'), { fileId });
  const meta = JSON.parse(readFileSync(join(dir, `${fileId}.json`), 'utf8')) as { name: string; hash: string; owner?: string | null; report?: string };
  return { fileId, path, name: meta.name, size: statSync(path).size, hash: meta.hash, owner: meta.owner ?? null, report: meta.report };
}

export function cleanStaging(dbPath: string, now: Date, maxAgeMs = 24 * 3600_000): void {
  const dir = stagingDir(dbPath);
  if (!existsSync(dir)) return;
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (now.getTime() - statSync(path).mtimeMs > maxAgeMs) rmSync(path, { force: true });
  }
}

/** Forget a staged file (an export that was cancelled or failed): its bytes and its name. */
export function discardStaged(dbPath: string, fileId: string): void {
  if (!ID.test(fileId)) return;
  const dir = stagingDir(dbPath);
  rmSync(join(dir, `${fileId}.bin`), { force: true });
  rmSync(join(dir, `${fileId}.json`), { force: true });
}
