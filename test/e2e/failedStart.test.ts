import { createTestDatabase, describeWithPostgres, describeWithRedis, TEST_DATABASE_URL, TEST_REDIS_URL } from '../support/services';
import { startTestApp } from '../support/testApp';

/** This process's open sockets to a port (Node lists them among its active handles). */
function socketsTo(port: number): number {
  const handles = (process as unknown as { _getActiveHandles(): unknown[] })._getActiveHandles();
  return handles.filter((handle) => (handle as { remotePort?: number }).remotePort === port).length;
}

/** Polls until `check` holds or 2 s have passed: a closed socket leaves the list on the next tick. */
async function eventually(check: () => boolean): Promise<boolean> {
  for (let tries = 0; tries < 40 && !check(); tries++) await new Promise((done) => setTimeout(done, 50));
  return check();
}

describeWithPostgres()('when the app cannot start', () => {
  describeWithRedis()('because its seed file is missing, after it connected to PostgreSQL and Redis', () => {
    test('then start fails with the cause and no connection it opened is left open', async () => {
      const redisPort = Number(new URL(TEST_REDIS_URL).port || 6379);
      const postgresPort = Number(new URL(TEST_DATABASE_URL).port || 5432);
      const database = await createTestDatabase();
      try {
        await expect(
          startTestApp({ DATABASE_URL: database.url, REDIS_URL: TEST_REDIS_URL, SEED_FILE: '/nonexistent/seed.json' }),
        ).rejects.toThrow(/seed\.json/);
        expect(await eventually(() => socketsTo(redisPort) === 0 && socketsTo(postgresPort) === 0)).toBe(true);
      } finally {
        await database.drop();
      }
    });
  });
});
