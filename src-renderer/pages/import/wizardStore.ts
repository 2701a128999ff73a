import { useSyncExternalStore } from 'react';
import type { ImportKindName, ImportOptions, ImportReport, InspectOutput, Mapping } from '../../../src-shared/schemas/import';
import type { JobProgress } from '../../../src-shared/schemas/system';
import { ApiError } from '../../api/client';
import i18n from '../../i18n';

// The import wizard's state and the steps that only move between screens. Reading a file is
// wizardFile.ts's, running the dry run and the import wizardRun.ts's; both change this state.

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

export function initial(userId: string | null, kind: ImportKindName = 'customers'): WizardState {
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

/** The wizard as it is now, for the actions outside React. */
export function wizard(): WizardState {
  return state;
}

export function setWizard(patch: Partial<WizardState>): void {
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

export function problemOf(error: unknown): Problem {
  if (error instanceof ApiError) return { code: error.code, message: error.message };
  return { code: 'INTERNAL', message: i18n.t('errors.unknown') };
}

/** The staged file expired (or the app restarted and cleaned up): back to step one. */
export function fileGone(error: unknown): boolean {
  return error instanceof ApiError && error.code === 'NOT_FOUND' && typeof error.details?.fileId === 'string';
}

/** A different user logged in on this window: their wizard starts empty. */
export function ensureUser(userId: string): void {
  if (state.userId !== userId) state = initial(userId);
}

export function goTo(step: Step): void {
  if (state.run || state.busy) return;
  setWizard({ step });
}

export function reset(): void {
  if (state.run) return;
  setWizard({ ...initial(state.userId, state.kind) });
}

export function setMapping(field: string, column: number | null): void {
  setWizard({ mapping: { ...state.mapping, [field]: column }, report: null, runProblem: null });
}

export function setOptions(patch: Partial<ImportOptions>): void {
  setWizard({ options: { ...state.options, ...patch }, report: null, runProblem: null });
}
