/** Jest in native ESM mode (NestJS 12 is ESM-only); see STACK.md. */
const libs = ['shared', 'auth', 'base', 'booking', 'roster', 'billing', 'exchange', 'stay-order', 'platform'];
export default {
  rootDir: '.',
  testEnvironment: 'node',
  testMatch: ['<rootDir>/libs/**/*.spec.ts', '<rootDir>/apps/**/*.spec.ts', '<rootDir>/test/**/*.e2e-spec.ts', '<rootDir>/test/**/*.service-spec.ts'],
  extensionsToTreatAsEsm: ['.ts'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: 'tsconfig.json' }],
  },
  moduleNameMapper: {
    '^(\\.{1,2}/.*)\\.js$': '$1',
    ...Object.fromEntries(libs.map((l) => [`^@app/${l}$`, `<rootDir>/libs/${l}/src/index.ts`])),
  },
  testTimeout: 120000,
  // One test file at a time, in one worker process that is replaced once it holds more than this
  // after a file: each file loads the whole API (and the console's tests the demo data), and one
  // process running every file in band grew to the default heap limit (~4 GB), where garbage
  // collection made the last files ten times slower and timed them out.
  maxWorkers: 1,
  workerIdleMemoryLimit: '1536MB',
};
