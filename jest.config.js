/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  transform: { '^.+\\.ts$': ['ts-jest', { diagnostics: false }] },
  testTimeout: 30000,
  // Every suite closes what it opens, and runs of a single suite (or of dozens together) exit by
  // themselves; but the whole run on CI (125 suites in one process) once stayed alive after its
  // summary with no socket or child process open, an idle timer some suite leaves behind. Until
  // that suite is found, CI must not wait 90 minutes on it.
  forceExit: true,
};
