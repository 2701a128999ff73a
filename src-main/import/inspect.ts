import type { InspectOutput, Mapping } from '../../src-shared/schemas/import';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { detectColumnType } from './normalize/columns';
import { autoMapping, detectHeaderRow, mappingSignature, missingRequired, targetFields, type ImportKind } from './normalize/headers';
import { cellText } from './normalize/text';
import { ImportFileError } from './read/errors';
import { openTable } from './read/table';
import { matchPreset } from './presets';

const SCAN_ROWS = 20;
const PREVIEW_ROWS = 20;
const TYPE_SAMPLE = 200;

export interface InspectParams {
  path: string;
  kind: ImportKind;
  sheet?: string;
  headerRow?: number;
}

/** Headers as text, with blanks named by their column letter so every column can be chosen. */
export function headerNames(cells: unknown[]): string[] {
  return cells.map((cell, i) => cellText(cell) || `(${columnLetter(i)})`);
}

export function columnLetter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** Previously chosen mapping for this file layout, if the user saved one. */
async function rememberedMapping(db: Kysely<Database>, kind: ImportKind, headers: string[]): Promise<Mapping | null> {
  const row = await db
    .selectFrom('import_mappings')
    .select('mapping')
    .where('kind', '=', kind)
    .where('signature', '=', mappingSignature(headers))
    .executeTakeFirst();
  return row ? (JSON.parse(row.mapping) as Mapping) : null;
}

/**
 * Step 2 of the wizard: what the file looks like. Reads only the first rows: the header row
 * (found below any title rows), a preview, each column's detected type, and the mapping to offer.
 */
export async function inspectFile(db: Kysely<Database>, params: InspectParams): Promise<InspectOutput> {
  try {
    return await inspectSheet(db, params);
  } catch (error) {
    // A workbook often opens with a cover or notes sheet: when no sheet was chosen, take the first
    // sheet that has a header row.
    if (!(error instanceof ImportFileError) || (error.problem !== 'noHeader' && error.problem !== 'empty') || params.sheet !== undefined) throw error;
    const { sheets } = await openTable(params.path);
    for (const sheet of sheets.slice(1)) {
      try {
        return await inspectSheet(db, { ...params, sheet });
      } catch (next) {
        if (!(next instanceof ImportFileError) || (next.problem !== 'noHeader' && next.problem !== 'empty')) throw next;
      }
    }
    throw error;
  }
}

async function inspectSheet(db: Kysely<Database>, params: InspectParams): Promise<InspectOutput> {
  const table = await openTable(params.path, params.sheet);
  const first: { line: number; cells: unknown[] }[] = [];
  for await (const row of table.rows()) {
    first.push(row);
    if (first.length >= SCAN_ROWS + TYPE_SAMPLE) break;
  }
  const nonEmpty = first.filter((r) => r.cells.some((c) => cellText(c) !== ''));
  if (nonEmpty.length === 0) throw new ImportFileError('empty');
  // A marketplace's or till's own export is recognised by its header row, below any title rows.
  const presetRow =
    params.kind === 'transactions' && params.headerRow === undefined
      ? first.slice(0, SCAN_ROWS).findIndex((r) => matchPreset(headerNames(r.cells)) !== null)
      : -1;
  const detected =
    params.headerRow ??
    (presetRow >= 0
      ? presetRow
      : detectHeaderRow(
          first.slice(0, SCAN_ROWS).map((r) => r.cells),
          params.kind,
        )?.index);
  if (detected === undefined || detected >= first.length) throw new ImportFileError('noHeader');
  const headers = headerNames(first[detected].cells);
  const data = first.slice(detected + 1).filter((r) => r.cells.some((c) => cellText(c) !== ''));
  const width = Math.max(headers.length, ...data.slice(0, PREVIEW_ROWS).map((r) => r.cells.length));
  while (headers.length < width) headers.push(`(${columnLetter(headers.length)})`);
  const columnTypes = headers.map((_, col) => detectColumnType(data.slice(0, TYPE_SAMPLE).map((r) => r.cells[col] ?? null)));
  const preset = params.kind === 'transactions' ? matchPreset(headers) : null;
  const remembered = preset ? null : await rememberedMapping(db, params.kind, headers);
  const mapping = preset?.mapping ?? remembered ?? autoMapping(headers, params.kind);
  return {
    format: table.format,
    sheets: table.sheets,
    sheet: table.sheet,
    encoding: table.encoding,
    delimiter: table.delimiter === '\t' ? 'tab' : table.delimiter,
    headerRow: detected,
    headerLine: first[detected].line,
    headers,
    rows: data.slice(0, PREVIEW_ROWS).map((r) => headers.map((_, i) => cellText(r.cells[i] ?? null))),
    rowLines: data.slice(0, PREVIEW_ROWS).map((r) => r.line),
    titleRows: first.slice(0, detected).map((r) => r.cells.map((c) => cellText(c))),
    titleLines: first.slice(0, detected).map((r) => r.line),
    columnTypes,
    fields: targetFields(params.kind).map((f) => ({ field: f.field, required: f.required })),
    mapping,
    mappingSource: preset ? 'preset' : remembered ? 'remembered' : 'auto',
    preset: preset?.preset.id ?? null,
    presetKind: preset ? (preset.preset.walkIns ? 'till' : 'orders') : null,
    ...(preset ? { presetInProgress: preset.preset.otherStatus === 'inProgress' || preset.preset.statuses.some(([, state]) => state === 'inProgress') } : {}),
    missing: missingRequired(mapping, params.kind),
  };
}
