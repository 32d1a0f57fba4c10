import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createTestDatabase, describeWithPostgres } from '../support/services';
import { freePort } from '../support/testApp';

const ROOT = resolve(__dirname, '..', '..');

/**
 * What a running server holds in memory is what it loaded: each package costs heap and RSS whether
 * it is used or not (issue 22). These start the assistant as a process and ask it, through a
 * preloaded probe, which packages it loaded once it listens: never @microsoft/recognizers-text (the
 * dialogs' prompts are our own), the development outbox page's mail parser only when the page is
 * asked for, and PGlite only on the embedded default.
 */
const PROBE = `
import { register } from 'node:module';
import { MessageChannel } from 'node:worker_threads';
import { createRequire } from 'node:module';
// Modules loaded by import() go through the ESM loader, whose resolutions a hook reports here;
// those loaded by require() are in require.cache.
const imported = new Set();
const { port1, port2 } = new MessageChannel();
port1.on('message', (url) => imported.add(url));
port1.unref();
const hooks = 'let port; export function initialize(data) { port = data.port; }' +
  ' export async function resolve(specifier, context, next) { const result = await next(specifier, context); port.postMessage(result.url); return result; }';
register('data:text/javascript,' + encodeURIComponent(hooks), { data: { port: port2 }, transferList: [port2] });
const require = createRequire(import.meta.url);
process.on('SIGUSR2', () => {
  const packages = new Set();
  for (const file of [...Object.keys(require.cache), ...imported]) {
    if (!file.includes('/node_modules/')) continue;
    const [scope, name] = file.split('/node_modules/').at(-1).split('/');
    packages.add(scope.startsWith('@') ? scope + '/' + name : scope);
  }
  process.stdout.write(JSON.stringify({ loadedPackages: [...packages].sort() }) + '\\n');
});
`;

type Running = { child: ChildProcess; port: number; packages: () => Promise<string[]> };

async function startAssistant(dir: string, env: Record<string, string>): Promise<Running> {
  const probe = join(dir, 'probe.mjs');
  writeFileSync(probe, PROBE);
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', probe, '--import', 'tsx', 'src/index.ts'], {
    cwd: ROOT,
    env: {
      PATH: process.env['PATH'],
      HOME: process.env['HOME'],
      DATA_DIR: join(dir, 'data'),
      PORT: String(port),
      LOG_LEVEL: 'info',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  const waiters: (() => void)[] = [];
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
    for (const wake of waiters.splice(0)) wake();
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const lineWith = async (text: string, from = 0): Promise<string> => {
    const deadline = Date.now() + 60_000;
    for (;;) {
      const line = stdout
        .slice(from)
        .split('\n')
        .find((candidate) => candidate.includes(text) && candidate.endsWith('}'));
      if (line) return line;
      if (child.exitCode !== null || Date.now() > deadline) throw new Error(`no "${text}" from the assistant:\n${stdout}\n${stderr}`);
      await new Promise<void>((wake) => {
        waiters.push(wake);
        setTimeout(wake, 200);
      });
    }
  };
  await lineWith('e-İmza Yardımcısı is listening');
  return {
    child,
    port,
    packages: async () => {
      const from = stdout.length;
      child.kill('SIGUSR2');
      return (JSON.parse(await lineWith('loadedPackages', from)) as { loadedPackages: string[] }).loadedPackages;
    },
  };
}

async function stop(running: Running | undefined): Promise<void> {
  if (!running || running.child.exitCode !== null) return;
  const exited = new Promise((done) => running.child.once('exit', done));
  running.child.kill('SIGTERM');
  await exited;
}

describe('when the assistant runs on the embedded default', () => {
  let dir: string;
  let running: Running | undefined;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'eimza-modules-'));
    running = await startAssistant(dir, {});
  }, 90_000);
  afterAll(async () => {
    await stop(running);
    rmSync(dir, { recursive: true, force: true });
  });

  test('then it has loaded PGlite and botbuilder, but no @microsoft/recognizers-text model and no mail parser', async () => {
    const packages = await running!.packages();
    expect(packages).toEqual(expect.arrayContaining(['@electric-sql/pglite', 'botbuilder']));
    expect(packages.filter((name) => name.startsWith('@microsoft/recognizers-text'))).toEqual([]);
    expect(packages).not.toContain('mailparser');
  });

  test('then the outbox page, once asked for, reads the mails it lists with the mail parser it loads then', async () => {
    // The demo citizens' expiry reminder is mailed at start: the outbox has a mail to read.
    const deadline = Date.now() + 30_000;
    let mail: { subject: string }[] = [];
    while (mail.length === 0 && Date.now() < deadline) {
      const response = await fetch(`http://127.0.0.1:${running!.port}/dev/outbox?format=json`);
      expect(response.status).toBe(200);
      mail = ((await response.json()) as { mail: { subject: string }[] }).mail;
      if (mail.length === 0) await new Promise((wake) => setTimeout(wake, 200));
    }
    expect(mail[0]!.subject).not.toBe('');
    expect(await running!.packages()).toContain('mailparser');
  });
});

describeWithPostgres()('when the assistant runs on PostgreSQL', () => {
  let dir: string;
  let database: { url: string; drop: () => Promise<void> };
  let running: Running | undefined;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'eimza-modules-pg-'));
    database = await createTestDatabase();
    running = await startAssistant(dir, { DATABASE_URL: database.url, PINPUK_MASTER_KEY: Buffer.alloc(32, 7).toString('base64') });
  }, 90_000);
  afterAll(async () => {
    await stop(running);
    await database?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  test('then PGlite, the embedded database, is never loaded', async () => {
    const packages = await running!.packages();
    expect(packages).toEqual(expect.arrayContaining(['pg', 'botbuilder']));
    expect(packages).not.toContain('@electric-sql/pglite');
    expect(packages.filter((name) => name.startsWith('@microsoft/recognizers-text'))).toEqual([]);
  });
});
