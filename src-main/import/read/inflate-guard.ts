import { createReadStream, rmSync, type ReadStream } from 'node:fs';
import type { Duplex, PassThrough, TransformCallback, Writable } from 'node:stream';
import { IMPORT_LIMITS } from '../../../src-shared/import-limits';
import { ImportFileError } from './errors';

/** An entry of the zip as exceljs's unzipper hands it over: a stream of the inflated bytes. */
type ZipEntry = PassThrough & { path: string };

/** Inflated bytes before the compression ratio is judged: a small part may compress very well. */
const RATIO_FLOOR = 1024 * 1024;

/**
 * The bytes of an XLSX as exceljs reads them, with every zip entry it inflates counted as it
 * comes. checkZip judged the zip by its central directory, but exceljs reads the file from its
 * start, entry by local entry, and inflates whatever it meets: an entry the directory does not
 * list, or one that inflates far past the sizes its headers give, went unchecked (a 2 MB file
 * wrote 2 GB to the temp folder, where exceljs copies each sheet). Here each entry must be one
 * the directory lists and inflate to no more than the size it gives; all of them together, to no
 * more than IMPORT_LIMITS allows, at a ratio to the compressed bytes taken so far no higher than
 * it allows. The first byte past any of these stops the reading: the file stream, the zip parser and
 * the entry are ended, the temp file closed and removed, and `race` rejects with the reason.
 */
export class InflateGuard {
  readonly input: ReadStream;
  private failure: ImportFileError | null = null;
  private readonly failed: Promise<never>;
  private fail: (error: ImportFileError) => void = () => {};
  private readonly declaredTotal: number;
  private inflated = 0;
  /** Compressed bytes handed to the zip parser: less what it still holds, what it has inflated from. */
  private received = 0;
  private zip: Duplex | null = null;
  /** Where each entry's bytes go: a temp file of exceljs's, or its XML parser. */
  private readonly destinations = new Map<ZipEntry, Writable[]>();
  private readonly temps = new Set<string>();

  constructor(
    path: string,
    private readonly declared: ReadonlyMap<string, number>,
  ) {
    this.declaredTotal = [...declared.values()].reduce((sum, size) => sum + size, 0);
    this.failed = new Promise<never>((_, reject) => (this.fail = reject));
    this.failed.catch(() => {}); // only `race` reports it
    const input = createReadStream(path);
    // exceljs pipes the file into its unzipper's parser: that parser is the one watched.
    const pipe = input.pipe.bind(input);
    input.pipe = <T extends NodeJS.WritableStream>(destination: T, options?: { end?: boolean }): T => {
      this.watchZip(destination as unknown as Duplex);
      return pipe(destination, options);
    };
    this.input = input;
  }

  /** A step of exceljs's reading, or the reason the guard stopped it, whichever comes first. */
  race<T>(step: Promise<T>): Promise<T> {
    return Promise.race([step, this.failed]);
  }

  /** Ends what is still open and removes exceljs's temp files (a reading stopped early leaves them until the app quits). */
  close(): void {
    this.input.destroy();
    for (const path of this.temps) {
      try {
        rmSync(path, { force: true });
      } catch {
        // still open elsewhere (Windows): the OS's temp cleaning takes it
      }
    }
  }

  private watchZip(zip: Duplex): void {
    this.zip = zip;
    zip.on('error', () => {}); // exceljs hears its errors through its own listener; none may go unheard once it stopped listening
    const write = zip._write.bind(zip);
    zip._write = (chunk: Buffer, encoding: BufferEncoding, callback: (error?: Error | null) => void) => {
      this.received += chunk.length;
      write(chunk, encoding, callback);
    };
    const push = zip.push.bind(zip);
    zip.push = (chunk: unknown, encoding?: BufferEncoding): boolean => {
      if (chunk !== null && typeof chunk === 'object' && typeof (chunk as { path?: unknown }).path === 'string') {
        const entry = chunk as ZipEntry;
        this.watchEntry(entry);
        if (this.failure) return false; // a hidden entry: never handed over
      }
      return push(chunk, encoding);
    };
  }

  private watchEntry(entry: ZipEntry): void {
    entry.on('error', () => {});
    const declared = this.declared.get(entry.path);
    if (declared === undefined) return this.stop(new ImportFileError('zipMismatch'), entry);
    const destinations: Writable[] = [];
    this.destinations.set(entry, destinations);
    const pipe = entry.pipe.bind(entry);
    entry.pipe = <T extends NodeJS.WritableStream>(destination: T, options?: { end?: boolean }): T => {
      const path = (destination as { path?: unknown }).path;
      if (typeof path === 'string') this.temps.add(path);
      destinations.push(destination as unknown as Writable);
      return pipe(destination, options);
    };
    entry.on('end', () => this.destinations.delete(entry));
    let own = 0;
    const transform = entry._transform.bind(entry);
    entry._transform = (chunk: Buffer, encoding: BufferEncoding, callback: TransformCallback) => {
      if (this.failure) return callback();
      own += chunk.length;
      this.inflated += chunk.length;
      const ratio = this.inflated > RATIO_FLOOR && this.inflated > IMPORT_LIMITS.maxCompressionRatio * this.consumed();
      if (own > declared || this.inflated > this.declaredTotal) this.stop(new ImportFileError('zipMismatch'), entry);
      else if (this.inflated > IMPORT_LIMITS.maxUnzippedBytes || ratio) this.stop(new ImportFileError('zipBomb'), entry);
      if (this.failure) return callback();
      transform(chunk, encoding, callback);
    };
  }

  /** Compressed bytes the parser has taken from the file so far (headers included): the file is read
   * ahead of it, a megabyte or more, and a ratio to the bytes read would let a bomb run on that far. */
  private consumed(): number {
    const held = (this.zip as unknown as { buffer?: Buffer } | null)?.buffer?.length ?? 0;
    return this.received - held;
  }

  private stop(error: ImportFileError, entry: ZipEntry): void {
    if (this.failure) return;
    this.failure = error;
    this.input.destroy();
    for (const [open, destinations] of [...this.destinations, [entry, []] as const]) {
      for (const destination of destinations) destination.destroy(error);
      open.destroy(error);
    }
    this.zip?.destroy(error);
    this.fail(error);
  }
}
