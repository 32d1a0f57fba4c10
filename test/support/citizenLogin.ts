import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EmulatorClient } from './emulator';
import { solveTextChallenge } from './solveChallenge';

/** A demo citizen of seed/demo.json, as far as the login needs. */
export type DemoCitizen = { id: string; word: string; phone: string };

export const AYSE = {
  id: '10000000146',
  maskedId: '100******46',
  word: 'Lale.Bahce.42',
  phone: '+905321234567',
  maskedPhone: '+90 5** *** ** 67',
  card: 'KSM0000001',
  pin: '482915',
  puk: '73920481',
} as const;

export const MEHMET = {
  id: '10000000214',
  maskedId: '100******14',
  word: 'Kestane.Kebap.7',
  phone: '+905059876543',
  cards: [
    { serial: 'KSM0000002', pin: '615203', puk: '40918273' },
    { serial: 'KSM0000003', pin: '907134', puk: '55120984' },
  ],
} as const;

/** The demo citizen whose certificate expires 20 days after the day the demo seed is loaded. */
export const EMRE = {
  id: '10000000450',
  maskedId: '100******50',
  word: 'Papatya.Deniz.5',
  phone: '+905301112244',
  email: 'emre.aydin@example.org',
  certificate: 'NES-0006',
} as const;

export type SmsLine = { to: string; body: string; at: string };

/** Every SMS the embedded default wrote to DATA_DIR/outbox/sms.jsonl, oldest first; none when the file does not exist. */
export function smsOutbox(dataDir: string): SmsLine[] {
  const file = join(dataDir, 'outbox', 'sms.jsonl');
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as SmsLine);
}

/** The six-digit code in an SMS body. */
export function codeIn(body: string): string {
  const match = body.match(/(?<!\d)\d{6}(?!\d)/);
  if (!match) throw new Error(`no 6-digit code in: ${body}`);
  return match[0];
}

/** A six-digit code that is surely not `code`. */
export function otherCode(code: string, step = 1): string {
  return String((Number(code) + step) % 1_000_000).padStart(6, '0');
}

/** The text of a turn's replies, joined. */
export function textOf(replies: { text?: string }[]): string {
  return replies.map((reply) => reply.text ?? '').join('\n');
}

/**
 * Şifreli Giriş up to the SMS Onay question: Kimlik No, the text human check, and the security
 * word sent as the masked card's submit. Returns the text of the SMS Onay question.
 */
export async function toSmsOnay(client: EmulatorClient, citizen: DemoCitizen): Promise<string> {
  await client.join();
  await client.say('Şifreli Giriş');
  const challenge = await client.sayText(citizen.id);
  await client.say(solveTextChallenge(challenge));
  const confirm = textOf(await client.say('', { value: { securityWord: citizen.word }, text: undefined }));
  if (!/SMS Onay|SMS confirmation/.test(confirm)) throw new Error(`the login did not reach SMS Onay: ${confirm}`);
  return confirm;
}

/**
 * The text of a turn's replies, joined, with the values of any suggested actions (the choice
 * buttons of rich channels) on lines of their own after their reply, so a choice can be asserted.
 */
export function textWithChoices(replies: { text?: string; suggestedActions?: { actions?: { value?: unknown }[] } }[]): string {
  return replies
    .map((reply) => [reply.text ?? '', ...(reply.suggestedActions?.actions ?? []).map((action) => `[${String(action.value)}]`)].join('\n'))
    .join('\n');
}
