import type { Locale } from '../../src/language/locale';
import { translate, type MessageKey } from '../../src/language/messages';
import { AYSE, codeIn, MEHMET, textWithChoices, type DemoCitizen } from '../support/citizenLogin';
import type { EmulatorClient } from '../support/emulator';
import { MENU, useOperationsApp } from '../support/operations';
import { solveTextChallenge } from '../support/solveChallenge';

const tr = (key: MessageKey, params?: Record<string, string | number>) => translate('tr', key, params);
const en = (key: MessageKey, params?: Record<string, string | number>) => translate('en', key, params);

/**
 * Issue 23, the chat's side: "sertifikam ne zaman bitiyor", "e-imza süresi", "yenileme" lead,
 * after Şifreli Giriş (or from the İşlemler Menüsü), to each certificate's last day and days left
 * and the renewal steps; how to renew is answered to anyone, logged in or not. The suite's clock
 * stands at 25.11.2026, 10:00 UTC (13:00 in Türkiye, the same calendar day).
 */
describe('the days left on my certificates, and how to renew them', () => {
  const world = useOperationsApp();

  /** Whole days from the suite's today to a last day ("YYYY-MM-DD"), counted here, apart from the app's own counting. */
  const daysLeftUntil = (lastDay: string) => (Date.parse(lastDay) - Date.parse(world.clock.now().toISOString().slice(0, 10))) / 86_400_000;

  /** From the Kimlik No question to the SMS code: the human check, the masked word, Onay, the code. Returns the reply to the code. */
  async function logInFromIdPrompt(client: EmulatorClient, citizen: DemoCitizen): Promise<string> {
    const challenge = await client.sayText(citizen.id);
    await client.say(solveTextChallenge(challenge));
    await client.say('', { value: { securityWord: citizen.word }, text: undefined });
    await client.say('Onay');
    return client.sayText(codeIn(world.smsTo(citizen.phone).at(-1)!.body));
  }

  /** The line of one certificate in the expiry view. */
  const lineOf = (view: string, serial: string) => view.split('\n').find((line) => line.startsWith(`• ${serial}:`));

  test('when a citizen not logged in writes "sertifikam ne zaman bitiyor", then one sentence says why Şifreli Giriş comes first, and after the SMS code each certificate\'s last day and days left, the renewal steps and the İşlemler Menüsü follow', async () => {
    const client = await world.open();
    await client.join();
    const reason = await client.sayText('sertifikam ne zaman bitiyor');
    expect(reason).toContain(tr('wish.expiry'));
    expect(reason).toContain(tr('identification.prompt'));

    const view = await logInFromIdPrompt(client, MEHMET);
    // Mehmet (seed/demo.json): NES-0003 in use until 15.03.2027, NES-0002 waiting for activation until 01.10.2029.
    expect(lineOf(view, 'NES-0003')).toBe(
      tr('expiry.line', {
        serial: 'NES-0003',
        date: '15.03.2027',
        remaining: tr('certificates.remaining', { days: daysLeftUntil('2027-03-15') }),
      }),
    );
    expect(lineOf(view, 'NES-0002')).toContain(`01.10.2029 (${daysLeftUntil('2029-10-01')} gün kaldı)`);
    // The soonest first, whatever order the certificates were issued in.
    expect(view.indexOf('• NES-0003')).toBeLessThan(view.indexOf('• NES-0002'));
    expect(view).toContain(tr('expiry.header'));
    expect(view).toContain(tr('renewal.steps'));
    expect(view).toContain('www.kamusm.gov.tr');
    expect(view).toContain('0262 648 18 18');
    // No price is ever quoted: the fee is where Kamu SM publishes it.
    expect(view).not.toMatch(/\d\s*(TL|₺|lira)/i);
    // The view, then the İşlemler Menüsü as after any operation.
    expect(view.indexOf(tr('renewal.steps'))).toBeLessThan(view.indexOf(MENU));
  });

  test('when an English citizen asks "when does my certificate expire", then the same comes in English, with the date as "1 Jan 2028"', async () => {
    const client = await world.open('en-US');
    await client.join();
    expect(await client.sayText('when does my certificate expire')).toContain(en('wish.expiry'));

    const view = await logInFromIdPrompt(client, AYSE);
    expect(lineOf(view, 'NES-0001')).toBe(
      en('expiry.line', {
        serial: 'NES-0001',
        date: '1 Jan 2028',
        remaining: en('certificates.remaining', { days: daysLeftUntil('2028-01-01') }),
      }),
    );
    expect(view).toContain(en('renewal.steps'));
    expect(view).toContain('+90 262 648 18 18');
    expect(view).toContain(en('menu.prompt', { name: 'Ayşe Yılmaz' }));
  });

  test('when "e-imza süresi" is typed in the İşlemler Menüsü, then the view shows the certificate whose last day is today, the expired one, not the revoked one, and the menu again', async () => {
    const citizen = await world.newCitizen(['active', 'revoked', 'pending'], 0, ['2026-11-25', '2027-06-01', '2026-11-01']);
    const [today, revoked, expired] = citizen.certificates as [string, string, string];
    const client = await world.atMenu(citizen);

    const view = await client.sayText('e-imza süresi');
    expect(lineOf(view, today)).toBe(
      tr('expiry.line', { serial: today, date: '25.11.2026', remaining: tr('certificates.remainingToday') }),
    );
    expect(lineOf(view, expired)).toBe(
      tr('expiry.line', { serial: expired, date: '01.11.2026', remaining: tr('certificates.remainingExpired') }),
    );
    expect(lineOf(view, revoked)).toBeUndefined();
    expect(view).toContain(tr('renewal.steps'));
    expect(view).toContain(MENU);
  });

  test.each<[Locale, string]>([
    ['tr', 'yenileme'],
    ['en', 'renewal'],
  ])(
    'when a %s citizen with only a revoked certificate writes "%s" in the menu, then no certificate is listed but the renewal steps still come',
    async (locale, said) => {
      const citizen = await world.newCitizen(['revoked']);
      const client = await world.atMenu(citizen, locale === 'tr' ? 'tr-TR' : 'en-US');
      const view = await client.sayText(said);
      expect(view).toContain(translate(locale, 'expiry.none'));
      expect(view).not.toContain(citizen.certificates[0]);
      expect(view).toContain(translate(locale, 'renewal.steps'));
    },
  );

  test('when a citizen not logged in asks "yenileme nasıl yapılır", then the knowledge base answers with the renewal steps and offers the days left, the fees and an agent', async () => {
    const client = await world.open();
    await client.join();
    const answer = textWithChoices(await client.say('yenileme nasıl yapılır'));
    expect(answer).toContain(tr('renewal.steps'));
    expect(answer).not.toContain(tr('identification.prompt'));
    for (const key of ['intent.certificateExpiry', 'intent.faqFees', 'intent.agent'] as const) expect(answer).toContain(`[${tr(key)}]`);

    // The way on to the days left is the wish that needs Şifreli Giriş.
    const chosen = await client.sayText(tr('intent.certificateExpiry'));
    expect(chosen).toContain(tr('wish.expiry'));
    expect(chosen).toContain(tr('identification.prompt'));
  });

  test('when a citizen told to log in would rather not, then "iptal" and the question the reason sentence suggests give the renewal steps', async () => {
    const client = await world.open();
    await client.join();
    await client.say('e-imzamın süresi ne zaman doluyor');
    await client.say('iptal');
    const answer = await client.sayText('sertifika nasıl yenilenir');
    expect(answer).toContain(tr('renewal.steps'));
  });
});
