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
  maxWorkers: 1,
};
