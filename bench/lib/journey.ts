import { solveTextChallenge } from '../../test/support/solveChallenge';
import type { BenchCitizen } from './citizens';
import { textOf, type Conversation } from './conversation';
import { httpRequest } from './http';
import type { Inbox } from './inbox';

/** Turns in one walk of the full journey (the echo bot's conversations have as many). */
export const JOURNEY_TURNS = 13;

/** Slow mail or SMS may take their time; the journey gives up after this. */
const DELIVERY_TIMEOUT_MS = 60_000;

/** The journey's turns in order, as the report lists them. */
export const JOURNEY_STEPS = [
  'greeting',
  'forgot',
  'forgot.id',
  'forgot.check',
  'login',
  'login.id',
  'login.check',
  'login.word',
  'sms.onay',
  'sms.code',
  'pinpuk',
  'pinpuk.save',
  'pinpuk.saved',
] as const;

export class JourneyError extends Error {}

function expect(text: string, pattern: RegExp, step: string): string {
  if (!pattern.test(text)) throw new JourneyError(`${step}: unexpected reply: ${text.slice(0, 160).replace(/\s+/g, ' ')}`);
  return text;
}

export type JourneyHooks = {
  /** Called around the reset page's two HTTP requests (not turns) with their time. */
  onPage?: (ms: number) => void;
  /** Whether to keep going (false once the phase ends): the journey stops between turns. */
  running?: () => boolean;
  /** How long a wait for mail, SMS or the proactive reply may last from now (the phase's end bounds it). */
  waitMs?: () => number;
};

class Stopped extends Error {}

/**
 * The full seed journey, as a citizen in the Emulator walks it (test/e2e/forgotJourney.test.ts and
 * loginJourney.test.ts): Güvenlik Sözcüğümü Unuttum → Kimlik No → human check → the link from the
 * mail → a new word on the reset page → Şifreli Giriş → Kimlik No → human check → the word →
 * SMS Onay → the code from the SMS → İşlemler Menüsü → PIN / PUK Bilgisi → Parolaları Kaydet → evet.
 * The text human check is read from the bot's words as a person would (test/support/solveChallenge.ts).
 * Resolves true when walked to the end, false when stopped between turns.
 */
export async function walkJourney(
  conversation: Conversation,
  citizen: BenchCitizen,
  inbox: Inbox,
  hooks: JourneyHooks = {},
): Promise<boolean> {
  const running = hooks.running ?? (() => true);
  const waitMs = () => Math.max(1, Math.min(DELIVERY_TIMEOUT_MS, hooks.waitMs?.() ?? DELIVERY_TIMEOUT_MS));
  const step = async <T>(work: () => Promise<T>): Promise<T> => {
    if (!running()) throw new Stopped();
    return work();
  };
  try {
    await step(() => conversation.join('greeting'));
    await step(() => conversation.say('Güvenlik Sözcüğümü Unuttum', 'forgot'));
    const challenge = await step(() => conversation.sayText(citizen.id, 'forgot.id'));
    const sent = await step(() => conversation.sayText(solveTextChallenge(expect(challenge, /:/, 'forgot.id')), 'forgot.check'));
    expect(sent, /e-posta/, 'forgot.check');

    const mail = await inbox.waitForMail(citizen.email, /guvenlik-sozcugu\//, waitMs());
    const link = /https?:\/\/\S+?\/guvenlik-sozcugu\/[A-Za-z0-9_-]+/.exec(mail.text)?.[0];
    if (!link) throw new JourneyError('no reset link in the mail');
    const pageStarted = performance.now();
    await setWordOnPage(link, citizen.word).catch((error: unknown) => {
      throw new JourneyError(`reset page: ${error instanceof Error ? error.message : String(error)}`);
    });
    hooks.onPage?.(performance.now() - pageStarted);
    await conversation.waitForReply((reply) => /güncellendi/.test(reply.text ?? ''), waitMs());

    await step(() => conversation.say('Şifreli Giriş', 'login'));
    const loginChallenge = await step(() => conversation.sayText(citizen.id, 'login.id'));
    const wordPrompt = await step(() => conversation.say(solveTextChallenge(expect(loginChallenge, /:/, 'login.id')), 'login.check'));
    expect(JSON.stringify(wordPrompt), /password/, 'login.check');
    const confirm = textOf(await step(() => conversation.post({ type: 'message', value: { securityWord: citizen.word } }, 'login.word')));
    expect(confirm, /SMS Onay/, 'login.word');
    expect(await step(() => conversation.sayText('Onay', 'sms.onay')), /Kalan süre/, 'sms.onay');
    const sms = await inbox.waitForSms(citizen.phone, waitMs());
    const code = /(?<!\d)\d{6}(?!\d)/.exec(sms)?.[0];
    if (!code) throw new JourneyError('no code in the SMS');
    expect(await step(() => conversation.sayText(code, 'sms.code')), /İşlemler Menüsü/, 'sms.code');
    expect(await step(() => conversation.sayText('PIN / PUK Bilgisi', 'pinpuk')), /PUK: \d{8}/, 'pinpuk');
    expect(await step(() => conversation.sayText('Parolaları Kaydet', 'pinpuk.save')), /not ettiniz mi/, 'pinpuk.save');
    expect(await step(() => conversation.sayText('evet', 'pinpuk.saved')), /kayıtlı kalmaya devam/, 'pinpuk.saved');
    return true;
  } catch (error) {
    // A wait cut short by the end of the phase is a stop, not a failure.
    if (error instanceof Stopped || !running()) return false;
    throw error;
  }
}

/** The Güvenlik Sözcüğü Güncelleme page: GET the form (CSRF token and cookie), POST the word twice. */
async function setWordOnPage(link: string, word: string): Promise<void> {
  const page = await httpRequest(link);
  if (page.status !== 200) throw new JourneyError(`the reset page answered ${page.status}`);
  const csrf = /name="csrf" value="([^"]+)"/.exec(page.body)?.[1];
  const action = /action="([^"]+)"/.exec(page.body)?.[1];
  const cookie = String(page.headers['set-cookie']?.[0] ?? '').split(';')[0];
  if (!csrf || !action || !cookie) throw new JourneyError('the reset page has no form');
  const result = await httpRequest(new URL(action.replace(/&amp;/g, '&'), link).toString(), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
    body: new URLSearchParams({ csrf, lang: 'tr', word, repeat: word }).toString(),
  });
  if (result.status !== 200 || !/başarıyla güncellendi/.test(result.body)) {
    throw new JourneyError(`the new word was not accepted (${result.status})`);
  }
}

/** The opening steps' turns in order, as the report lists them: none of them hashes anything. */
export const OPENING_STEPS = ['greeting', 'login', 'login.id', 'help', 'cancel', 'forgot', 'forgot.id', 'menu'] as const;

/** Turns in one walk of the opening steps (the echo bot's conversations for this workload have as many). */
export const OPENING_TURNS = OPENING_STEPS.length;

/** The human check the bot asks after the Kimlik No: a number in words that a person can read (test/support/solveChallenge.ts). */
function expectHumanCheck(text: string, step: string): string {
  expect(text, /:/, step);
  if (!/^\d+$/.test(solveTextChallenge(text))) throw new JourneyError(`${step}: no human check in the reply: ${text.slice(0, 160)}`);
  return text;
}

/**
 * The opening steps of a conversation, the turns most conversations have and none of which hashes
 * anything (no argon2id): the greeting → Şifreli Giriş → Kimlik No (the bot asks the human check,
 * which is not answered) → yardım (the check explained and asked again) → iptal (back to the start)
 * → Güvenlik Sözcüğümü Unuttum → Kimlik No (the check again) → menü (the start's choices).
 * Each reply is checked loosely, as the journey's are. Resolves true when walked to the end, false
 * when stopped between turns.
 */
export async function walkOpening(conversation: Conversation, id: string, running: () => boolean = () => true): Promise<boolean> {
  const say = (text: string, step: (typeof OPENING_STEPS)[number]) => {
    if (!running()) throw new Stopped();
    return conversation.say(text, step);
  };
  try {
    if (!running()) return false;
    // The greeting and the menu offer the start's choices as buttons.
    expect(JSON.stringify(await conversation.join('greeting')), /Şifreli Giriş/, 'greeting');
    expect(textOf(await say('Şifreli Giriş', 'login')), /Kimlik No/, 'login');
    const check = expectHumanCheck(textOf(await say(id, 'login.id')), 'login.id');
    const help = textOf(await say('yardım', 'help'));
    if (!help.includes(check)) throw new JourneyError(`help: the human check was not asked again: ${help.slice(0, 160)}`);
    expect(textOf(await say('iptal', 'cancel')), /iptal/, 'cancel');
    expect(textOf(await say('Güvenlik Sözcüğümü Unuttum', 'forgot')), /Kimlik No/, 'forgot');
    expectHumanCheck(textOf(await say(id, 'forgot.id')), 'forgot.id');
    expect(JSON.stringify(await say('menü', 'menu')), /Şifreli Giriş/, 'menu');
    return true;
  } catch (error) {
    if (error instanceof Stopped) return false;
    throw error;
  }
}

/** The echo bot's conversation: as many turns as the assistant's (the journey's by default), with no waits between them. */
export async function walkEcho(conversation: Conversation, running: () => boolean = () => true, turns = JOURNEY_TURNS): Promise<boolean> {
  if (!running()) return false;
  await conversation.join('greeting');
  for (let turn = 1; turn < turns; turn += 1) {
    if (!running()) return false;
    const reply = await conversation.sayText(`mesaj ${turn}`, 'echo');
    if (!reply.includes(`mesaj ${turn}`)) throw new JourneyError(`echo: unexpected reply: ${reply}`);
  }
  return true;
}
