import { translate } from '../../src/language/messages';
import type { Activity } from 'botbuilder';
import { OUTBOUND_TOKEN } from '../support/botFrameworkTokens';
import { AYSE, codeIn, smsOutbox, textOf } from '../support/citizenLogin';
import { solveTextChallenge } from '../support/solveChallenge';
import { adaptiveCardsOf, elementsOf, startSignedTeams, submitActionsOf, type SignedTeams, type TeamsClient } from '../support/teamsClient';
import type { TestApp } from '../support/testApp';

const APP_ID = '7a6b5c4d-3e2f-4a1b-9c8d-7e6f5a4b3c2d';
const HIDDEN_NOTE = 'PIN ve PUK bilgileriniz güvenliğiniz için bu ekrandan gizlendi';

/** The one Adaptive Card among a turn's replies, checked to be one Teams renders (1.5 or older). */
function theCard(replies: Partial<Activity>[]): Record<string, unknown> {
  const cards = adaptiveCardsOf(replies);
  expect(cards).toHaveLength(1);
  expect(Number(cards[0]!['version'])).toBeLessThanOrEqual(1.5);
  return cards[0]!;
}

/** The choices a turn's card offers: button titles without their numbers, and what each sends. */
function buttonsOf(replies: Partial<Activity>[]): { label: string; sends: unknown }[] {
  return submitActionsOf(theCard(replies)).map((action) => ({
    label: action.title.replace(/^\d+\.\s*/, ''),
    sends: action.data['choice'],
  }));
}

describe('a citizen in a Teams personal chat, with every request signed by the channel', () => {
  let teams: SignedTeams;
  let running: TestApp;
  let client: TeamsClient;
  /** The replacements scheduled for 60 s later, run by the test instead of a clock. */
  const scheduled: { run: () => void; ms: number }[] = [];

  beforeAll(async () => {
    teams = await startSignedTeams(APP_ID, {}, { timers: { set: (run, ms) => (scheduled.push({ run, ms }), {}) } });
    ({ running, client } = teams);
  });
  afterAll(() => teams.close());

  test('when the citizen installs the app, then the greeting offers its choices as Adaptive Card buttons, not suggested actions', async () => {
    const greeting = await client.join();
    expect(textOf(greeting)).toContain('Merhaba, ben e-İmza Yardımcısı');
    expect(buttonsOf(greeting)).toEqual([
      { label: 'Güvenlik Sözcüğümü Unuttum', sends: 'Güvenlik Sözcüğümü Unuttum' },
      { label: 'Şifreli Giriş', sends: 'Şifreli Giriş' },
      { label: 'Yardım', sends: 'Yardım' },
    ]);
    expect(greeting.some((reply) => reply.suggestedActions)).toBe(false);
  });

  test('when the citizen presses Şifreli Giriş and gives the Kimlik No and the check, then the security word is asked in a masked input', async () => {
    expect(textOf(await client.press({ choice: 'Şifreli Giriş' }))).toContain('Kimlik No');
    const challenge = textOf(await client.say(AYSE.id));
    const wordPrompt = await client.say(solveTextChallenge(challenge));
    const card = theCard(wordPrompt);
    expect(elementsOf(card, 'Input.Text')).toEqual([expect.objectContaining({ id: 'securityWord', style: 'password' })]);
    expect(submitActionsOf(card)).toHaveLength(1);
  });

  test('when the security word comes back as Teams sends a card submit (value, no text), then it is accepted and SMS Onay offers buttons', async () => {
    const confirm = await client.press({ securityWord: AYSE.word });
    expect(textOf(confirm)).toContain(AYSE.maskedPhone);
    expect(buttonsOf(confirm).map((button) => button.label)).toEqual(['Onay', 'Bu numara bana ait değil']);
    // The word is never echoed: not in a reply, not in a card.
    expect(JSON.stringify(client.replies)).not.toContain(AYSE.word);
  });

  test('when the citizen presses Onay and types the code, then the İşlemler Menüsü is a card of buttons', async () => {
    expect(textOf(await client.press({ choice: 'Onay' }))).toContain('Kalan süre');
    const menu = await client.say(codeIn(smsOutbox(running.dataDir).at(-1)!.body));
    expect(textOf(menu)).toContain('İşlemler Menüsü');
    expect(buttonsOf(menu).map((button) => button.label)).toEqual([
      'Kullanıma Aç',
      'Sertifikamı İptal Et',
      'Bilgi Güncelle',
      'Sertifika Listele',
      'PIN / PUK Bilgisi',
      'Kilit Çözme',
      'Çıkış',
    ]);
  });

  test('when the citizen opens PIN / PUK Bilgisi, then the values come as a card of facts, none in any text, and Kaydet / Sil are buttons', async () => {
    const shown = await client.press({ choice: 'PIN / PUK Bilgisi' });
    const [values, choice] = adaptiveCardsOf(shown);
    expect(elementsOf(values!, 'FactSet')[0]!['facts']).toEqual([
      { title: 'Kart Seri Numarası', value: AYSE.card },
      { title: 'PIN', value: AYSE.pin },
      { title: 'PUK', value: AYSE.puk },
    ]);
    expect(Number(values!['version'])).toBeLessThanOrEqual(1.5);
    // Neither the message text nor the notification summary carries a value.
    for (const reply of shown) expect(`${reply.text ?? ''} ${reply.summary ?? ''}`).not.toMatch(new RegExp(`${AYSE.pin}|${AYSE.puk}`));
    expect(submitActionsOf(choice!).map((action) => action.data['choice'])).toEqual([
      'Parolaları Kaydet',
      'Parolaları Sil',
      'İşlemler Menüsü',
    ]);
    expect(scheduled.map((timer) => timer.ms)).toEqual([60_000]);
  });

  test('when the citizen presses Parolaları Kaydet, then Teams is asked to replace that message (PUT) by the hidden note, with the values gone', async () => {
    const pinPukMessage = client.replies.findIndex((reply) => JSON.stringify(reply).includes(AYSE.pin));
    const messageId = `reply-${pinPukMessage + 1}`;
    const before = client.updates.length;

    const confirm = await client.press({ choice: 'Parolaları Kaydet' });
    expect(buttonsOf(confirm).map((button) => button.label)).toEqual(['Evet', 'Hayır']);

    const updates = client.updates.slice(before);
    expect(updates).toHaveLength(1);
    expect(decodeURIComponent(updates[0]!.path)).toBe(`/v3/conversations/${client.teamsConversationId}/activities/${messageId}`);
    expect(updates[0]!.activity.text).toContain(HIDDEN_NOTE);
    expect(updates[0]!.activity.attachments ?? []).toEqual([]);
    expect(JSON.stringify(updates[0]!.activity)).not.toMatch(new RegExp(`${AYSE.pin}|${AYSE.puk}`));
    const put = client.requests.filter((request) => request.method === 'PUT').at(-1)!;
    expect(put.authorization).toBe(`Bearer ${OUTBOUND_TOKEN}`);

    expect(textOf(await client.press({ choice: 'Evet' }))).toContain('kayıtlı kalmaya devam ediyor');
  });

  test('when the citizen opens PIN / PUK Bilgisi again and leaves it, then after 60 s Teams is asked to replace that message as well', async () => {
    // After Kaydet the menu is shown again.
    expect(buttonsOf(client.replies.slice(-1)).map((button) => button.label)).toContain('PIN / PUK Bilgisi');
    await client.press({ choice: 'PIN / PUK Bilgisi' });
    const messageId = `reply-${client.replies.map((reply) => JSON.stringify(reply).includes(AYSE.pin)).lastIndexOf(true) + 1}`;
    expect(scheduled).toHaveLength(2);

    scheduled[1]!.run();
    const update = await client.waitForUpdate((candidate) => candidate.path.endsWith(`/activities/${messageId}`));
    expect(update.activity.text).toContain(HIDDEN_NOTE);
    expect(JSON.stringify(update.activity)).not.toMatch(new RegExp(`${AYSE.pin}|${AYSE.puk}`));
    expect(
      client.requests
        .filter((request) => request.method === 'PUT')
        .every((request) => request.authorization === `Bearer ${OUTBOUND_TOKEN}`),
    ).toBe(true);
  });

  test('when the citizen presses Parolaları Kaydet and answers "Hayır" to whether they are written down, then the values are taken off as for a yes, and the way back to them is said', async () => {
    await client.press({ choice: 'İşlemler Menüsü' });
    await client.press({ choice: 'PIN / PUK Bilgisi' });
    const messageId = `reply-${client.replies.map((reply) => JSON.stringify(reply).includes(AYSE.pin)).lastIndexOf(true) + 1}`;
    const before = client.updates.length;
    await client.press({ choice: 'Parolaları Kaydet' });
    const reply = textOf(await client.press({ choice: 'Hayır' }));
    expect(reply).toContain(translate('tr', 'pinPuk.notSavedHidden'));
    const updates = client.updates.slice(before);
    expect(updates.map((update) => update.path.endsWith(`/activities/${messageId}`))).toContain(true);
    for (const update of updates) expect(JSON.stringify(update.activity)).not.toMatch(new RegExp(`${AYSE.pin}|${AYSE.puk}`));
  });
});
