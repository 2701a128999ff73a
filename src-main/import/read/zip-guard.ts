import yauzl from 'yauzl';
import { ImportFileError } from './errors';
import { IMPORT_LIMITS } from '../../../src-shared/import-limits';

export interface WorkbookInfo {
  sheets: string[];
  date1904: boolean;
}

/** The workbook, and each entry's uncompressed size as the zip's directory gives it (the largest, for a name listed twice). */
export interface ZipInfo extends WorkbookInfo {
  sizes: Map<string, number>;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const unescapeXml = (text: string) => text.replace(/&(amp|lt|gt|quot|apos);/g, (_, name: string) => ENTITIES[name]);

/** Sheet names and the date system from xl/workbook.xml (a few hundred bytes of XML). */
export function workbookInfo(xml: string): WorkbookInfo {
  const sheets = [...xml.matchAll(/<(?:\w+:)?sheet\b[^>]*\bname="([^"]*)"/g)].map((m) => unescapeXml(m[1]));
  const date1904 = /<(?:\w+:)?workbookPr\b[^>]*\bdate1904="(1|true)"/.test(xml);
  return { sheets, date1904 };
}

/**
 * Read an XLSX's zip directory and refuse it before unpacking when it would expand beyond the
 * limits (a few kilobytes can declare gigabytes); on the way, read the workbook part for the sheet
 * names, wherever the writer put it in the zip. The directory may lie, and exceljs reads the local
 * entries instead: the sizes found here are what InflateGuard holds each entry to as it inflates.
 */
export function checkZip(path: string): Promise<ZipInfo> {
  return new Promise((resolve, reject) => {
    yauzl.open(path, { lazyEntries: true, autoClose: true }, (error, zip) => {
      if (error || !zip) return reject(new ImportFileError('corrupt'));
      let total = 0;
      let compressed = 0;
      let entries = 0;
      let info: WorkbookInfo | null = null;
      const sizes = new Map<string, number>();
      const next = () => zip.readEntry();
      zip.on('entry', (entry: yauzl.Entry) => {
        entries += 1;
        total += entry.uncompressedSize;
        compressed += entry.compressedSize;
        // Every entry's compressed bytes lie within the file: a directory claiming more lies about its ratios.
        if (compressed > zip.fileSize) {
          zip.close();
          return reject(new ImportFileError('zipMismatch'));
        }
        const ratio = entry.compressedSize > 0 ? entry.uncompressedSize / entry.compressedSize : entry.uncompressedSize > 0 ? Infinity : 1;
        if (
          entries > IMPORT_LIMITS.maxZipEntries ||
          total > IMPORT_LIMITS.maxUnzippedBytes ||
          (entry.uncompressedSize > 1024 * 1024 && ratio > IMPORT_LIMITS.maxCompressionRatio)
        ) {
          zip.close();
          return reject(new ImportFileError('zipBomb'));
        }
        sizes.set(entry.fileName, Math.max(sizes.get(entry.fileName) ?? 0, entry.uncompressedSize));
        if (entry.fileName !== 'xl/workbook.xml' || entry.uncompressedSize > 4 * 1024 * 1024) return next();
        zip.openReadStream(entry, (streamError, stream) => {
          if (streamError || !stream) return reject(new ImportFileError('corrupt'));
          const chunks: Buffer[] = [];
          stream.on('data', (chunk: Buffer) => chunks.push(chunk));
          stream.on('error', () => reject(new ImportFileError('corrupt')));
          stream.on('end', () => {
            info = workbookInfo(Buffer.concat(chunks).toString('utf8'));
            next();
          });
        });
      });
      zip.on('end', () => (info ? resolve({ ...info, sizes }) : reject(new ImportFileError('unsupported'))));
      zip.on('error', () => reject(new ImportFileError('corrupt')));
      next();
    });
  });
}
