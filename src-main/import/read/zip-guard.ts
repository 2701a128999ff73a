import yauzl from 'yauzl';
import { ImportFileError } from './errors';
import { IMPORT_LIMITS } from './limits';

/**
 * Read an XLSX's zip directory (not its contents) and refuse it before unpacking when it would
 * expand beyond the limits: a few kilobytes can declare gigabytes.
 */
export function checkZip(path: string): Promise<void> {
  return new Promise((resolve, reject) => {
    yauzl.open(path, { lazyEntries: true, autoClose: true }, (error, zip) => {
      if (error || !zip) return reject(new ImportFileError('corrupt'));
      let total = 0;
      let entries = 0;
      let hasWorkbook = false;
      zip.on('entry', (entry: yauzl.Entry) => {
        entries += 1;
        total += entry.uncompressedSize;
        if (entry.fileName === 'xl/workbook.xml') hasWorkbook = true;
        const ratio = entry.compressedSize > 0 ? entry.uncompressedSize / entry.compressedSize : entry.uncompressedSize > 0 ? Infinity : 1;
        if (entries > IMPORT_LIMITS.maxZipEntries || total > IMPORT_LIMITS.maxUnzippedBytes || (entry.uncompressedSize > 1024 * 1024 && ratio > IMPORT_LIMITS.maxCompressionRatio)) {
          zip.close();
          return reject(new ImportFileError('zipBomb'));
        }
        zip.readEntry();
      });
      zip.on('end', () => (hasWorkbook ? resolve() : reject(new ImportFileError('unsupported'))));
      zip.on('error', () => reject(new ImportFileError('corrupt')));
      zip.readEntry();
    });
  });
}
