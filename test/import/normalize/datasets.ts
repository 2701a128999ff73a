import { readFileSync } from 'node:fs';
import Papa from 'papaparse';

/** Public data sets copied into the repository (see test/fixtures/datasets/README.md). */
function datasetText(name: string): string {
  return readFileSync(new URL(`../../fixtures/datasets/${name}`, import.meta.url), 'utf8');
}

/** CSV rows as strings, the way papaparse gives them without dynamic typing. */
export function csvDataset(name: string): string[][] {
  const parsed = Papa.parse<string[]>(datasetText(name), { skipEmptyLines: true });
  return parsed.data;
}

/** CDNOW: whitespace-separated columns with a header line. */
export function cdnowDataset(): string[][] {
  return datasetText('lifetimes_CDNOW_master.txt')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .map((line) => line.split(/\s+/));
}

export function column(rows: string[][], index: number): string[] {
  return rows.map((row) => row[index]);
}
