import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, dirname, sep } from 'node:path';

/**
 * The layering of DESIGN.md, checked: a lib imports another only through its `@app/<lib>` index,
 * only along the allowed direction, and never reaches into another lib's files by relative path;
 * inside a lib, its top-level folders import each other without cycles. Test files included.
 * eslint.config.mjs enforces the same graph as `no-restricted-imports`.
 */
const ALLOWED: Record<string, string[]> = {
  shared: [],
  base: ['shared'],
  auth: ['shared', 'base'],
  booking: ['shared', 'base'],
  roster: ['shared', 'base', 'booking'],
  billing: ['shared', 'base', 'booking', 'roster'],
  exchange: ['shared', 'base', 'booking', 'billing'],
  'stay-order': ['shared', 'base', 'booking'],
  platform: ['shared', 'base', 'auth'],
};

/**
 * Folder cycles allowed, each named by the one import edge `from → to` that closes it. None today:
 * every lib's folder graph is acyclic. An entry here is debt (the test says when one is stale).
 */
const KNOWN_FOLDER_CYCLES: Record<string, string[]> = {};

const cwd = process.cwd();
const root = resolve(cwd, 'libs');
/** The one file outside the libs that imports lib files by path on purpose: it walks every resolver class. */
const DEEP_IMPORTS_ALLOWED = ['apps/api/src/resolver-guards.spec.ts'];

/** Every .ts file under dir, test files included. */
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'node_modules' ? [] : sources(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

/** Module specifiers of static imports, re-exports, side-effect imports and dynamic `import()`s. */
function importsOf(file: string): string[] {
  return [...readFileSync(file, 'utf8').matchAll(/(?:\bfrom|\bimport)\s*\(?\s*'([^']+)'/g)].map((m) => m[1]);
}

describe('library boundaries', () => {
  for (const lib of Object.keys(ALLOWED)) {
    it(`${lib} imports only ${ALLOWED[lib].join(', ') || 'no other lib'}, and only through their index`, () => {
      const problems: string[] = [];
      for (const file of sources(join(root, lib, 'src'))) {
        const at = relative(cwd, file);
        for (const spec of importsOf(file)) {
          const alias = /^@app\/([a-z-]+)(\/.*)?$/.exec(spec);
          if (alias) {
            if (alias[2]) problems.push(`${at}: deep import ${spec}`);
            if (alias[1] === lib) problems.push(`${at}: imports its own index ${spec}`);
            else if (!ALLOWED[lib].includes(alias[1])) problems.push(`${at}: ${lib} may not use ${alias[1]}`);
          } else if (spec.startsWith('.')) {
            const target = relative(join(root, lib), resolve(dirname(file), spec));
            if (target.startsWith('..')) problems.push(`${at}: relative import leaves the lib: ${spec}`);
          } else if (spec.includes('apps/')) {
            problems.push(`${at}: a lib imports the app: ${spec}`);
          }
        }
      }
      expect(problems).toEqual([]);
    });
  }

  it('apps/ and test/ use a lib only through its index', () => {
    const problems: string[] = [];
    for (const file of [...sources(resolve(cwd, 'apps')), ...sources(resolve(cwd, 'test'))]) {
      const at = relative(cwd, file).split(sep).join('/');
      if (DEEP_IMPORTS_ALLOWED.includes(at)) continue;
      for (const spec of importsOf(file)) {
        if (/^@app\/[a-z-]+\//.test(spec)) problems.push(`${at}: deep import ${spec}`);
        else if (spec.startsWith('.') && relative(cwd, resolve(dirname(file), spec)).startsWith(`libs${sep}`)) problems.push(`${at}: imports a lib by path: ${spec}`);
      }
    }
    expect(problems).toEqual([]);
  });
});

/** `from → to` edges between the top-level folders of libs/<lib>/src (files directly in src are `(root)`). */
function folderEdges(lib: string): Map<string, Set<string>> {
  const src = join(root, lib, 'src');
  const folderOf = (path: string) => {
    const parts = relative(src, path).split(sep);
    return parts.length > 1 ? parts[0] : '(root)';
  };
  const edges = new Map<string, Set<string>>();
  for (const file of sources(src)) {
    const from = folderOf(file);
    for (const spec of importsOf(file)) {
      if (!spec.startsWith('.')) continue;
      const to = folderOf(resolve(dirname(file), spec));
      if (to === from) continue;
      if (!edges.has(from)) edges.set(from, new Set());
      edges.get(from)!.add(to);
    }
  }
  return edges;
}

/** The cycles of a directed graph, one per back edge found by a depth-first walk, each as `a → b → … → a`. */
function cycles(edges: Map<string, Set<string>>): string[] {
  const found: string[] = [];
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const visit = (node: string) => {
    state.set(node, 'open');
    path.push(node);
    for (const next of [...(edges.get(node) ?? [])].sort()) {
      if (state.get(next) === 'open') found.push([...path.slice(path.indexOf(next)), next].join(' → '));
      else if (!state.has(next)) visit(next);
    }
    path.pop();
    state.set(node, 'done');
  };
  for (const node of [...edges.keys()].sort()) if (!state.has(node)) visit(node);
  return found;
}

function reaches(edges: Map<string, Set<string>>, from: string, to: string): boolean {
  const seen = new Set<string>();
  const stack = [from];
  while (stack.length) {
    const node = stack.pop()!;
    if (node === to) return true;
    if (seen.has(node)) continue;
    seen.add(node);
    stack.push(...(edges.get(node) ?? []));
  }
  return false;
}

describe('no cycles between the folders of a lib', () => {
  for (const lib of Object.keys(ALLOWED)) {
    const known = KNOWN_FOLDER_CYCLES[lib] ?? [];
    it(`${lib}: its folders import each other without cycles${known.length ? ` (known: ${known.join(', ')})` : ''}`, () => {
      const edges = folderEdges(lib);
      const stale = known.filter((edge) => {
        const [from, to] = edge.split(' → ');
        return !edges.get(from)?.has(to) || !reaches(edges, to, from);
      });
      const withoutKnown = new Map([...edges].map(([from, tos]) => [from, new Set([...tos].filter((to) => !known.includes(`${from} → ${to}`)))]));
      expect({ cycles: cycles(withoutKnown), staleKnownEdges: stale }).toEqual({ cycles: [], staleKnownEdges: [] });
    });
  }
});
