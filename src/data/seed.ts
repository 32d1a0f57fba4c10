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

/**
 * Upserts a seed in one transaction. What citizens and agents change through the product is not
 * undone by importing the same file again: a security word is written only where none is set, a
 * block is only ever added, PIN/PUK deleted by their owner are never brought back, an e-mail
 * address or phone changed with Bilgi Güncelle stays, and a certificate's status only moves
 * forward (pending → active → revoked).
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
    const summary: SeedSummary = { citizens: 0, cards: 0, certificates: 0, agents: 0 };
    for (const citizen of seed.citizens) {
      const citizenId = await upsertCitizen(tx, citizen, wordHashes.get(citizen.nationalId) ?? null);
      summary.citizens += 1;
      for (const card of citizen.cards) {
        await upsertCard(tx, citizenId, card, vault);
        summary.cards += 1;
      }
      for (const certificate of citizen.certificates) {
        await upsertCertificate(tx, citizenId, certificate, now);
        summary.certificates += 1;
      }
    }
    for (const agent of seed.agents) {
      await tx.query(
        `INSERT INTO agents (id, name, channel, external_id) VALUES ($1, $2, $3, $4)
         ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, channel = EXCLUDED.channel, external_id = EXCLUDED.external_id`,
        [agent.id, agent.name, agent.channel, agent.externalId],
      );
      summary.agents += 1;
    }
    return summary;
  });
}

async function upsertCitizen(tx: SqlExecutor, citizen: Seed['citizens'][number], wordHash: string | null): Promise<string> {
  const [row] = await tx.query<{ id: string }>(
    `INSERT INTO citizens (id_type, national_id, first_name, last_name, email, phone, security_word_hash, blocked_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, CASE WHEN $8::boolean THEN now() END)
     ON CONFLICT (national_id) DO UPDATE SET
       id_type = EXCLUDED.id_type, first_name = EXCLUDED.first_name, last_name = EXCLUDED.last_name,
       email = CASE WHEN citizens.email_changed_at IS NULL THEN EXCLUDED.email ELSE citizens.email END,
       phone = CASE WHEN citizens.phone_changed_at IS NULL THEN EXCLUDED.phone ELSE citizens.phone END,
       security_word_hash = COALESCE(citizens.security_word_hash, EXCLUDED.security_word_hash),
       blocked_at = COALESCE(citizens.blocked_at, EXCLUDED.blocked_at),
       updated_at = now()
     RETURNING id::text AS id`,
    [citizen.idType, citizen.nationalId, citizen.firstName, citizen.lastName, citizen.email, citizen.phone, wordHash, citizen.blocked],
  );
  return row!.id;
}

async function upsertCard(tx: SqlExecutor, citizenId: string, card: Seed['citizens'][number]['cards'][number], vault: PinPukVault) {
  const [existing] = await tx.query<{ citizen_id: string; pin_puk_deleted_at: Date | null }>(
    'SELECT citizen_id::text AS citizen_id, pin_puk_deleted_at FROM cards WHERE serial = $1',
    [card.serial],
  );
  if (existing && existing.citizen_id !== citizenId) {
    throw new SeedError(`card ${card.serial} already belongs to another citizen`);
  }
  const deleted = card.pinPukDeleted || Boolean(existing?.pin_puk_deleted_at);
  await tx.query(
    `INSERT INTO cards (serial, citizen_id, offline_changed, pin_puk_deleted_at)
     VALUES ($1, $2, $3, CASE WHEN $4::boolean THEN now() END)
     ON CONFLICT (serial) DO UPDATE SET offline_changed = EXCLUDED.offline_changed,
       pin_puk_deleted_at = COALESCE(cards.pin_puk_deleted_at, EXCLUDED.pin_puk_deleted_at)`,
    [card.serial, citizenId, card.offlineChanged, deleted],
  );
  if (deleted) {
    await tx.query('DELETE FROM pin_puk_secrets WHERE card_serial = $1', [card.serial]);
    return;
  }
  const sealed = vault.seal({ pin: card.pin!, puk: card.puk! }, card.serial);
  await tx.query(
    `INSERT INTO pin_puk_secrets (card_serial, wrapped_data_key, ciphertext) VALUES ($1, $2, $3)
     ON CONFLICT (card_serial) DO UPDATE SET wrapped_data_key = EXCLUDED.wrapped_data_key, ciphertext = EXCLUDED.ciphertext`,
    [card.serial, sealed.wrappedDataKey, sealed.ciphertext],
  );
}

async function upsertCertificate(
  tx: SqlExecutor,
  citizenId: string,
  certificate: Seed['citizens'][number]['certificates'][number],
  now: Date,
) {
  const [existing] = await tx.query<{ citizen_id: string }>('SELECT citizen_id::text AS citizen_id FROM certificates WHERE serial = $1', [
    certificate.serial,
  ]);
  if (existing && existing.citizen_id !== citizenId) {
    throw new SeedError(`certificate ${certificate.serial} already belongs to another citizen`);
  }
  await tx.query(
    `INSERT INTO certificates (serial, citizen_id, card_serial, kind, status, published, not_before, not_after)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
     ON CONFLICT (serial) DO UPDATE SET card_serial = EXCLUDED.card_serial, kind = EXCLUDED.kind,
       status = CASE WHEN certificates.status = 'revoked' OR (certificates.status = 'active' AND EXCLUDED.status = 'pending')
                THEN certificates.status ELSE EXCLUDED.status END,
       published = EXCLUDED.published,
       not_before = EXCLUDED.not_before, not_after = EXCLUDED.not_after`,
    [
      certificate.serial,
      citizenId,
      certificate.cardSerial ?? null,
      certificate.type,
      certificate.status,
      certificate.published,
      resolveSeedDate(certificate.notBefore, now),
      resolveSeedDate(certificate.notAfter, now),
    ],
  );
}
