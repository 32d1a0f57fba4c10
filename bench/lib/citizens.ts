import { writeFileSync } from 'node:fs';
import { hasValidTcknCheckDigits } from '../../src/domain/identity';

/** A synthetic citizen of the bench's seed file, with what the load generator needs to walk its journey. */
export type BenchCitizen = {
  id: string;
  email: string;
  phone: string;
  card: string;
  /** The word set through the reset page (journey), or the seeded word (login burst). */
  word: string;
};

/** A T.C. Kimlik Numarası whose two check digits are right, made from a 9-digit stem (first digit not 0). */
export function tcknFrom(stem: number): string {
  const head = String(stem).padStart(9, '0');
  if (head.length !== 9 || head[0] === '0') throw new Error(`bad TCKN stem ${stem}`);
  const d = [...head].map(Number);
  const odd = d[0]! + d[2]! + d[4]! + d[6]! + d[8]!;
  const even = d[1]! + d[3]! + d[5]! + d[7]!;
  const tenth = (((odd * 7 - even) % 10) + 10) % 10;
  const eleventh = (d.reduce((sum, digit) => sum + digit, 0) + tenth) % 10;
  const id = `${head}${tenth}${eleventh}`;
  if (!hasValidTcknCheckDigits(id)) throw new Error(`generated an invalid TCKN ${id}`);
  return id;
}

/**
 * `journeyCount` citizens with no security word (the journey sets one through the reset link, so
 * importing them hashes nothing), and `burstCount` with a seeded word for the login burst.
 */
export function makeCitizens(journeyCount: number, burstCount: number): { journey: BenchCitizen[]; burst: BenchCitizen[] } {
  const make = (index: number, word: string): BenchCitizen => ({
    id: tcknFrom(300_000_000 + index * 7),
    email: `bench.citizen.${index}@example.org`,
    phone: `+90555${String(index).padStart(7, '0')}`,
    card: `BENCH${String(index).padStart(7, '0')}`,
    word,
  });
  const journey = Array.from({ length: journeyCount }, (_, i) => make(i, `Yeni-Sozcuk-${i}-Kx`));
  const burst = Array.from({ length: burstCount }, (_, i) => make(journeyCount + i, `Eski-Sozcuk-${i}-Qz`));
  return { journey, burst };
}

/** Writes the seed file (SPEC §6 format) for both groups. */
export function writeSeed(file: string, groups: { journey: BenchCitizen[]; burst: BenchCitizen[] }): void {
  const entry = (citizen: BenchCitizen, index: number, withWord: boolean) => ({
    idType: 'tckn',
    nationalId: citizen.id,
    firstName: 'Deneme',
    lastName: `Vatandaş ${index}`,
    email: citizen.email,
    phone: citizen.phone,
    ...(withWord ? { securityWord: citizen.word } : {}),
    cards: [{ serial: citizen.card, pin: String(100000 + (index % 900000)), puk: String(10000000 + index) }],
    certificates: [
      {
        serial: `NES-${citizen.card}`,
        cardSerial: citizen.card,
        status: 'active',
        published: true,
        notBefore: '2025-01-01',
        // Counted from the seed day: the synthetic certificates never come within a reminder's reach.
        notAfter: 'today+1000',
      },
    ],
  });
  const seed = {
    citizens: [
      ...groups.journey.map((citizen, i) => entry(citizen, i, false)),
      ...groups.burst.map((citizen, i) => entry(citizen, groups.journey.length + i, true)),
    ],
  };
  writeFileSync(file, JSON.stringify(seed));
}
