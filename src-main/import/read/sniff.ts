import { open } from 'node:fs/promises';
import { ImportFileError } from './errors';

export type FileKind = 'xlsx' | 'text';
export type TextEncoding = 'utf8' | 'utf16le' | 'windows-1252';

const SAMPLE = 64 * 1024;

export interface Sniffed {
  kind: FileKind;
  encoding: TextEncoding;
  /** Bytes of byte-order mark to skip. */
  bom: number;
  sample: Buffer;
}

/**
 * Decide what a file really is from its first bytes, not its name: a zip is an XLSX, an OLE
 * compound file is an encrypted (password-protected) XLSX or an old .xls, text gets its encoding.
 */
export async function sniffFile(path: string): Promise<Sniffed> {
  const handle = await open(path, 'r');
  let sample: Buffer;
  try {
    const buffer = Buffer.alloc(SAMPLE);
    const { bytesRead } = await handle.read(buffer, 0, SAMPLE, 0);
    sample = buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
  if (sample.length === 0) throw new ImportFileError('empty');
  if (sample.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) return { kind: 'xlsx', encoding: 'utf8', bom: 0, sample };
  if (sample.subarray(0, 8).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))) throw new ImportFileError('passwordProtected');
  if (sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf) return { kind: 'text', encoding: 'utf8', bom: 3, sample };
  if (sample[0] === 0xff && sample[1] === 0xfe) return { kind: 'text', encoding: 'utf16le', bom: 2, sample };
  if (sample.includes(0)) throw new ImportFileError('binary');
  const controls = [...sample.subarray(0, 4096)].filter((b) => b < 0x09 || (b > 0x0d && b < 0x20)).length;
  if (controls > 8) throw new ImportFileError('binary');
  return { kind: 'text', encoding: isUtf8(sample) ? 'utf8' : 'windows-1252', bom: 0, sample };
}

/** Valid UTF-8, allowing the sample to end in the middle of a character. */
function isUtf8(sample: Buffer): boolean {
  for (let cut = 0; cut < 4; cut++) {
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(sample.subarray(0, sample.length - cut));
      return true;
    } catch {
      if (sample.length < SAMPLE) return false; // the whole file was read: no partial character to forgive
    }
  }
  return false;
}
