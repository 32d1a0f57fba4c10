/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  transform: { '^.+\\.ts$': ['ts-jest', { diagnostics: false }] },
  testTimeout: 30000,
  // On 2 cores jest would run every file in one process, one after another, and with
  // --experimental-vm-modules each file's modules stay behind: the heap passed 3.6 GB after 122 of
  // 135 files and the run died of it. A worker whose heap passes this after a file is replaced
  // (and the suite runs faster: 990 → 567 s on Node 20, 722 → 503 s on Node 24, in CI).
  workerIdleMemoryLimit: '1GB',
  // One empty embedded database folder for the run, copied by the test apps (test/support/globalSetup.ts).
  globalSetup: '<rootDir>/test/support/globalSetup.ts',
  globalTeardown: '<rootDir>/test/support/globalTeardown.ts',
};
