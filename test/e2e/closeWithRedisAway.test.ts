import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeWithRedis, TEST_REDIS_URL } from '../support/services';
import { TcpProxy } from '../support/tcpProxy';
import { copyDatabaseTemplate } from '../support/testApp';

/** The child's stdout, line by line, and a way to wait for a line. */
function linesOf(child: ChildProcess): (line: string) => Promise<void> {
  let seen = '';
  const waiters: (() => void)[] = [];
  child.stdout!.on('data', (chunk: Buffer) => {
    seen += chunk.toString('utf8');
    for (const wake of waiters.splice(0)) wake();
  });
  return (line) =>
    new Promise((done, fail) => {
      const check = () => (seen.split('\n').includes(line) ? done() : waiters.push(check));
      child.once('exit', (code) => fail(new Error(`the app exited (${code}) before "${line}"`)));
      check();
    });
}

describeWithRedis()('when Redis goes away and the app is then closed', () => {
  test('then nothing of it stays alive: the process ends by itself (no Redis client reconnecting for ever)', async () => {
    const redis = new URL(TEST_REDIS_URL);
    const proxy = new TcpProxy({ host: redis.hostname, port: Number(redis.port || 6379) });
    const port = await proxy.start();
    const dataDir = mkdtempSync(join(tmpdir(), 'eimza-close-'));
    copyDatabaseTemplate(dataDir);
    const child = spawn(process.execPath, ['--import', 'tsx', 'test/support/appUntilClosed.ts'], {
      env: {
        PATH: process.env['PATH'],
        DATA_DIR: dataDir,
        PORT: '0',
        REDIS_URL: `redis://127.0.0.1:${port}/${redis.pathname.slice(1) || '0'}`,
        LOG_LEVEL: 'silent',
        EXPIRY_REMINDER_DAYS: 'off',
        CHALLENGE_KIND: 'text',
      },
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
    try {
      const line = linesOf(child);
      await line('ready');
      await proxy.cut();
      child.stdin.end('close\n');
      await line('closed');
      // Within the test's timeout; before the fix its Redis clients retried every few seconds, for ever.
      expect(await exited).toBe(0);
    } finally {
      child.kill('SIGKILL');
      await proxy.cut();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
