// ESLint (flat config): typescript-eslint's type-aware recommended rules plus a few that catch real
// bugs, the library boundaries of DESIGN.md as `no-restricted-imports`, and a 300-line limit on
// source files. Formatting is Prettier's business: eslint-config-prettier's list is not installed,
// and nothing here is stylistic (typescript-eslint's `recommended` has no layout rules).
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

/** Which libs each lib may import (through `@app/<lib>` only); libs/shared/src/architecture.spec.ts checks the same graph. */
const ALLOWED = {
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
const LIBS = Object.keys(ALLOWED);

/** Node's globals, taken from the running Node (the `globals` package is not installed). */
const nodeGlobals = Object.fromEntries(Object.getOwnPropertyNames(globalThis).map((name) => [name, 'readonly']));

const deepImport = { regex: '^@app/[^/]+/', message: 'Import another lib only through its index: `@app/<lib>`, never a file inside it.' };
const intoLibsByPath = { regex: '^\\.{1,2}/(.*/)?libs/', message: 'Import a lib through `@app/<lib>`, not by relative path.' };

/**
 * One config per lib and per folder depth inside it: a relative import leaves the lib when it climbs
 * more folders than the file sits below `libs/<lib>` (no-restricted-imports matches the written path,
 * and only the last config's options for a rule apply, so each block carries the whole list).
 */
function libBoundaries(lib) {
  const forbidden = LIBS.filter((other) => !ALLOWED[lib].includes(other));
  const allowedText = ALLOWED[lib].length ? ALLOWED[lib].join(', ') : 'no other lib';
  return [1, 2, 3, 4, 5].map((depth) => ({
    name: `boundaries/${lib}/depth-${depth}`,
    files: [`libs/${lib}/src/${'*/'.repeat(depth - 1)}*.{ts,mjs}`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            deepImport,
            {
              regex: `^@app/(${forbidden.join('|')})$`,
              message: `libs/${lib} may import ${allowedText} (see the graph in eslint.config.mjs); ${lib} never imports its own index.`,
            },
            { regex: `^(\\./)?(\\.\\./){${depth + 1},}`, message: `A relative import must stay inside libs/${lib}: import another lib through \`@app/<lib>\`.` },
            { regex: '(^|/)apps/', message: 'A lib never imports the app.' },
          ],
        },
      ],
    },
  }));
}

export default defineConfig(
  {
    name: 'ignores',
    ignores: ['dist/**', 'node_modules/**', 'data/**', 'coverage/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    name: 'project',
    languageOptions: {
      globals: nodeGlobals,
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // Bugs.
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      'no-var': 'error',
      'prefer-const': 'error',
      'no-self-compare': 'error',
      'no-template-curly-in-string': 'error',
      'no-unmodified-loop-condition': 'error',
      'no-constant-binary-expression': 'error',
      'no-return-assign': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
      '@typescript-eslint/return-await': ['error', 'in-try-catch'],
      // `await a() || (await b())` as a statement is a house idiom; a bare `x.y;` is still caught.
      '@typescript-eslint/no-unused-expressions': ['error', { allowShortCircuit: true, allowTernary: true }],
      // An `async` method without `await` still turns a throw into a rejected promise: not a bug.
      '@typescript-eslint/require-await': 'off',
    },
  },
  {
    name: 'plain JavaScript (bench, configs): no type information',
    files: ['**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    // GraphQL and HTTP response bodies are `any` by nature; type-safety rules on them would only add casts.
    name: 'tests',
    files: ['test/**/*.ts', '**/*.spec.ts', '**/*.e2e-spec.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/unbound-method': 'off',
    },
  },
  // --- library boundaries (test files included) ---
  ...LIBS.flatMap(libBoundaries),
  {
    name: 'boundaries/apps-and-test',
    files: ['apps/**/*.ts', 'test/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [deepImport, intoLibsByPath] }] },
  },
  {
    // The guard spec walks every resolver class, including ones no index exports: it imports them by path on purpose.
    name: 'boundaries/resolver-guards-spec',
    files: ['apps/api/src/resolver-guards.spec.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [deepImport] }] },
  },
  // --- file size ---
  {
    name: 'size',
    files: ['libs/**/*.ts', 'apps/**/*.ts', 'apps/**/*.tsx'],
    ignores: ['**/*.spec.ts', '**/*.e2e-spec.ts', 'apps/api/src/database/migrations/**'],
    rules: { 'max-lines': ['error', { max: 300, skipBlankLines: true, skipComments: true }] },
  },
);
