import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { addDays, todayInTurkey } from '../domain/certificates';
import { parseNationalId } from '../domain/identity';
import type { PinPukVault } from '../domain/pinPukVault';
import type { SecurityWordHasher } from '../domain/securityWords';
import type { SqlDatabase, SqlExecutor } from './database';

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date like 2025-01-01')
  .refine((text) => {
    // Checked even when the pattern did not match (zod runs every check): an unreadable date is no date.
    const time = Date.parse(`${text}T00:00:00Z`);
    return Number.isFinite(time) && new Date(time).toISOString().startsWith(text);
  }, 'is not a real date');

/**
 * A certificate's date: a calendar date, or one counted from the day the seed is imported
 * ("today+20", "today-365", "today"), so demo data can hold a certificate that is always about to
 * expire. Resolved in Türkiye's calendar at import (resolveSeedDate).
 */
const seedDate = z.union([isoDate, z.string().regex(/^today([+-]\d{1,5})?$/, 'must be a date like 2025-01-01, or today+N / today-N days')]);

/** A seed date as "YYYY-MM-DD", relative ones counted from `now`'s day in Türkiye. */
export function resolveSeedDate(text: string, now: Date): string {
  const relative = /^today([+-]\d{1,5})?$/.exec(text);
  if (!relative) return text;
  const offset = Number(relative[1] ?? 0);
  return addDays(todayInTurkey(now), offset);
}

const cardSchema = z
  .object({
    serial: z.string().trim().min(1).max(64),
    pin: z
      .string()
      .regex(/^\d{4,8}$/, 'must be 4 to 8 digits')
      .optional(),
    puk: z
      .string()
      .regex(/^\d{8}$/, 'must be 8 digits')
      .optional(),
    pinPukDeleted: z.boolean().default(false),
    offlineChanged: z.boolean().default(false),
  })
  .strict()
  .refine((card) => card.pinPukDeleted || (card.pin !== undefined && card.puk !== undefined), {
    message: 'needs pin and puk unless pinPukDeleted is true',
    path: ['pin'],
  });

const certificateSchema = z
  .object({
    serial: z.string().trim().min(1).max(64),
    cardSerial: z.string().trim().min(1).max(64).optional(),
    type: z.string().trim().min(1).max(32).default('NES'),
    status: z.enum(['pending', 'active', 'revoked']),
    published: z.boolean().default(false),
    notBefore: seedDate,
    notAfter: seedDate,
  })
  .strict();

const citizenSchema = z
  .object({
    idType: z.enum(['tckn', 'passport']),
    nationalId: z.string().trim(),
    firstName: z.string().trim().min(1).max(100),
    lastName: z.string().trim().min(1).max(100),
    email: z.email(),
    phone: z.string().regex(/^\+[1-9]\d{7,14}$/, 'must be an E.164 phone number such as +905321234567'),
    securityWord: z.string().min(8).max(64).optional(),
    blocked: z.boolean().default(false),
    cards: z.array(cardSchema).default([]),
    certificates: z.array(certificateSchema).default([]),
  })
  .strict()
  .superRefine((citizen, context) => {
    const parsed = parseNationalId(citizen.nationalId);
    if (!parsed.ok || parsed.id.type !== citizen.idType || parsed.id.value !== citizen.nationalId) {
      context.addIssue({ code: 'custom', path: ['nationalId'], message: `is not a valid ${citizen.idType}` });
    }
    const cardSerials = new Set(citizen.cards.map((card) => card.serial));
    citizen.certificates.forEach((certificate, index) => {
      if (certificate.cardSerial && !cardSerials.has(certificate.cardSerial)) {
        context.addIssue({ code: 'custom', path: ['certificates', index, 'cardSerial'], message: 'names no card of this citizen' });
      }
    });
  });

const agentSchema = z
  .object({
    id: z.string().trim().min(1).max(64),
    name: z.string().trim().min(1).max(100),
    channel: z.string().trim().min(1).max(32),
    externalId: z.string().trim().min(1).max(200),
  })
  .strict();

export const seedSchema = z
  .object({
    citizens: z.array(citizenSchema).default([]),
    agents: z.array(agentSchema).default([]),
  })
  .strict();

export type Seed = z.infer<typeof seedSchema>;

export class SeedError extends Error {}

/** Reads and validates a seed file; the error names the file and every bad field. */
export function readSeedFile(path: string): Seed {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new SeedError(`Seed file ${path} could not be read as JSON: ${(error as Error).message}`);
  }
  return parseSeed(json, path);
}

export function parseSeed(json: unknown, source = 'seed'): Seed {
  const result = seedSchema.safeParse(json);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `${formatPath(issue.path)}: ${issue.message}`);
    throw new SeedError(`${source} is invalid, nothing was changed:\n  ${problems.join('\n  ')}`);
  }
  const problems = [
    ...duplicates(
      result.data.citizens.map((citizen) => citizen.nationalId),
      'citizens',
      'nationalId',
    ),
    ...duplicates(
      result.data.citizens.flatMap((citizen) => citizen.cards.map((card) => card.serial)),
      'cards',
      'serial',
    ),
    ...duplicates(
      result.data.citizens.flatMap((citizen) => citizen.certificates.map((c) => c.serial)),
      'certificates',
      'serial',
    ),
    ...duplicates(
      result.data.agents.map((agent) => agent.id),
      'agents',
      'id',
    ),
    ...duplicates(
      result.data.agents.map((agent) => `${agent.channel} ${agent.externalId}`),
      'agents',
      'externalId',
    ),
  ];
  if (problems.length > 0) throw new SeedError(`${source} is invalid, nothing was changed:\n  ${problems.join('\n  ')}`);
  return result.data;
}

/** "agents[2].externalId appears twice" for every value seen before in the list. */
function duplicates(values: readonly string[], list: string, field: string): string[] {
  const seen = new Set<string>();
  return values.flatMap((value, index) => {
    if (!seen.has(value)) {
      seen.add(value);
      return [];
    }
    return [`${list}[${index}].${field}: appears twice`];
  });
}

function formatPath(path: readonly PropertyKey[]): string {
  return (
    path.reduce<string>(
      (text, part) => (typeof part === 'number' ? `${text}[${part}]` : text ? `${text}.${String(part)}` : String(part)),
      '',
    ) || '(file)'
  );
}

export type SeedSummary = { citizens: number; cards: number; certificates: number; agents: number };

/** Citizens upserted per statement: a 3,000-citizen file is a few dozen statements, not 18,000. */
const IMPORT_BATCH = 500;

type SeedCitizen = Seed['citizens'][number];

/**
 * Upserts a seed in one transaction. What citizens and agents change through the product is not
 * undone by importing the same file again: a security word is written only where none is set, a
 * block is only ever added, PIN/PUK deleted by their owner are never brought back, an e-mail
 * address or phone changed with Bilgi Güncelle stays, and a certificate's status only moves
 * forward (pending → active → revoked).
 *
 * Citizens go in batches, each table one statement per batch (`unnest` of one array per column):
 * row by row, a 3,000-citizen file took 18,000 statements (the seed CLI on PostgreSQL: 6.3–6.9 s,
 * now 1.7–1.9 s).
 */
export async function importSeed(
  db: SqlDatabase,
  seed: Seed,
  vault: PinPukVault,
  hasher: SecurityWordHasher,
  /** The day relative dates ("today+20") count from. */
  now: Date = new Date(),
): Promise<SeedSummary> {
  const wordHashes = new Map<string, string>();
  for (const citizen of seed.citizens) {
    if (citizen.securityWord) wordHashes.set(citizen.nationalId, await hasher.hash(citizen.securityWord));
  }
  return db.transaction(async (tx) => {
    for (let first = 0; first < seed.citizens.length; first += IMPORT_BATCH) {
      const batch = seed.citizens.slice(first, first + IMPORT_BATCH);
      const citizenIds = await upsertCitizens(tx, batch, wordHashes);
      await refuseTakenSerials(tx, batch, citizenIds);
      await upsertCards(tx, batch, citizenIds, vault);
      await upsertCertificates(tx, batch, citizenIds, now);
    }
    for (const agent of seed.agents) {
      await tx.query(
        `INSERT INTO agents (id, name, channel, external_id) VALUES ($1, $2, $3, $4)
         ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, channel = EXCLUDED.channel, external_id = EXCLUDED.external_id`,
        [agent.id, agent.name, agent.channel, agent.externalId],
      );
    }
    return {
      citizens: seed.citizens.length,
      cards: seed.citizens.reduce((count, citizen) => count + citizen.cards.length, 0),
      certificates: seed.citizens.reduce((count, citizen) => count + citizen.certificates.length, 0),
      agents: seed.agents.length,
    };
  });
}

/** Upserts the batch's citizens; their row ids by national ID. */
async function upsertCitizens(
  tx: SqlExecutor,
  batch: readonly SeedCitizen[],
  wordHashes: ReadonlyMap<string, string>,
): Promise<Map<string, string>> {
  const rows = await tx.query<{ national_id: string; id: string }>(
    `INSERT INTO citizens (id_type, national_id, first_name, last_name, email, phone, security_word_hash, blocked_at)
     SELECT id_type, national_id, first_name, last_name, email, phone, word_hash, CASE WHEN blocked THEN now() END
     FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::boolean[])
       AS seed (id_type, national_id, first_name, last_name, email, phone, word_hash, blocked)
     ON CONFLICT (national_id) DO UPDATE SET
       id_type = EXCLUDED.id_type, first_name = EXCLUDED.first_name, last_name = EXCLUDED.last_name,
       email = CASE WHEN citizens.email_changed_at IS NULL THEN EXCLUDED.email ELSE citizens.email END,
       phone = CASE WHEN citizens.phone_changed_at IS NULL THEN EXCLUDED.phone ELSE citizens.phone END,
       security_word_hash = COALESCE(citizens.security_word_hash, EXCLUDED.security_word_hash),
       blocked_at = COALESCE(citizens.blocked_at, EXCLUDED.blocked_at),
       updated_at = now()
     RETURNING national_id, id::text AS id`,
    [
      batch.map((citizen) => citizen.idType),
      batch.map((citizen) => citizen.nationalId),
      batch.map((citizen) => citizen.firstName),
      batch.map((citizen) => citizen.lastName),
      batch.map((citizen) => citizen.email),
      batch.map((citizen) => citizen.phone),
      batch.map((citizen) => wordHashes.get(citizen.nationalId) ?? null),
      batch.map((citizen) => citizen.blocked),
    ],
  );
  return new Map(rows.map((row) => [row.national_id, row.id]));
}

/**
 * A card or certificate of the file that is stored for another citizen stops the import, named in
 * the file's order (a citizen's cards before its certificates), before the batch's cards and
 * certificates are written; the transaction undoes the rest.
 */
async function refuseTakenSerials(tx: SqlExecutor, batch: readonly SeedCitizen[], citizenIds: ReadonlyMap<string, string>) {
  const owners = async (table: 'cards' | 'certificates', serials: string[]) =>
    new Map(
      (
        await tx.query<{ serial: string; citizen_id: string }>(
          `SELECT serial, citizen_id::text AS citizen_id FROM ${table} WHERE serial = ANY($1::text[])`,
          [serials],
        )
      ).map((row) => [row.serial, row.citizen_id]),
    );
  const cardOwners = await owners(
    'cards',
    batch.flatMap((citizen) => citizen.cards.map((card) => card.serial)),
  );
  const certificateOwners = await owners(
    'certificates',
    batch.flatMap((citizen) => citizen.certificates.map((certificate) => certificate.serial)),
  );
  for (const citizen of batch) {
    const citizenId = citizenIds.get(citizen.nationalId);
    const card = citizen.cards.find((card) => (cardOwners.get(card.serial) ?? citizenId) !== citizenId);
    if (card) throw new SeedError(`card ${card.serial} already belongs to another citizen`);
    const certificate = citizen.certificates.find((certificate) => (certificateOwners.get(certificate.serial) ?? citizenId) !== citizenId);
    if (certificate) throw new SeedError(`certificate ${certificate.serial} already belongs to another citizen`);
  }
}

/**
 * Upserts the batch's cards. A card marked pinPukDeleted in the file, or whose PIN/PUK its owner
 * deleted, has no sealed values: they are destroyed if there were any, and never sealed again.
 */
async function upsertCards(tx: SqlExecutor, batch: readonly SeedCitizen[], citizenIds: ReadonlyMap<string, string>, vault: PinPukVault) {
  const cards = batch.flatMap((citizen) => citizen.cards.map((card) => ({ card, citizenId: citizenIds.get(citizen.nationalId)! })));
  if (cards.length === 0) return;
  const stored = await tx.query<{ serial: string; deleted: boolean }>(
    `INSERT INTO cards (serial, citizen_id, offline_changed, pin_puk_deleted_at)
     SELECT serial, citizen_id, offline_changed, CASE WHEN deleted THEN now() END
     FROM unnest($1::text[], $2::bigint[], $3::boolean[], $4::boolean[]) AS seed (serial, citizen_id, offline_changed, deleted)
     ON CONFLICT (serial) DO UPDATE SET offline_changed = EXCLUDED.offline_changed,
       pin_puk_deleted_at = COALESCE(cards.pin_puk_deleted_at, EXCLUDED.pin_puk_deleted_at)
     RETURNING serial, pin_puk_deleted_at IS NOT NULL AS deleted`,
    [
      cards.map(({ card }) => card.serial),
      cards.map(({ citizenId }) => citizenId),
      cards.map(({ card }) => card.offlineChanged),
      cards.map(({ card }) => card.pinPukDeleted),
    ],
  );
  const deleted = new Set(stored.filter((row) => row.deleted).map((row) => row.serial));
  if (deleted.size > 0) await tx.query('DELETE FROM pin_puk_secrets WHERE card_serial = ANY($1::text[])', [[...deleted]]);
  const kept = cards.filter(({ card }) => !deleted.has(card.serial));
  if (kept.length === 0) return;
  const sealed = kept.map(({ card }) => vault.seal({ pin: card.pin!, puk: card.puk! }, card.serial));
  await tx.query(
    `INSERT INTO pin_puk_secrets (card_serial, wrapped_data_key, ciphertext)
     SELECT serial, decode(wrapped_data_key, 'hex'), decode(ciphertext, 'hex')
     FROM unnest($1::text[], $2::text[], $3::text[]) AS seed (serial, wrapped_data_key, ciphertext)
     ON CONFLICT (card_serial) DO UPDATE SET wrapped_data_key = EXCLUDED.wrapped_data_key, ciphertext = EXCLUDED.ciphertext`,
    [
      kept.map(({ card }) => card.serial),
      sealed.map((values) => values.wrappedDataKey.toString('hex')),
      sealed.map((values) => values.ciphertext.toString('hex')),
    ],
  );
}

async function upsertCertificates(tx: SqlExecutor, batch: readonly SeedCitizen[], citizenIds: ReadonlyMap<string, string>, now: Date) {
  const certificates = batch.flatMap((citizen) =>
    citizen.certificates.map((certificate) => ({ certificate, citizenId: citizenIds.get(citizen.nationalId)! })),
  );
  if (certificates.length === 0) return;
  await tx.query(
    `INSERT INTO certificates (serial, citizen_id, card_serial, kind, status, published, not_before, not_after)
     SELECT * FROM unnest($1::text[], $2::bigint[], $3::text[], $4::text[], $5::text[], $6::boolean[], $7::date[], $8::date[])
     ON CONFLICT (serial) DO UPDATE SET card_serial = EXCLUDED.card_serial, kind = EXCLUDED.kind,
       status = CASE WHEN certificates.status = 'revoked' OR (certificates.status = 'active' AND EXCLUDED.status = 'pending')
                THEN certificates.status ELSE EXCLUDED.status END,
       published = EXCLUDED.published,
       not_before = EXCLUDED.not_before, not_after = EXCLUDED.not_after`,
    [
      certificates.map(({ certificate }) => certificate.serial),
      certificates.map(({ citizenId }) => citizenId),
      certificates.map(({ certificate }) => certificate.cardSerial ?? null),
      certificates.map(({ certificate }) => certificate.type),
      certificates.map(({ certificate }) => certificate.status),
      certificates.map(({ certificate }) => certificate.published),
      certificates.map(({ certificate }) => resolveSeedDate(certificate.notBefore, now)),
      certificates.map(({ certificate }) => resolveSeedDate(certificate.notAfter, now)),
    ],
  );
}
