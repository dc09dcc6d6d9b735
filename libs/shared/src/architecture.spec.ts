import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, dirname } from 'node:path';

/**
 * The layering of DESIGN.md, checked: a lib imports another only through its `@app/<lib>` index,
 * only along the allowed direction, and never reaches into another lib's files by relative path.
 */
const ALLOWED: Record<string, string[]> = {
  shared: [],
  base: ['shared'],
  auth: ['shared', 'base'],
  booking: ['shared', 'base'],
  roster: ['shared', 'base', 'booking'],
  billing: ['shared', 'base', 'booking', 'roster'],
  exchange: ['shared', 'base', 'booking', 'billing'],
};

const root = resolve(process.cwd(), 'libs');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return path.endsWith('.ts') && !path.endsWith('.spec.ts') ? [path] : [];
  });
}

describe('library boundaries', () => {
  for (const lib of Object.keys(ALLOWED)) {
    it(`${lib} imports only ${ALLOWED[lib].join(', ') || 'no other lib'}, and only through their index`, () => {
      const problems: string[] = [];
      for (const file of sources(join(root, lib, 'src'))) {
        const text = readFileSync(file, 'utf8');
        for (const [, spec] of text.matchAll(/from\s+'([^']+)'/g)) {
          const at = relative(process.cwd(), file);
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
});
