/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  transform: { '^.+\\.ts$': ['ts-jest', { diagnostics: false }] },
  testTimeout: 30000,
  // On 2 cores jest runs the suites in its own process; a handle some suite leaves open must not keep
  // CI waiting after the run. One cause found and fixed: an app whose start failed kept its Redis
  // connections (createApp now closes what it opened). Kept until several full runs exit by themselves.
  forceExit: true,
};
