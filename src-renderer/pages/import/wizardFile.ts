import type { ImportKindName, ImportOptions, InspectOutput } from '../../../src-shared/schemas/import';
import { ApiError, call } from '../../api/client';
import { MAX_UPLOAD_BYTES, uploadFile } from '../../api/files';
import i18n from '../../i18n';
import { DEFAULT_OPTIONS, fileGone, initial, problemOf, setWizard as set, STEP, wizard, type UploadedFile } from './wizardStore';

/**
 * The import wizard's file: uploading it, reading it (for a kind, a sheet, a header row), and what
 * a read sets — the preview, the detected mapping, a marketplace export's own options — or, when it
 * fails, the message and the sheets to pick instead. Apart from the store (wizardStore.ts) because
 * a newer choice must win over a read still under way: the sequence numbers here see to that.
 */

let inspectSeq = 0;

/** A marketplace export's own defaults: its orders change status between exports (update), and a
 * returned order is its sale and its return. Any other file starts from the usual options. */
function optionsFor(result: InspectOutput): ImportOptions {
  if (result.preset)
    return { ...DEFAULT_OPTIONS, preset: result.preset, onDuplicate: 'update', cancellations: 'returns', inProgress: 'skip', includeShipping: false };
  return wizard().options.preset ? DEFAULT_OPTIONS : wizard().options;
}

function applyInspect(result: InspectOutput, advance: boolean): void {
  const state = wizard();
  set({
    options: optionsFor(result),
    busy: null,
    fileError: null,
    fileErrorSheets: null,
    inspect: result,
    inspectCount: state.inspectCount + 1,
    mapping: { ...result.mapping },
    report: null,
    result: null,
    runProblem: null,
    step: advance ? STEP.preview : state.step,
  });
}

function inspectFailed(error: unknown, advance: boolean): void {
  const state = wizard();
  const message = problemOf(error).message;
  // A first read that fails stays on step one; a re-read (another sheet or header row) keeps the
  // last good preview on screen, with the message above it.
  const inspectCount = state.inspectCount + 1;
  const sheets =
    error instanceof ApiError && Array.isArray(error.details?.sheets)
      ? (error.details.sheets as unknown[]).filter((x): x is string => typeof x === 'string')
      : [];
  if (fileGone(error)) set({ busy: null, fileError: message, fileErrorSheets: null, inspectCount, file: null, inspect: null, step: STEP.file });
  else if (sheets.length > 1) set({ busy: null, fileError: message, fileErrorSheets: sheets, inspectCount, inspect: null, step: STEP.file });
  else set({ busy: null, fileError: message, fileErrorSheets: null, inspectCount, ...(advance ? { file: null } : {}) });
}

async function inspect(fileId: string, kind: ImportKindName, where: { sheet?: string; headerRow?: number }, advance: boolean): Promise<void> {
  const seq = ++inspectSeq;
  set({ busy: 'inspect' });
  try {
    const result = await call('import.inspect', { fileId, kind, ...where });
    if (seq === inspectSeq) applyInspect(result, advance);
  } catch (error) {
    if (seq === inspectSeq) inspectFailed(error, advance);
  }
}

let fileSeq = 0;

/** A new file always wins over one still uploading or being read (its late answer is ignored). */
export async function chooseFile(file: File): Promise<void> {
  const state = wizard();
  if (state.run) return;
  const refused = !/\.(csv|txt|tsv|xlsx)$/i.test(file.name) ? 'import.upload.wrongType' : file.size > MAX_UPLOAD_BYTES ? 'import.upload.tooLarge' : null;
  if (refused) {
    if (!state.busy) set({ fileError: i18n.t(refused) });
    return;
  }
  const seq = ++fileSeq;
  inspectSeq += 1;
  set({ ...initial(state.userId, state.kind), busy: 'upload', file: { fileId: '', name: file.name, size: file.size } });
  let uploaded: UploadedFile;
  try {
    uploaded = await uploadFile(file);
  } catch (error) {
    if (seq === fileSeq) set({ busy: null, file: null, fileError: problemOf(error).message });
    return;
  }
  if (seq !== fileSeq) return;
  set({ file: uploaded });
  await inspect(uploaded.fileId, wizard().kind, {}, true);
}

export function setKind(kind: ImportKindName): void {
  const state = wizard();
  if (state.run || state.busy || kind === state.kind) return;
  set({ kind, inspect: null, mapping: {}, report: null, result: null, runProblem: null, options: DEFAULT_OPTIONS });
  // The same file read for another kind: the header row and the mapping are detected again.
  if (state.file?.fileId) void inspect(state.file.fileId, kind, {}, false);
}

export function chooseSheet(sheet: string): void {
  const state = wizard();
  if (!state.file?.fileId || state.busy || state.run) return;
  // From the error on step one (no readable first sheet), a good sheet moves on to the preview.
  void inspect(state.file.fileId, state.kind, { sheet }, state.step === STEP.file);
}

/** The non-blank cells of a row, as the header they would make ("(C)" names a blank header). */
const rowKey = (cells: string[]) => cells.filter((cell) => cell.trim() !== '' && !/^\([A-Z]+\)$/.test(cell)).join('\u0001');

/**
 * Reads the file again with another header row. A row picked from below the current header is
 * named by its cells: preview rows skip blank lines, so its index is only a lower bound, and the
 * next few indexes are tried until the header read back is that row.
 */
export async function chooseHeaderRow(headerRow: number, expected?: string[]): Promise<void> {
  const state = wizard();
  const { file, inspect: facts, kind } = state;
  if (!file?.fileId || !facts || state.busy || state.run) return;
  const seq = ++inspectSeq;
  const sheet = facts.format === 'xlsx' ? facts.sheet : undefined;
  set({ busy: 'inspect' });
  try {
    let result = await call('import.inspect', { fileId: file.fileId, kind, sheet, headerRow });
    for (let next = headerRow + 1; expected && rowKey(result.headers) !== rowKey(expected) && next <= Math.min(headerRow + 10, 50); next++) {
      if (seq !== inspectSeq) return;
      result = await call('import.inspect', { fileId: file.fileId, kind, sheet, headerRow: next });
    }
    if (seq === inspectSeq) applyInspect(result, false);
  } catch (error) {
    if (seq === inspectSeq) inspectFailed(error, false);
  }
}
