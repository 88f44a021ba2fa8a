/** Jest runs the repository as native ESM (see docs/module-format.md). */
export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: {
    '^@lift-sys/observability/testing$': '<rootDir>/libs/observability/src/testing/index.ts',
    '^@lift-sys/observability/sdk$': '<rootDir>/libs/observability/src/sdk/index.ts',
    '^@lift-sys/observability$': '<rootDir>/libs/observability/src/index.ts',
    '^@lift-sys/honeycomb$': '<rootDir>/libs/honeycomb/src/index.ts',
    '^@lift-sys/honeycomb/testing$': '<rootDir>/libs/honeycomb/src/testing/index.ts',
    '^@lift-sys/honeycomb/cli$': '<rootDir>/libs/honeycomb/src/cli/index.ts',
    '^@lift-sys/explorer$': '<rootDir>/libs/explorer/src/server/index.ts',
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  transform: {
    '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: 'tsconfig.json' }],
  },
  testMatch: ['<rootDir>/libs/**/*.spec.ts', '<rootDir>/apps/**/*.spec.ts', '<rootDir>/test/**/*.e2e-spec.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  // End-to-end specs drive real servers and compilers on a shared 2-core machine: hooks and tests
  // get a minute before they count as hung. Nothing here asserts on time.
  testTimeout: 60_000,
};
