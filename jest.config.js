// One Jest run for every tier. Unit specs sit next to the code; integration and e2e specs live in
// test/ and need the real Postgres and Kafka, which the global setup provides (or KAFKA_BROKERS).
const transform = { '^.+\\.(t|j)s$': ['@swc/jest'] };
const moduleNameMapper = {
  '^@replyguard/(contracts|moderation-engine|messaging|platform)$': '<rootDir>/libs/$1/src',
};
const base = { rootDir: __dirname, transform, moduleNameMapper, testEnvironment: 'node' };

/** @type {import('jest').Config} */
module.exports = {
  projects: [
    { ...base, displayName: 'unit', testMatch: ['<rootDir>/{apps,libs,tools,docker}/**/*.spec.ts'] },
    {
      ...base,
      displayName: 'integration',
      testMatch: ['<rootDir>/test/integration/**/*.int-spec.ts'],
      globalSetup: '<rootDir>/test/support/global-setup.ts',
      globalTeardown: '<rootDir>/test/support/global-teardown.ts',
    },
    {
      ...base,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/e2e/**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/test/support/global-setup.ts',
      globalTeardown: '<rootDir>/test/support/global-teardown.ts',
    },
    {
      // Kafka, Postgres and services killed under load; services run as built processes.
      ...base,
      displayName: 'faults',
      testMatch: ['<rootDir>/test/faults/**/*.fault-spec.ts'],
      globalSetup: '<rootDir>/test/faults/support/faults-setup.ts',
      globalTeardown: '<rootDir>/test/faults/support/faults-teardown.ts',
    },
  ],
  testTimeout: 60000,
};
