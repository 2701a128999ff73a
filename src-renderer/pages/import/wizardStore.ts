import type { QueryClient } from '@tanstack/react-query';
import { useSyncExternalStore } from 'react';
import type { ChannelInput } from '../../../src-shared/contract';
import type { ImportKindName, ImportOptions, ImportReport, InspectOutput, Mapping } from '../../../src-shared/schemas/import';
import type { JobProgress } from '../../../src-shared/schemas/system';
import { ApiError, call } from '../../api/client';
import { MAX_UPLOAD_BYTES, uploadFile } from '../../api/files';
import { invalidateDomains } from '../../api/hooks';
import { followJob, type FollowedJob } from '../../api/jobs';
import { notifyError } from '../../components/notify';
import i18n from '../../i18n';

export type Step = 0 | 1 | 2 | 3 | 4;
export const STEP = { file: 0, preview: 1, mapping: 2, check: 3, done: 4 } as const;

export interface UploadedFile {
  fileId: string;
  name: string;
  size: number;
}

/** A validate or commit in flight, with its job's progress once it has some. */
export interface RunState {
  mode: 'validate' | 'commit';
  progress: JobProgress | null;
  cancelRequested: boolean;
}

/** Why a step could not finish; CANCELLED is shown calmly, everything else as an error. */
export interface Problem {
  code: string;
  message: string;
}

export interface WizardState {
  userId: string | null;
  step: Step;
  kind: ImportKindName;
  file: UploadedFile | null;
  busy: 'upload' | 'inspect' | null;
  /** A file that cannot be read, shown prominently in the first step. */
  fileError: string | null;
  /** When the main process names the sheets of a workbook it could not read (say, a cover sheet
   * first), the user can pick another sheet right there. */
  fileErrorSheets: string[] | null;
  inspect: InspectOutput | null;
  /** Bumped on every read, also a failed one, so inputs showing the sheet or header row reset. */
  inspectCount: number;
  mapping: Mapping;
  options: ImportOptions;
  run: RunState | null;
  /** The dry run's report; cleared whenever the mapping or options change. */
  report: ImportReport | null;
  /** The real import's report. */
  result: ImportReport | null;
  runProblem: Problem | null;
}

export const DEFAULT_OPTIONS: ImportOptions = { onDuplicate: 'skip', cancellations: 'exclude', amountMultiplier: 1, strict: false };

function initial(userId: string | null, kind: ImportKindName = 'customers'): WizardState {
  return {
    userId,
    step: STEP.file,
    kind,
    file: null,
    busy: null,
    fileError: null,
    fileErrorSheets: null,
    inspect: null,
    inspectCount: 0,
    mapping: {},
    options: DEFAULT_OPTIONS,
    run: null,
    report: null,
    result: null,
    runProblem: null,
  };
}

/**
 * The wizard lives outside React so a long import keeps going, and is still on screen, when the
 * user opens another page meanwhile and comes back.
 */
let state: WizardState = initial(null);
const listeners = new Set<() => void>();

function set(patch: Partial<WizardState>): void {
  state = { ...state, ...patch };
  listeners.forEach((listener) => listener());
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useWizard(): WizardState {
  return useSyncExternalStore(subscribe, () => state);
}

function problemOf(error: unknown): Problem {
  if (error instanceof ApiError) return { code: error.code, message: error.message };
  return { code: 'INTERNAL', message: i18n.t('errors.unknown') };
}

/** The staged file expired (or the app restarted and cleaned up): back to step one. */
function fileGone(error: unknown): boolean {
  return error instanceof ApiError && error.code === 'NOT_FOUND' && typeof error.details?.fileId === 'string';
}

/** A different user logged in on this window: their wizard starts empty. */
export function ensureUser(userId: string): void {
  if (state.userId !== userId) state = initial(userId);
}

export function goTo(step: Step): void {
  if (state.run || state.busy) return;
  set({ step });
}

export function reset(): void {
  if (state.run) return;
  set({ ...initial(state.userId, state.kind) });
}

let inspectSeq = 0;

/** A marketplace export's own defaults: its orders change status between exports (update), and a
 * returned order is its sale and its return. Any other file starts from the usual options. */
function optionsFor(result: InspectOutput): ImportOptions {
  if (result.preset) return { ...DEFAULT_OPTIONS, preset: result.preset, onDuplicate: 'update', cancellations: 'returns', inProgress: 'skip', includeShipping: false };
  return state.options.preset ? DEFAULT_OPTIONS : state.options;
}

function applyInspect(result: InspectOutput, advance: boolean): void {
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
  const message = problemOf(error).message;
  // A first read that fails stays on step one; a re-read (another sheet or header row) keeps the
  // last good preview on screen, with the message above it.
  const inspectCount = state.inspectCount + 1;
  const sheets = error instanceof ApiError && Array.isArray(error.details?.sheets) ? (error.details.sheets as unknown[]).filter((x): x is string => typeof x === 'string') : [];
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
  await inspect(uploaded.fileId, state.kind, {}, true);
}

export function setKind(kind: ImportKindName): void {
  if (state.run || state.busy || kind === state.kind) return;
  set({ kind, inspect: null, mapping: {}, report: null, result: null, runProblem: null, options: DEFAULT_OPTIONS });
  // The same file read for another kind: the header row and the mapping are detected again.
  if (state.file?.fileId) void inspect(state.file.fileId, kind, {}, false);
}

export function chooseSheet(sheet: string): void {
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

export function setMapping(field: string, column: number | null): void {
  set({ mapping: { ...state.mapping, [field]: column }, report: null, runProblem: null });
}

export function setOptions(patch: Partial<ImportOptions>): void {
  set({ options: { ...state.options, ...patch }, report: null, runProblem: null });
}

function runInput(): ChannelInput<'import.validate'> {
  const { file, inspect: facts, kind, mapping, options } = state;
  if (!file || !facts) throw new Error('import run without an inspected file');
  return { fileId: file.fileId, kind, sheet: facts.format === 'xlsx' ? facts.sheet : undefined, headerRow: facts.headerRow, mapping, options };
}

/** The job of the validate or commit in flight. */
let job: FollowedJob | null = null;

async function runJob(mode: RunState['mode']): Promise<ImportReport | null> {
  if (state.run) return null;
  const input = runInput();
  const store = (report: ImportReport | null): Partial<WizardState> => (mode === 'validate' ? { report } : { result: report });
  set({ run: { mode, progress: null, cancelRequested: false }, runProblem: null, ...store(null) });
  const followed = followJob(['import.run'], {
    onProgress: (progress) => state.run && set({ run: { ...state.run, progress } }),
    // Refused (not "already over"): the button comes back so the user can press it again.
    onCancelFailed: (error) => {
      if (state.run) set({ run: { ...state.run, cancelRequested: false } });
      notifyError(error);
    },
  });
  job = followed;
  try {
    const report = await call(mode === 'validate' ? 'import.validate' : 'import.commit', input);
    set({ run: null, ...store(report) });
    return report;
  } catch (error) {
    set({ run: null, runProblem: problemOf(error), ...(fileGone(error) ? { file: null, inspect: null, step: STEP.file, fileError: problemOf(error).message } : {}) });
    return null;
  } finally {
    followed.stop();
    job = null;
  }
}

export function validate(): void {
  if (state.run) return;
  set({ step: STEP.check });
  void runJob('validate');
}

export async function commit(queryClient: QueryClient): Promise<void> {
  if (state.run || !state.report) return;
  set({ step: STEP.done });
  const report = await runJob('commit');
  // A stopped import is written to the history too; a completed one changes every list.
  await invalidateDomains(queryClient, report?.status === 'completed' ? ['customers', 'transactions', 'products', 'leads', 'import'] : ['import']);
}

export function cancelRun(): void {
  const run = state.run;
  if (!run || run.cancelRequested) return;
  set({ run: { ...run, cancelRequested: true } });
  job?.cancel();
}
