import type { Activity } from 'botbuilder';
import type { ChannelProfile } from '../../src/dialogs/channelProfile';
import { HUMAN_CHECK_DIALOG } from '../../src/dialogs/humanCheckDialog';
import { IdentificationDialog } from '../../src/dialogs/identificationDialog';
import { LoginDialog } from '../../src/dialogs/loginDialog';
import { SECRET_FIELD } from '../../src/dialogs/secretPrompts';
import { SMS_CONFIRM_DIALOG } from '../../src/dialogs/smsConfirmDialog';
import { translate, type MessageKey } from '../../src/language/messages';
import { textOnly, type Expectation } from '../support/dialogScript';
import { AYSE, testServices, type TestServices } from '../support/dialogServices';
import { DialogTestClient, smsFrom, StandIn, TEAMS, WEB_CHAT } from '../support/dialogTestClient';

const say = (key: MessageKey, params?: Record<string, string | number>) => translate('tr', key, params);
/** Valid check digits, nobody's ID. */
const UNKNOWN_ID = '10000000528';

const idPrompt = say('identification.prompt');
const wrong = (left: number) => say('login.wrong', { left });
/** Before the last try the warning offers the reset. */
const lastTry = say('login.wrongLastTry', { left: 1 });

/**
 * The question for the word in an Adaptive Card whose input is masked, with the question as the
 * message's text too; our own web chat gets the card alone (it would draw the text as a second bubble).
 */
const maskedWordCardWith =
  (messageText: string | undefined) =>
  (reply: Partial<Activity>): string | undefined => {
    if (reply.text !== messageText) return `text is ${JSON.stringify(reply.text)}`;
    const card = reply.attachments?.[0];
    if (card?.contentType !== 'application/vnd.microsoft.card.adaptive') return 'no Adaptive Card';
    if (!JSON.stringify(card.content).includes(say('login.wordPrompt'))) return 'the card does not ask for the word';
    const input = (card.content as { body: { id?: string; style?: string }[] }).body.find((element) => element.id === SECRET_FIELD);
    return input?.style === 'password' ? undefined : 'the word is not asked in a masked input';
  };
const maskedWordCard = maskedWordCardWith(say('login.wordPrompt'));
const maskedWordCardAlone = maskedWordCardWith(undefined);
const plainWordPrompt = textOnly(say('login.wordPrompt'));
/** The masked word card with the reset one press away: a suggested action, or on Teams a card button that sends no word. */
const wordCardWithReset: Expectation = (reply: Partial<Activity>) => {
  const problem = maskedWordCard(reply);
  if (problem) return problem;
  const label = say('start.choice.forgot');
  const suggested = (reply.suggestedActions?.actions ?? []).map((action): unknown => action.value);
  const cardButtons = (
    (reply.attachments?.[0]?.content as { actions?: { data?: { choice?: string }; associatedInputs?: string }[] }).actions ?? []
  ).filter((action) => action.data?.choice === label && action.associatedInputs === 'none');
  return suggested.includes(label) || cardButtons.length === 1 ? undefined : 'the reset is not offered beside the word';
};

/**
 * Şifreli Giriş alone: the real Kimlik No step, the real lockout with in-memory counters; the human
 * check and SMS Onay stand in, both passed.
 */
function login(services: TestServices, profile: ChannelProfile = WEB_CHAT) {
  return new DialogTestClient(
    (memory) =>
      new LoginDialog(services.login, services.sessions, services.rateLimits, memory, services.nationalIds, {
        identification: new IdentificationDialog(services.rateLimits),
        humanCheck: new StandIn(HUMAN_CHECK_DIALOG, true),
        smsConfirm: new StandIn(SMS_CONFIRM_DIALOG, true),
      }),
    { profile },
  );
}

describe('the login dialog alone', () => {
  test('when the right word follows the Kimlik No, then a session starts and the login ends with true', async () => {
    const services = testServices();
    const dialog = login(services);
    await dialog.play([
      ['Şifreli Giriş', idPrompt],
      [AYSE.nationalId, maskedWordCard],
      [AYSE.securityWord, []],
    ]);
    expect(dialog.dialogTurnResult?.result).toBe(true);
    const check = await services.sessions.touch(dialog.remembered.sessionId);
    expect(check.state === 'active' && check.session.citizenId).toBe(AYSE.id);
    expect(services.audit.actions()).toEqual(['login.success']);
  });

  test.each<[string, string[], (string | Expectation)[]]>([
    ['one wrong word, then the right one', ['yanlis-sozcuk'], [wrong(2)]],
    ['two wrong words, then the right one', ['yanlis-sozcuk', 'baska-sozcuk'], [wrong(2), lastTry]],
  ])('when %s, then each wrong one says the tries left and asks again', async (_case, words, replies) => {
    const services = testServices();
    const dialog = login(services);
    await dialog.play([
      ['Şifreli Giriş', idPrompt],
      [AYSE.nationalId, maskedWordCard],
      ...words.map((word, index) => [word, [replies[index]!, index === 1 ? wordCardWithReset : maskedWordCard]] as const),
      [AYSE.securityWord, []],
    ]);
    expect(dialog.dialogTurnResult?.result).toBe(true);
  });

  test('when the third word is wrong, then the account is blocked with the call-center number, and the right word no longer gets in', async () => {
    const services = testServices();
    const first = login(services);
    await first.play([
      ['Şifreli Giriş', idPrompt],
      [AYSE.nationalId, maskedWordCard],
      ['yanlis-1', [wrong(2), maskedWordCard]],
      ['yanlis-2', [lastTry, wordCardWithReset]],
      ['yanlis-3', say('login.blocked')],
    ]);
    expect(say('login.blocked')).toContain('0262 648 18 18');
    expect(first.dialogTurnResult?.result).toBe(false);
    expect(first.remembered.sessionId).toBeUndefined();
    expect(services.mail.sent.map((mail) => mail.to)).toEqual([AYSE.email]);

    // A blocked ID is answered as an unknown one with a wrong word: tries left, never a session.
    const again = login(services);
    await again.play([
      ['Şifreli Giriş', idPrompt],
      [AYSE.nationalId, maskedWordCard],
      [AYSE.securityWord, [wrong(2), maskedWordCard]],
    ]);
    expect(again.remembered.sessionId).toBeUndefined();
  });

  test("when the Kimlik No is nobody's, then the words are answered exactly as for a known ID", async () => {
    const dialog = login(testServices());
    await dialog.play([
      ['Şifreli Giriş', idPrompt],
      [UNKNOWN_ID, maskedWordCard],
      [AYSE.securityWord, [wrong(2), maskedWordCard]],
      ['yanlis', [lastTry, wordCardWithReset]],
      ['yanlis', say('login.blocked')],
    ]);
    expect(dialog.dialogTurnResult?.result).toBe(false);
  });

  test.each(['unuttum', 'bilmiyorum', 'I forgot'])(
    'when %j is said at the word, then the login ends as "forgot", with no try counted and nothing audited',
    async (said) => {
      const services = testServices();
      const dialog = login(services);
      await dialog.play([
        ['Şifreli Giriş', idPrompt],
        [AYSE.nationalId, maskedWordCard],
        [said, []],
      ]);
      expect(dialog.dialogTurnResult?.result).toBe('forgot');
      expect(services.audit.actions()).toEqual([]);
    },
  );

  test('when the second wrong word arrives on Teams, then the word card carries the reset as a button that submits no word', async () => {
    const dialog = login(testServices(), TEAMS);
    await dialog.play([
      ['Şifreli Giriş', idPrompt],
      [AYSE.nationalId, maskedWordCard],
      ['yanlis-1', [wrong(2), maskedWordCard]],
      ['yanlis-2', [lastTry, wordCardWithReset]],
      [say('start.choice.forgot'), []],
    ]);
    expect(dialog.dialogTurnResult?.result).toBe('chose-reset');
  });

  test('when the channel shows only text, then the word is asked in plain text', async () => {
    const dialog = login(testServices(), smsFrom(AYSE.phone));
    await dialog.play([
      ['Şifreli Giriş', idPrompt],
      [AYSE.nationalId, plainWordPrompt],
      ['yanlis', [wrong(2), plainWordPrompt]],
    ]);
  });

  test("when the word is typed into our own web chat's box, then the message is taken off the page", async () => {
    const dialog = login(testServices(), { ...WEB_CHAT, ownWebChat: true, canReplaceMessages: true });
    const deleted = jest.spyOn(dialog.script.adapter, 'deleteActivity');
    await dialog.play([
      ['Şifreli Giriş', idPrompt],
      [AYSE.nationalId, maskedWordCardAlone],
    ]);
    expect(deleted).not.toHaveBeenCalled();
    await dialog.play([[AYSE.securityWord, []]]);
    // Once: the answer is read once a turn (botbuilder-dialogs' prompts also read it when the turn was announced).
    expect(deleted).toHaveBeenCalledTimes(1);
  });

  test('when the word comes from the masked card, then nothing is deleted', async () => {
    const dialog = login(testServices(), { ...WEB_CHAT, ownWebChat: true, canReplaceMessages: true });
    const deleted = jest.spyOn(dialog.script.adapter, 'deleteActivity');
    await dialog.play([
      ['Şifreli Giriş', idPrompt],
      [AYSE.nationalId, maskedWordCardAlone],
      [{ value: { [SECRET_FIELD]: AYSE.securityWord } }, []],
    ]);
    expect(dialog.dialogTurnResult?.result).toBe(true);
    expect(deleted).not.toHaveBeenCalled();
  });
});
