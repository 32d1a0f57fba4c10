import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

/** The PostgreSQL the integration suites use; CI and the machine both have one on 127.0.0.1. */
export const TEST_DATABASE_URL = process.env['TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';

/** Whether a TCP port answers, checked synchronously so suites can decide at collection time. */
function answers(url: string, defaultPort: number): boolean {
  const { hostname, port } = new URL(url);
  const probe = `require('net').connect(${Number(port || defaultPort)}, ${JSON.stringify(hostname)})
    .on('connect', () => process.exit(0)).on('error', () => process.exit(1)); setTimeout(() => process.exit(1), 2000);`;
  return spawnSync(process.execPath, ['-e', probe]).status === 0;
}

/**
 * `describe` when PostgreSQL answers; `describe.skip` when it does not, unless REQUIRE_SERVICES=1
 * (CI), where its absence fails the run instead of passing quietly.
 */
export function describeWithPostgres(): jest.Describe {
  if (answers(TEST_DATABASE_URL, 5432)) return describe;
  if (process.env['REQUIRE_SERVICES'] === '1') {
    throw new Error(`PostgreSQL is required (REQUIRE_SERVICES=1) but ${TEST_DATABASE_URL} does not answer`);
  }
  return describe.skip;
}

export const TEST_REDIS_URL = process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379';

export function describeWithRedis(): jest.Describe {
  if (answers(TEST_REDIS_URL, 6379)) return describe;
  if (process.env['REQUIRE_SERVICES'] === '1') {
    throw new Error(`Redis is required (REQUIRE_SERVICES=1) but ${TEST_REDIS_URL} does not answer`);
  }
  return describe.skip;
}

/** A fresh, empty database for one suite; `drop` (which needs no `this`) removes it. */
export async function createTestDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `eimza_test_${randomBytes(6).toString('hex')}`;
  const admin = new Client({ connectionString: TEST_DATABASE_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(TEST_DATABASE_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const client = new Client({ connectionString: TEST_DATABASE_URL });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}
