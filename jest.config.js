/** Two projects: fast unit tests of pure code, and integration tests against real servers. */
const transform = { '^.+\\.ts$': ['@swc/jest'] };

/** @type {import('jest').Config} */
module.exports = {
  maxWorkers: 2, // global setup starts one time-skipping server per worker (test/support/global-setup.ts)
  testTimeout: 120000, // read only at the top level, not per project
  projects: [
    {
      displayName: 'unit',
      testMatch: [
        '<rootDir>/libs/**/*.spec.ts',
        '<rootDir>/workflows/**/*.spec.ts',
        '<rootDir>/apps/**/*.spec.ts',
        '<rootDir>/scripts/**/*.spec.ts',
        '<rootDir>/deploy/**/*.spec.ts',
      ],
      transform,
      testEnvironment: 'node',
      globalSetup: '<rootDir>/test/support/unit-setup.ts',
    },
    {
      displayName: 'integration',
      testMatch: ['<rootDir>/test/**/*.test.ts'],
      transform,
      testEnvironment: 'node',
      globalSetup: '<rootDir>/test/support/global-setup.ts',
      globalTeardown: '<rootDir>/test/support/global-teardown.ts',
    },
  ],
};
