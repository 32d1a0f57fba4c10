import { translate } from '../../src/language/messages';
import { AYSE, textWithChoices, toSmsOnay } from '../support/citizenLogin';
import { DirectLineClient } from '../support/directLineClient';
import { MENU, useOperationsApp } from '../support/operations';
import { solveTextChallenge } from '../support/solveChallenge';

const tr = (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) => translate('tr', key, params);
const en = (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) => translate('en', key, params);

/** Replies that do not repeat themselves, say what was wrong, and keep what is said fresh (issue 21, item 11). */
describe('Replies that do not repeat the greeting, name the range of a menu, and keep the seconds fresh', () => {
  const world = useOperationsApp();

  test('when a message is not understood, twice, then a one-sentence fallback comes with the choices, not the whole greeting again, and the second offers an agent', async () => {
    const client = await world.open();
    const greeting = (await client.join()).map((reply) => reply.text ?? '').join('\n');
    expect(greeting).toContain(tr('start.greeting'));
    const first = textWithChoices(await client.say('pizza sipariş etmek istiyorum'));
    expect(first).toContain(tr('understanding.miss'));
    expect(first).not.toContain(tr('start.greeting'));
    expect(first).toContain(`[${tr('start.choice.login')}]`);
    const second = textWithChoices(await client.say('pizza sipariş etmek istiyorum'));
    expect(second).toContain(tr('understanding.missAgain'));
    expect(second).not.toContain(tr('start.greeting'));
    expect(second).toContain(`[${tr('start.choice.agent')}]`);
  });

  test('when "4" is typed at the three choices of the start, then the reply says "1–3"; "9" at the İşlemler Menüsü says "1–7"', async () => {
    const client = await world.open();
    await client.join();
    const reply = await client.sayText('4');
    expect(reply).toContain(tr('choice.outOfRange', { max: 3 }));
    expect(reply).toContain('1–3');
    expect(reply).not.toContain(tr('start.greeting'));

    const citizen = await world.newCitizen(['active']);
    const atMenu = await world.atMenu(citizen);
    const menuReply = await atMenu.sayText('9');
    expect(menuReply).toContain(tr('choice.outOfRange', { max: 7 }));
    expect(menuReply).toContain(MENU);
  });

  test('when the citizen switches to English at the SMS code, then the question comes in English without the stale "300 seconds"; so after "help" too', async () => {
    const citizen = await world.newCitizen(['active']);
    const client = await world.open();
    await toSmsOnay(client, citizen);
    expect(await client.sayText('Onay')).toContain('Kalan süre: 300 saniye');
    world.clock.advance(40_000);

    const switched = await client.sayText('English');
    expect(switched).toContain(en('global.languageChanged'));
    expect(switched).toContain(en('sms.codePromptAgain'));
    expect(switched).not.toMatch(/Time left|Kalan süre|300/);

    const helped = await client.sayText('help');
    expect(helped).toContain(en('sms.codePromptAgain'));
    expect(helped).not.toMatch(/Time left: 300/);
  });
});

describe('On our web chat, the security-word question is shown once', () => {
  const world = useOperationsApp();

  test('when the security word is asked on our web chat, then one message carries it: the masked card, with no second text bubble', async () => {
    const client = new DirectLineClient(world.running.baseUrl);
    await client.join();
    await client.say(tr('start.choice.login'));
    const challenge = await client.sayText(AYSE.id);
    const asked = await client.say(solveTextChallenge(challenge));
    const mentions = asked.filter((activity) => JSON.stringify(activity).includes(tr('login.wordPrompt')));
    expect(mentions).toHaveLength(1);
    expect(mentions[0]!.attachments?.[0]?.contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(mentions[0]!.text ?? '').toBe('');
  });
});

describe('A choice of one is no choice: the only certificate or card is picked, and the citizen told', () => {
  const world = useOperationsApp();

  test('when the citizen has one certificate and chooses Sertifikamı İptal Et, then it is picked, said so, and the reason is asked at once', async () => {
    const citizen = await world.newCitizen(['active']);
    const serial = citizen.certificates[0]!;
    const client = await world.atMenu(citizen);
    const reply = await client.sayText('Sertifikamı İptal Et');
    expect(reply).toContain(tr('choice.onlyCertificate', { serial }));
    expect(reply).toContain(tr('revoke.reasonPrompt', { serial }));
    expect(reply).not.toContain(tr('revoke.prompt'));
  });

  test('when one certificate waits among others in use, then Kullanıma Aç picks it and asks for the yes', async () => {
    const citizen = await world.newCitizen(['active', 'pending']);
    const pending = citizen.certificates[1]!;
    const client = await world.atMenu(citizen);
    const reply = await client.sayText('Kullanıma Aç');
    expect(reply).toContain(tr('choice.onlyCertificate', { serial: pending }));
    expect(reply).toContain(tr('activate.confirm', { serial: pending }));
  });

  test('when the citizen has one card, then Kilit Çözme picks it and asks whether its PIN and PUK are blocked', async () => {
    const citizen = await world.newCitizen(['active']);
    const card = citizen.cards[0]!;
    const client = await world.atMenu(citizen);
    const reply = await client.sayText('Kilit Çözme');
    expect(reply).toContain(tr('choice.onlyCard', { serial: card }));
    expect(reply).toContain(tr('unlock.blockedPrompt', { card }));
  });

  test('when the citizen has two certificates, then the choice is still asked', async () => {
    const citizen = await world.newCitizen(['active', 'active']);
    const client = await world.atMenu(citizen);
    const reply = await client.sayText('Sertifikamı İptal Et');
    expect(reply).toContain(tr('revoke.prompt'));
    expect(reply).not.toContain(tr('choice.onlyCertificate', { serial: citizen.certificates[0]! }));
  });
});

describe('PIN / PUK Bilgisi after the values are deleted', () => {
  const world = useOperationsApp();

  test('when the citizen deletes the values and opens PIN / PUK Bilgisi again, then the card is said deleted, without the four notes about deleting', async () => {
    const citizen = await world.newCitizen(['active']);
    const card = citizen.cards[0]!;
    const client = await world.atMenu(citizen);
    expect(await client.sayText('PIN / PUK Bilgisi')).toContain(tr('pinPuk.notes'));
    await client.say('Parolaları Sil');
    expect(await client.sayText('evet')).toContain(tr('pinPuk.deleted'));

    const again = await client.sayText('PIN / PUK Bilgisi');
    expect(again).toContain(tr('pinPuk.deletedCard', { serial: card }));
    for (const note of tr('pinPuk.notes').split('\n')) expect(again).not.toContain(note);
  });

  test('when "hayır" answers whether the values are written down on a channel that cannot take them off, then they are asked to be written down', async () => {
    const citizen = await world.newCitizen(['active']);
    const client = await world.atMenu(citizen);
    await client.say('PIN / PUK Bilgisi');
    await client.say('Parolaları Kaydet');
    expect(await client.sayText('hayır')).toContain(tr('pinPuk.notSaved'));
  });
});
