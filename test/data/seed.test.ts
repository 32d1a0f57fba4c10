import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tcknFrom } from '../../bench/lib/citizens';
import { openPglite } from '../../src/data/pglite';
import { importSeed, parseSeed, readSeedFile, SeedError } from '../../src/data/seed';
import type { SqlExecutor } from '../../src/data/database';
import { startTestApp, type TestApp } from '../support/testApp';
import { createTestDatabase, describeWithPostgres } from '../support/services';

const ROOT = join(__dirname, '..', '..');
const TABLES = ['citizens', 'cards', 'certificates', 'pin_puk_secrets', 'agents'] as const;

/**
 * A T.C. Kimlik Numarası with valid check digits after the 9 given digits, by the public rule
 * (10th = (7·odd − even) mod 10, 11th = sum of the first ten mod 10).
 */
function tckn(first9: string): string {
  const d = [...first9].map(Number);
  const odd = d[0]! + d[2]! + d[4]! + d[6]! + d[8]!;
  const even = d[1]! + d[3]! + d[5]! + d[7]!;
  const tenth = (((odd * 7 - even) % 10) + 10) % 10;
  const eleventh = (d.reduce((sum, digit) => sum + digit, 0) + tenth) % 10;
  return `${first9}${tenth}${eleventh}`;
}

let seedNumber = 0;

type SeedJson = { citizens: Record<string, unknown>[]; agents?: Record<string, unknown>[] };
type Fixture = { seed: SeedJson; ali: string; elif: string; card: (n: number) => string };

/** A valid seed of two new citizens (3 cards, 2 certificates) and an agent, unique to each call. */
function validSeed(): Fixture {
  const n = ++seedNumber;
  const ali = tckn(String(300_000_000 + n * 2));
  const elif = tckn(String(300_000_000 + n * 2 + 1));
  const card = (k: number) => `TST${n}-CARD-${k}`;
  const seed: SeedJson = {
    citizens: [
      {
        idType: 'tckn',
        nationalId: ali,
        firstName: 'Ali',
        lastName: 'Veli',
        email: 'ali.veli@example.org',
        phone: '+905551112233',
        securityWord: 'Kirmizi.Elma.58',
        cards: [{ serial: card(1), pin: '918273', puk: '64519283' }],
        certificates: [
          {
            serial: `TST${n}-NES-1`,
            cardSerial: card(1),
            status: 'active',
            published: true,
            notBefore: '2025-01-01',
            notAfter: '2028-01-01',
          },
        ],
      },
      {
        idType: 'tckn',
        nationalId: elif,
        firstName: 'Elif',
        lastName: 'Şahin',
        email: 'elif.sahin@example.org',
        phone: '+905552223344',
        cards: [
          { serial: card(2), pin: '273645', puk: '19283746' },
          { serial: card(3), pinPukDeleted: true },
        ],
        certificates: [
          { serial: `TST${n}-NES-2`, cardSerial: card(2), status: 'pending', notBefore: '2026-01-01', notAfter: '2029-01-01' },
        ],
      },
    ],
    agents: [{ id: `agent-test-${n}`, name: 'Test Agent', channel: 'msteams', externalId: `aad-test-${n}` }],
  };
  return { seed, ali, elif, card };
}

async function counts(db: SqlExecutor): Promise<Record<string, number>> {
  const result: Record<string, number> = {};
  for (const table of TABLES) {
    const [row] = await db.query<{ count: number }>(`SELECT count(*)::int AS count FROM ${table}`);
    result[table] = row!.count;
  }
  return result;
}

/** Every row of every seeded table, as comparable text, to prove that nothing at all changed. */
async function snapshot(db: SqlExecutor): Promise<string> {
  const parts: string[] = [];
  for (const table of TABLES) {
    const rows = await db.query(`SELECT * FROM ${table} ORDER BY 1`);
    parts.push(JSON.stringify(rows, (_key, value: unknown) => (value instanceof Uint8Array ? Buffer.from(value).toString('hex') : value)));
  }
  return parts.join('\n');
}

/** A column value as every text a plaintext PIN could hide in. */
function asTexts(value: unknown): string[] {
  if (value instanceof Uint8Array) {
    const buffer = Buffer.from(value);
    return [buffer.toString('latin1'), buffer.toString('utf8'), buffer.toString('hex'), buffer.toString('base64')];
  }
  return [String(value)];
}

/** The import's tests, on a store of its own: the embedded default, or a PostgreSQL database of the suite's own. */
const seedImport = (startStore: () => Promise<{ app: TestApp; drop?: () => Promise<void> }>) => () => {
  let running: TestApp;
  let folder: string;
  let fileCounter = 0;

  const writeSeed = (json: unknown): string => {
    const file = join(folder, `seed-${++fileCounter}.json`);
    writeFileSync(file, typeof json === 'string' ? json : JSON.stringify(json, null, 2));
    return file;
  };
  const importFile = async (file: string) => importSeed(running.app.db, readSeedFile(file), running.app.vault, running.app.hasher);
  const cards = (seed: SeedJson, citizen: number) => seed.citizens[citizen]!['cards'] as Record<string, unknown>[];
  const certificates = (seed: SeedJson, citizen: number) => seed.citizens[citizen]!['certificates'] as Record<string, unknown>[];

  let drop: (() => Promise<void>) | undefined;

  beforeAll(async () => {
    ({ app: running, drop } = await startStore());
    folder = mkdtempSync(join(tmpdir(), 'eimza-seed-'));
  });
  afterAll(async () => {
    await running.close();
    await drop?.();
    rmSync(folder, { recursive: true, force: true });
  });

  test('when a valid file is imported, then its citizens, cards, certificates and agents are upserted and counted', async () => {
    const { seed, ali, card } = validSeed();
    const before = await counts(running.app.db);
    const summary = await importFile(writeSeed(seed));
    expect(summary).toEqual({ citizens: 2, cards: 3, certificates: 2, agents: 1 });
    const after = await counts(running.app.db);
    expect(after).toEqual({
      citizens: before['citizens']! + 2,
      cards: before['cards']! + 3,
      certificates: before['certificates']! + 2,
      pin_puk_secrets: before['pin_puk_secrets']! + 2,
      agents: before['agents']! + 1,
    });
    const [row] = await running.app.db.query<Record<string, unknown>>('SELECT * FROM citizens WHERE national_id = $1', [ali]);
    expect(row).toMatchObject({
      id_type: 'tckn',
      first_name: 'Ali',
      last_name: 'Veli',
      email: 'ali.veli@example.org',
      phone: '+905551112233',
      failed_attempts: 0,
      blocked_at: null,
    });
    const stored = await running.app.db.query<Record<string, unknown>>(
      'SELECT card_serial, status, published FROM certificates WHERE card_serial IN ($1, $2) ORDER BY serial',
      [card(1), card(2)],
    );
    expect(stored).toEqual([
      { card_serial: card(1), status: 'active', published: true },
      { card_serial: card(2), status: 'pending', published: false },
    ]);
  });

  test('when the same file is imported twice, then the row counts stay the same', async () => {
    const file = writeSeed(validSeed().seed);
    await importFile(file);
    const once = await counts(running.app.db);
    await importFile(file);
    expect(await counts(running.app.db)).toEqual(once);
  });

  test("when a citizen's name changes in the file, then importing again updates that row instead of adding one", async () => {
    const { seed, ali } = validSeed();
    await importFile(writeSeed(seed));
    const once = await counts(running.app.db);
    seed.citizens[0]!['lastName'] = 'Veli-Yıldız';
    seed.citizens[0]!['email'] = 'ali.yildiz@example.org';
    await importFile(writeSeed(seed));
    expect(await counts(running.app.db)).toEqual(once);
    const [row] = await running.app.db.query<{ last_name: string; email: string }>(
      'SELECT last_name, email FROM citizens WHERE national_id = $1',
      [ali],
    );
    expect(row).toEqual({ last_name: 'Veli-Yıldız', email: 'ali.yildiz@example.org' });
  });

  const badFiles: [string, string, (seed: SeedJson) => void][] = [
    [
      'citizens[1].email is invalid',
      'citizens[1].email',
      (seed) => {
        seed.citizens[1]!['email'] = 'not-an-email';
      },
    ],
    [
      'citizens[1].nationalId has a bad checksum',
      'citizens[1].nationalId',
      (seed) => {
        const id = seed.citizens[1]!['nationalId'] as string;
        seed.citizens[1]!['nationalId'] = id.slice(0, 10) + String((Number(id[10]) + 1) % 10);
      },
    ],
    [
      'a certificate names an unknown card',
      'citizens[1].certificates[0].cardSerial',
      (seed) => {
        certificates(seed, 1)[0]!['cardSerial'] = 'NO-SUCH-CARD';
      },
    ],
    [
      'a PIN is not digits',
      'citizens[1].cards[0].pin',
      (seed) => {
        cards(seed, 1)[0]!['pin'] = '12ab56';
      },
    ],
    [
      'a card has neither PIN/PUK nor pinPukDeleted',
      'citizens[1].cards[0]',
      (seed) => {
        cards(seed, 1)[0] = { serial: cards(seed, 1)[0]!['serial'] };
      },
    ],
    [
      'a certificate status is unknown',
      'citizens[1].certificates[0].status',
      (seed) => {
        certificates(seed, 1)[0]!['status'] = 'suspended';
      },
    ],
    [
      'a certificate date is neither a date nor a day counted from today',
      'citizens[1].certificates[0].notAfter',
      (seed) => {
        certificates(seed, 1)[0]!['notAfter'] = 'tomorrow';
      },
    ],
    [
      'a certificate date is no date at all (checked without a crash)',
      'citizens[1].certificates[0].notBefore',
      (seed) => {
        certificates(seed, 1)[0]!['notBefore'] = 'not-a-date';
      },
    ],
    [
      'the phone is not E.164',
      'citizens[1].phone',
      (seed) => {
        seed.citizens[1]!['phone'] = '0532 111 22 33';
      },
    ],
    [
      'idType does not match the ID',
      'citizens[1].nationalId',
      (seed) => {
        seed.citizens[1]!['idType'] = 'passport';
      },
    ],
    [
      'an agent has no id',
      'agents[0].id',
      (seed) => {
        seed.agents![0]!['id'] = '';
      },
    ],
    [
      'a field is misspelled',
      'citizens[1]',
      (seed) => {
        seed.citizens[1]!['emial'] = 'x@example.org';
      },
    ],
  ];

  test.each(badFiles)('when %s, then a SeedError names %s and nothing is changed', async (_name, path, spoil) => {
    const { seed, ali } = validSeed();
    const before = await snapshot(running.app.db);
    spoil(seed);
    let error: unknown;
    await importFile(writeSeed(seed)).catch((caught: unknown) => (error = caught));
    expect(error).toBeInstanceOf(SeedError);
    expect((error as Error).message).toContain(path);
    expect(await snapshot(running.app.db)).toEqual(before);
    expect(await running.app.db.query('SELECT 1 FROM citizens WHERE national_id = $1', [ali])).toHaveLength(0);
  });

  test('when a certificate date matches the pattern but does not exist (2025-02-30), then a SeedError names it and nothing is changed', async () => {
    const { seed } = validSeed();
    certificates(seed, 1)[0]!['notBefore'] = '2025-02-30';
    const before = await snapshot(running.app.db);
    let error: unknown;
    await importFile(writeSeed(seed)).catch((caught: unknown) => (error = caught));
    expect(await snapshot(running.app.db)).toEqual(before);
    expect(error).toBeInstanceOf(SeedError);
    expect((error as Error).message).toContain('citizens[1].certificates[0].notBefore');
  });

  test.each<[string, string, string]>([
    ['today+20', '2026-12-01T21:30:00Z', '2026-12-22'],
    ['today-365', '2026-12-01T09:00:00Z', '2025-12-01'],
    ['today', '2026-12-31T22:00:00Z', '2027-01-01'],
  ])(
    'when a certificate date is %s and the file is imported at %s, then it is stored as %s (the day in Türkiye)',
    async (relative, importedAt, stored) => {
      const { seed } = validSeed();
      certificates(seed, 1)[0]!['notAfter'] = relative;
      const serial = certificates(seed, 1)[0]!['serial'] as string;
      await importSeed(running.app.db, readSeedFile(writeSeed(seed)), running.app.vault, running.app.hasher, new Date(importedAt));
      const [row] = await running.app.db.query<{ not_after: string }>(
        "SELECT to_char(not_after, 'YYYY-MM-DD') AS not_after FROM certificates WHERE serial = $1",
        [serial],
      );
      expect(row?.not_after).toBe(stored);
    },
  );

  test('when two agents share one channel identity, then a SeedError names the second agent and nothing is changed', async () => {
    const { seed } = validSeed();
    seed.agents!.push({ ...seed.agents![0]!, id: `${String(seed.agents![0]!['id'])}-twin` });
    const before = await snapshot(running.app.db);
    let error: unknown;
    await importFile(writeSeed(seed)).catch((caught: unknown) => (error = caught));
    expect(await snapshot(running.app.db)).toEqual(before);
    expect(error).toBeInstanceOf(SeedError);
    expect((error as Error).message).toContain('agents[1]');
  });

  test('when a file is not JSON, then a SeedError says so and nothing is changed', async () => {
    const before = await snapshot(running.app.db);
    await expect(importFile(writeSeed('{ "citizens": [ '))).rejects.toThrow(SeedError);
    expect(await snapshot(running.app.db)).toEqual(before);
  });

  test('when the same ID appears twice, then a SeedError names the second one', () => {
    const { seed, ali } = validSeed();
    seed.citizens[1]!['nationalId'] = ali;
    expect(() => parseSeed(seed)).toThrow(/citizens\[1\]\.nationalId/);
  });

  test("when the second citizen claims another citizen's card, then the first (valid) citizen is not written either", async () => {
    const { seed } = validSeed();
    const before = await snapshot(running.app.db);
    // KSM0000001 is Ayşe's card in the demo seed: this fails inside the transaction, after citizens[0] was written.
    cards(seed, 1)[0]!['serial'] = 'KSM0000001';
    certificates(seed, 1)[0]!['cardSerial'] = 'KSM0000001';
    await expect(importFile(writeSeed(seed))).rejects.toThrow(SeedError);
    expect(await snapshot(running.app.db)).toEqual(before);
  });

  test("when a file holds more citizens than one statement takes (1,201), then every one is stored, and a later file whose last citizen claims the first one's card is refused whole", async () => {
    const run = ++fileCounter;
    const many = Array.from({ length: 1_201 }, (_, index) => ({
      idType: 'tckn',
      nationalId: tcknFrom(400_000_000 + run * 10_000 + index),
      firstName: 'Toplu',
      lastName: `Vatandaş ${index}`,
      email: `toplu.${run}.${index}@example.org`,
      phone: `+90554${String(index).padStart(7, '0')}`,
      cards: [{ serial: `BULK${run}-${index}`, pin: String(100_000 + index), puk: String(20_000_000 + index) }],
      certificates: [
        {
          serial: `BULK${run}-NES-${index}`,
          cardSerial: `BULK${run}-${index}`,
          status: 'active',
          notBefore: '2025-01-01',
          notAfter: 'today+30',
        },
      ],
    }));
    const before = await counts(running.app.db);
    expect(await importFile(writeSeed({ citizens: many }))).toEqual({ citizens: 1_201, cards: 1_201, certificates: 1_201, agents: 0 });
    const after = await counts(running.app.db);
    for (const table of ['citizens', 'cards', 'certificates', 'pin_puk_secrets']) expect(after[table]! - before[table]!).toBe(1_201);
    const [last] = await running.app.db.query<{ first_name: string; wrapped_data_key: Uint8Array; ciphertext: Uint8Array; cert: string }>(
      `SELECT citizens.first_name, secrets.wrapped_data_key, secrets.ciphertext, certificates.serial AS cert
       FROM citizens JOIN cards ON cards.citizen_id = citizens.id JOIN pin_puk_secrets secrets ON secrets.card_serial = cards.serial
       JOIN certificates ON certificates.card_serial = cards.serial AND certificates.citizen_id = citizens.id
       WHERE citizens.national_id = $1`,
      [many[1_200]!.nationalId],
    );
    expect(last!.cert).toBe(`BULK${run}-NES-1200`);
    const serial = `BULK${run}-1200`;
    expect(
      running.app.vault.open({ wrappedDataKey: Buffer.from(last!.wrapped_data_key), ciphertext: Buffer.from(last!.ciphertext) }, serial),
    ).toEqual({ pin: '101200', puk: '20001200' });

    const stored = await snapshot(running.app.db);
    const taken = structuredClone(many.slice(600));
    taken[600]!.cards.push({ serial: `BULK${run}-0`, pin: '123456', puk: '12345678' });
    await expect(importFile(writeSeed({ citizens: taken }))).rejects.toThrow(`card BULK${run}-0 already belongs to another citizen`);
    expect(await snapshot(running.app.db)).toBe(stored);
  });

  test('when PIN and PUK are imported, then no column holds them in plain text and the vault opens them again', async () => {
    const { seed, card } = validSeed();
    await importFile(writeSeed(seed));
    const rows = await running.app.db.query<Record<string, unknown>>('SELECT * FROM pin_puk_secrets WHERE card_serial IN ($1, $2, $3)', [
      card(1),
      card(2),
      card(3),
    ]);
    expect(rows.map((row) => row['card_serial']).sort()).toEqual([card(1), card(2)]);
    for (const secret of ['918273', '64519283', '273645', '19283746']) {
      for (const table of ['pin_puk_secrets', 'cards', 'citizens', 'certificates', 'audit_log']) {
        for (const row of await running.app.db.query<Record<string, unknown>>(`SELECT * FROM ${table}`)) {
          for (const value of Object.values(row)) {
            for (const text of asTexts(value)) expect(text).not.toContain(secret);
          }
        }
      }
    }
    const open = (serial: string) => {
      const row = rows.find((candidate) => candidate['card_serial'] === serial)!;
      return running.app.vault.open(
        { wrappedDataKey: Buffer.from(row['wrapped_data_key'] as Uint8Array), ciphertext: Buffer.from(row['ciphertext'] as Uint8Array) },
        serial,
      );
    };
    expect(open(card(1))).toEqual({ pin: '918273', puk: '64519283' });
    expect(open(card(2))).toEqual({ pin: '273645', puk: '19283746' });
  });

  test("when one card's sealed values are moved to another card, then the vault refuses to open them", async () => {
    const { seed, card } = validSeed();
    await importFile(writeSeed(seed));
    const [row] = await running.app.db.query<Record<string, Uint8Array>>(
      'SELECT wrapped_data_key, ciphertext FROM pin_puk_secrets WHERE card_serial = $1',
      [card(1)],
    );
    expect(() =>
      running.app.vault.open(
        { wrappedDataKey: Buffer.from(row!['wrapped_data_key']!), ciphertext: Buffer.from(row!['ciphertext']!) },
        card(2),
      ),
    ).toThrow();
  });

  test('when a card is marked pinPukDeleted, then it has no pin_puk_secrets row and its deletion time is set', async () => {
    const { seed, card } = validSeed();
    await importFile(writeSeed(seed));
    expect(await running.app.db.query('SELECT 1 FROM pin_puk_secrets WHERE card_serial = $1', [card(3)])).toHaveLength(0);
    const [row] = await running.app.db.query<{ pin_puk_deleted_at: unknown }>('SELECT pin_puk_deleted_at FROM cards WHERE serial = $1', [
      card(3),
    ]);
    expect(row!.pin_puk_deleted_at).not.toBeNull();
  });

  test('when a re-import marks a card pinPukDeleted, then its stored values are destroyed, and a later import does not bring them back', async () => {
    const { seed, card } = validSeed();
    const original = writeSeed(seed);
    await importFile(original);
    expect(await running.app.db.query('SELECT 1 FROM pin_puk_secrets WHERE card_serial = $1', [card(1)])).toHaveLength(1);
    cards(seed, 0)[0] = { serial: card(1), pinPukDeleted: true };
    await importFile(writeSeed(seed));
    expect(await running.app.db.query('SELECT 1 FROM pin_puk_secrets WHERE card_serial = $1', [card(1)])).toHaveLength(0);
    await importFile(original);
    expect(await running.app.db.query('SELECT 1 FROM pin_puk_secrets WHERE card_serial = $1', [card(1)])).toHaveLength(0);
  });

  test('when a security word is imported, then only its argon2id hash is stored and it verifies', async () => {
    const { seed, ali, elif } = validSeed();
    await importFile(writeSeed(seed));
    const [aliRow] = await running.app.db.query<{ security_word_hash: string }>(
      'SELECT security_word_hash FROM citizens WHERE national_id = $1',
      [ali],
    );
    expect(aliRow!.security_word_hash.startsWith('$argon2id$')).toBe(true);
    expect(aliRow!.security_word_hash).not.toContain('Kirmizi');
    expect(await running.app.hasher.verify(aliRow!.security_word_hash, 'Kirmizi.Elma.58')).toBe(true);
    expect(await running.app.hasher.verify(aliRow!.security_word_hash, 'Kirmizi.Elma.59')).toBe(false);
    const [elifRow] = await running.app.db.query<{ security_word_hash: string | null }>(
      'SELECT security_word_hash FROM citizens WHERE national_id = $1',
      [elif],
    );
    expect(elifRow!.security_word_hash).toBeNull();
  });

  test('when the demo seed is loaded (on PostgreSQL: as its SEED_FILE at start), then Ayşe\'s word is an argon2id hash of "Lale.Bahce.42" and Zeynep is blocked', async () => {
    const [ayse] = await running.app.db.query<{ security_word_hash: string }>(
      'SELECT security_word_hash FROM citizens WHERE national_id = $1',
      ['10000000146'],
    );
    expect(ayse!.security_word_hash.startsWith('$argon2id$')).toBe(true);
    expect(await running.app.hasher.verify(ayse!.security_word_hash, 'Lale.Bahce.42')).toBe(true);
    const [zeynep] = await running.app.db.query<{ blocked_at: unknown }>('SELECT blocked_at FROM citizens WHERE national_id = $1', [
      '10000000382',
    ]);
    expect(zeynep!.blocked_at).not.toBeNull();
  });
};

describe(
  'the seed import on PGlite',
  seedImport(async () => ({ app: await startTestApp() })),
);

describeWithPostgres()(
  'the seed import on PostgreSQL',
  seedImport(async () => {
    const database = await createTestDatabase();
    // PostgreSQL gets no demo citizens by itself; its SEED_FILE brings them, imported at start.
    return {
      app: await startTestApp({ DATABASE_URL: database.url, SEED_FILE: join(__dirname, '..', '..', 'seed', 'demo.json') }),
      drop: database.drop,
    };
  }),
);

describe('npm run seed -- FILE', () => {
  let folder: string;
  let dataDir: string;

  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'eimza-seedcli-'));
    dataDir = join(folder, 'data');
  });
  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  const runSeed = (file: string) => {
    const env: Record<string, string> = {};
    for (const [name, value] of Object.entries(process.env)) {
      if (value !== undefined && !/^(DATABASE_URL|REDIS_URL|SMTP_URL|SEED_FILE|PINPUK_MASTER_KEY|NODE_ENV|PORT)$/.test(name))
        env[name] = value;
    }
    return spawnSync('npm', ['run', '--silent', 'seed', '--', file], {
      cwd: ROOT,
      env: { ...env, DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
      encoding: 'utf8',
      timeout: 120_000,
    });
  };

  test("when the file is valid, then it exits 0, prints the counts and the rows are in DATA_DIR's database", async () => {
    const file = join(folder, 'small.json');
    const { seed } = validSeed();
    seed.citizens = seed.citizens.slice(0, 1);
    writeFileSync(file, JSON.stringify(seed));
    const result = runSeed(file);
    expect(result.error).toBeUndefined();
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/"citizens":\s*1/);
    expect(result.stdout).toMatch(/"cards":\s*1/);
    expect(result.stdout).toMatch(/"certificates":\s*1/);
    expect(result.stdout).toMatch(/"agents":\s*1/);

    const db = await openPglite(join(dataDir, 'pgdata'));
    try {
      // Only the file's citizens: the seed command does not load the demo citizens.
      expect(await counts(db)).toEqual({ citizens: 1, cards: 1, certificates: 1, pin_puk_secrets: 1, agents: 1 });
    } finally {
      await db.close();
    }
  }, 120_000);

  test('when the file is invalid, then it exits non-zero and stderr names the bad field', () => {
    const file = join(folder, 'bad.json');
    const { seed } = validSeed();
    seed.citizens[1]!['email'] = 'not-an-email';
    writeFileSync(file, JSON.stringify(seed));
    const result = runSeed(file);
    expect(result.error).toBeUndefined();
    expect(result.status).not.toBe(0);
    expect(result.status).not.toBeNull();
    expect(result.stderr).toContain('citizens[1].email');
    expect(result.stdout).not.toContain('Imported');
  }, 120_000);
});
