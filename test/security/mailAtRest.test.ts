import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { OutgoingMail } from '../../src/domain/notifications';
import { EmulatorClient } from '../support/emulator';
import { linkIn, submitForm, tokenOf, waitFor } from '../support/resetPage';
import { createTestDatabase, describeWithPostgres, TEST_REDIS_URL } from '../support/services';
import { solveTextChallenge } from '../support/solveChallenge';
import { startTestApp, type TestApp } from '../support/testApp';

const AYSE = '10000000146';
const NEW_WORD = 'Mavi-Kapi-Yesil-Bahce-9';
const READABLE = /guvenlik-sozcugu|Sayın|ayse\.yilmaz|Güncelleme|https?:\/\//;

type OutboxRow = Record<string, unknown> & { sent_at: Date | null };

/** Walks Güvenlik Sözcüğümü Unuttum → Kimlik No → human check in the Emulator. */
async function requestLink(running: TestApp): Promise<void> {
  const client = new EmulatorClient(running.baseUrl);
  await client.start();
  try {
    await client.join();
    await client.say('Güvenlik Sözcüğümü Unuttum');
    const challenge = await client.sayText(AYSE);
    expect(await client.sayText(solveTextChallenge(challenge))).toContain('kayıtlı e-posta adresinize');
  } finally {
    await client.stop();
  }
}

/** Every column of every queued mail, as text: what someone reading the table or a backup sees. */
async function outboxRows(running: TestApp): Promise<{ rows: OutboxRow[]; text: string }> {
  const rows = await running.app.db.query<OutboxRow>('SELECT * FROM mail_outbox ORDER BY id');
  const text = rows
    .map((row) =>
      Object.values(row)
        .map((value) => (Buffer.isBuffer(value) || value instanceof Uint8Array ? Buffer.from(value).toString('latin1') : String(value)))
        .join('|'),
    )
    .join('\n');
  return { rows, text };
}

/** A mail transport that holds every mail until released, so the queued row can be read. */
function heldMailer() {
  const handed: OutgoingMail[] = [];
  const delivered: OutgoingMail[] = [];
  let release!: () => void;
  const gate = new Promise<void>((done) => (release = done));
  return {
    handed,
    delivered,
    release,
    async send(mail: OutgoingMail) {
      handed.push(mail);
      await gate;
      delivered.push(mail);
    },
  };
}

function mailAtRestTests(backend: 'embedded' | 'postgres') {
  let database: { url: string; drop(): Promise<void> } | undefined;
  const env = async (): Promise<Record<string, string>> => {
    if (backend === 'embedded') return {};
    database = await createTestDatabase();
    // With DATABASE_URL no demo citizen is loaded unless named.
    return { DATABASE_URL: database.url, REDIS_URL: TEST_REDIS_URL, SEED_FILE: join(__dirname, '..', '..', 'seed', 'demo.json') };
  };
  afterEach(async () => {
    await database?.drop();
    database = undefined;
  });

  test('when a reset link is queued, then the mail_outbox row holds no token, no link and no readable body; after delivery it holds no body', async () => {
    const mailer = heldMailer();
    const running = await startTestApp(await env(), { mailer });
    try {
      await requestLink(running);
      const handed = await waitFor(() => mailer.handed[0]);
      const link = linkIn(handed.text);
      const token = tokenOf(link);

      const queued = await outboxRows(running);
      expect(queued.rows).toHaveLength(1);
      expect(queued.rows[0]!.sent_at).toBeNull();
      expect(queued.text).not.toContain(token);
      expect(queued.text).not.toMatch(READABLE);
      if (backend === 'embedded') {
        // The database's own files (tables and WAL) do not hold the token either.
        await running.app.db.query('CHECKPOINT');
        expect(filesContaining(join(running.dataDir, 'pgdata'), token)).toEqual([]);
      }

      mailer.release();
      await waitFor(async () => ((await outboxRows(running)).rows[0]!.sent_at ? true : undefined));
      const sent = await outboxRows(running);
      expect(sent.text).not.toContain(token);
      expect(sent.text).not.toMatch(READABLE);
      const [row] = sent.rows;
      expect(row!['body'] ?? '').toBe('');
      expect(row!['sealed'] ?? null).toBeNull();

      expect(mailer.delivered[0]!.to).toBe('ayse.yilmaz@example.org');
      expect((await submitForm(link, NEW_WORD)).status).toBe(200);
    } finally {
      await running.close();
    }
  });
}

/** Files under `dir` whose bytes contain `needle`. */
function filesContaining(dir: string, needle: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath ?? (entry as unknown as { path: string }).path, entry.name);
    if (readFileSync(path).includes(needle)) found.push(path);
  }
  return found;
}

describe('reset-link mail at rest, on the embedded default', () => {
  mailAtRestTests('embedded');

  test('when no transport is configured, then the mail still arrives in the outbox folder with a working link', async () => {
    const running = await startTestApp();
    try {
      await requestLink(running);
      const mailDir = join(running.dataDir, 'outbox', 'mail');
      const file = await waitFor(() => (existsSync(mailDir) ? readdirSync(mailDir).find((name) => name.endsWith('.eml')) : undefined));
      const text = readFileSync(join(mailDir, file), 'utf8')
        .replace(/=\r?\n/g, '')
        .replace(/=3D/g, '=');
      const link = linkIn(text);
      await waitFor(async () => ((await outboxRows(running)).rows[0]!.sent_at ? true : undefined));
      expect((await outboxRows(running)).text).not.toContain(tokenOf(link));
      expect((await submitForm(link, NEW_WORD)).status).toBe(200);
    } finally {
      await running.close();
    }
  });
});

describeWithPostgres()('reset-link mail at rest, on PostgreSQL', () => {
  mailAtRestTests('postgres');
});
