import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

/**
 * Inside a lib, the top-level folders (participant, roster-workflow, …) import each other without a
 * cycle, so each can be read knowing only the folders below it. Files at a lib's root (the module,
 * the index) wire the folders together and are left out. Libs join the list as their cycles go.
 */
const ACYCLIC_LIBS = ['roster'];

const root = resolve(process.cwd(), 'libs');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return path.endsWith('.ts') && !path.endsWith('.spec.ts') ? [path] : [];
  });
}

/** Folder → the folders it imports from, with one file that does so for each. */
function folderGraph(src: string): Map<string, Map<string, string>> {
  const graph = new Map<string, Map<string, string>>();
  for (const file of sources(src)) {
    const [from, ...rest] = relative(src, file).split('/');
    if (!rest.length) continue;
    for (const [, spec] of readFileSync(file, 'utf8').matchAll(/from\s+'(\.[^']+)'/g)) {
      const [to, ...inside] = relative(src, resolve(dirname(file), spec)).split('/');
      if (!inside.length || to === from) continue;
      const edges = graph.get(from) ?? new Map<string, string>();
      if (!edges.has(to)) edges.set(to, relative(src, file));
      graph.set(from, edges);
    }
  }
  return graph;
}

/** Every cycle found by a depth-first walk, as `a → b (via file) → a`. */
function cycles(graph: Map<string, Map<string, string>>): string[] {
  const found: string[] = [];
  const done = new Set<string>();
  const walk = (node: string, path: string[]): void => {
    if (path.includes(node)) {
      const loop = [...path.slice(path.indexOf(node)), node];
      found.push(loop.map((n, i) => (i === 0 ? n : `${n} (${graph.get(loop[i - 1])!.get(n)})`)).join(' → '));
      return;
    }
    if (done.has(node)) return;
    for (const next of graph.get(node)?.keys() ?? []) walk(next, [...path, node]);
    done.add(node);
  };
  for (const node of graph.keys()) walk(node, []);
  return found;
}

describe('folders inside a lib', () => {
  for (const lib of ACYCLIC_LIBS) {
    it(`${lib}: no import cycle between its top-level folders`, () => {
      expect(cycles(folderGraph(join(root, lib, 'src')))).toEqual([]);
    });
  }

  it('finds a cycle when there is one', () => {
    const graph = new Map([
      ['a', new Map([['b', 'a/x.ts']])],
      ['b', new Map([['a', 'b/y.ts']])],
    ]);
    expect(cycles(graph)).toEqual(['a → b (a/x.ts) → a (b/y.ts)']);
  });
});
