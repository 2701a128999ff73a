import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * The layers of src-main (docs/ARCHITECTURE.md): core/ and db/ are the bottom, and name no feature;
 * jobs/ runs any job without naming one (the registry, job-functions.ts, sits above the features).
 * Type-only imports count: a cycle of them is still a layer that knows the one above it.
 */
const ROOT = resolve(import.meta.dirname, '../..');
const MAIN = join(ROOT, 'src-main');

type Graph = Map<string, string[]>;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

/** A relative import's file (repository-relative), or null for a package or Node built-in. */
function resolveImport(from: string, specifier: string): string | null {
  if (!specifier.startsWith('.')) return null;
  const base = resolve(dirname(from), specifier);
  const file = [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts')].find((path) => existsSync(path) && statSync(path).isFile());
  return file && /\.tsx?$/.test(file) ? relative(ROOT, file) : null;
}

/** Every file under src-main with the files it imports (static, dynamic, re-exports, type-only). */
function importGraph(): Graph {
  const graph: Graph = new Map();
  for (const file of sourceFiles(MAIN)) {
    const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
    const targets = importedFiles.map((imported) => resolveImport(file, imported.fileName)).filter((target): target is string => target !== null);
    graph.set(relative(ROOT, file), [...new Set(targets)]);
  }
  return graph;
}

/** Imports from `folders` that leave `allowed` (folder prefixes, repository-relative). */
function layerBreaks(graph: Graph, folders: string[], allowed: string[], except: string[] = []): string[] {
  const breaks: string[] = [];
  for (const [file, targets] of graph) {
    if (!folders.some((folder) => file.startsWith(folder)) || except.includes(file)) continue;
    for (const target of targets) if (!allowed.some((folder) => target.startsWith(folder))) breaks.push(`${file} → ${target}`);
  }
  return breaks;
}

/** The import cycles (strongly connected components of more than one file, or a file importing itself), by Tarjan. */
function cycles(graph: Graph): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  let next = 0;
  const visit = (file: string) => {
    index.set(file, next);
    low.set(file, next++);
    stack.push(file);
    onStack.add(file);
    for (const target of graph.get(file) ?? []) {
      if (!index.has(target)) {
        visit(target);
        low.set(file, Math.min(low.get(file)!, low.get(target)!));
      } else if (onStack.has(target)) low.set(file, Math.min(low.get(file)!, index.get(target)!));
    }
    if (low.get(file) !== index.get(file)) return;
    const component: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      component.push(member);
    } while (member !== file);
    if (component.length > 1 || (graph.get(file) ?? []).includes(file)) found.push(component.sort());
  };
  for (const file of graph.keys()) if (!index.has(file)) visit(file);
  return found;
}

const BOTTOM = ['src-main/core/', 'src-main/db/'];
/** Below every layer: the shared types and texts, and where the app's own files are (paths.ts). */
const SHARED = ['src-shared/', 'src-main/paths.ts'];

describe('the import graph of src-main', () => {
  const graph = importGraph();

  it('reads the imports of the whole tree', () => {
    // A reader that found nothing would pass every rule below.
    expect(graph.size).toBeGreaterThan(200);
    expect(graph.get('src-main/core/write.ts')).toContain('src-main/core/context.ts');
  });

  it('core/ and db/ import nothing from a feature folder', () => {
    expect(layerBreaks(graph, BOTTOM, [...BOTTOM, ...SHARED])).toEqual([]);
  });

  it('jobs/ runs jobs without naming a feature: only its thread entry imports the registry', () => {
    expect(layerBreaks(graph, ['src-main/jobs/'], [...BOTTOM, ...SHARED, 'src-main/jobs/'], ['src-main/jobs/worker.ts'])).toEqual([]);
  });

  it('no import cycle runs through core/, db/ or jobs/', () => {
    const through = cycles(graph).filter((cycle) => cycle.some((file) => /^src-main\/(core|db|jobs)\//.test(file)));
    expect(through).toEqual([]);
  });

  it('the checks find a bad import and a cycle when there is one', () => {
    const bad: Graph = new Map([
      ['src-main/core/context.ts', ['src-main/jobs/runner.ts']],
      ['src-main/jobs/runner.ts', ['src-main/rfm/run.ts']],
      ['src-main/rfm/run.ts', ['src-main/core/context.ts']],
      ['src-main/db/open.ts', ['src-shared/errors.ts']],
    ]);
    expect(layerBreaks(bad, BOTTOM, [...BOTTOM, ...SHARED])).toEqual(['src-main/core/context.ts → src-main/jobs/runner.ts']);
    expect(cycles(bad)).toEqual([['src-main/core/context.ts', 'src-main/jobs/runner.ts', 'src-main/rfm/run.ts']]);
  });
});
