import type { Activity, TurnContext } from 'botbuilder';
import type { ChannelProfile } from '../../src/dialogs/channelProfile';
import { PinPukDialog, type SecretMessageSender } from '../../src/dialogs/pinPukDialog';
import { SessionGuard } from '../../src/dialogs/session';
import type { PinPukTextChannels } from '../../src/domain/pinPukChannels';
import { translate, type MessageKey } from '../../src/language/messages';
import { all, textOnly, withButtons, withNumberedLines, type Expectation } from '../support/dialogScript';
import { AYSE, testServices, type TestServices } from '../support/dialogServices';
import { DialogTestClient, smsFrom, TEAMS, WEB_CHAT } from '../support/dialogTestClient';

const say = (key: MessageKey, params?: Record<string, string | number>) => translate('tr', key, params);

const KART_01 = AYSE.pinPuk![0]!;
const values = say('pinPuk.card', { serial: KART_01.serial, pin: KART_01.values!.pin, puk: KART_01.values!.puk });
const deletedKart02 = say('pinPuk.deletedCard', { serial: 'KART-02' });
const shown = all(say('pinPuk.title'), say('pinPuk.notes'), values, deletedKart02);
const ACTIONS = [say('pinPuk.choice.save'), say('pinPuk.choice.delete'), say('pinPuk.choice.back')];
const actions = withButtons(say('pinPuk.prompt'), ACTIONS);
const yesNo = (question: string) => withButtons(question, [say('yesNo.yes'), say('yesNo.no')]);

/** Where the values went and which were hidden afterwards, as the channel's SecretMessages would. */
class SecretMessagesSeen implements SecretMessageSender {
  readonly hidden: string[] = [];
  async send(context: TurnContext, activity: Partial<Activity>): Promise<string | undefined> {
    await context.sendActivity(activity);
    return 'values-message';
  }
  async hide(_context: TurnContext, id: string): Promise<void> {
    this.hidden.push(id);
  }
}

/** PIN / PUK Bilgisi alone, for Ayşe logged in: KART-01 has values, KART-02's were deleted. */
async function pinPuk(services: TestServices, profile: ChannelProfile = WEB_CHAT, textChannels: PinPukTextChannels = 'registered-phone') {
  const sessionId = await services.logIn(AYSE);
  const secretMessages = new SecretMessagesSeen();
  const dialog = new DialogTestClient(
    (memory) =>
      new PinPukDialog(services.pinPuk, new SessionGuard(services.sessions, services.subjects, memory), secretMessages, textChannels),
    { remembered: { sessionId }, profile },
  );
  return { dialog, secretMessages };
}

describe('the PIN / PUK dialog alone', () => {
  test.each<[string, string, Expectation, string[]]>([
    ['Parolaları Kaydet, yes', 'evet', say('pinPuk.saved'), ['pinpuk.shown', 'pinpuk.saved']],
    ['Parolaları Kaydet, no', 'hayır', say('pinPuk.notSavedHidden'), ['pinpuk.shown']],
  ])(
    'when the values are shown and the citizen answers %s, then the values stay and the message is hidden',
    async (_case, answer, reply, audited) => {
      const services = testServices();
      const { dialog, secretMessages } = await pinPuk(services);
      await dialog.play([
        ['PIN / PUK Bilgisi', [shown, actions]],
        ['1', yesNo(say('pinPuk.saveConfirm'))],
        [answer, reply],
      ]);
      expect(secretMessages.hidden).toEqual(['values-message']);
      expect(services.audit.actions()).toEqual(audited);
    },
  );

  test('when Parolaları Sil is confirmed, then the values are gone for good and only the deletion notice is shown next time', async () => {
    const services = testServices();
    const { dialog } = await pinPuk(services);
    await dialog.play([
      ['PIN / PUK Bilgisi', [shown, actions]],
      ['Parolaları Sil', yesNo(say('pinPuk.deleteConfirm', { cards: KART_01.serial }))],
      ['evet', say('pinPuk.deleted')],
    ]);
    const again = (await pinPuk(services)).dialog;
    await again.play([['PIN / PUK Bilgisi', all(say('pinPuk.deletedCard', { serial: KART_01.serial }), deletedKart02)]]);
    expect(again.dialogTurnResult?.status).toBe('complete');
  });

  test('when Parolaları Sil is not confirmed, then nothing is deleted', async () => {
    const services = testServices();
    const { dialog } = await pinPuk(services);
    await dialog.play([
      ['PIN / PUK Bilgisi', [shown, actions]],
      ['2', yesNo(say('pinPuk.deleteConfirm', { cards: KART_01.serial }))],
      ['hayır', say('pinPuk.notDeleted')],
    ]);
    expect(services.audit.actions()).not.toContain('pinpuk.deleted');
    await (await pinPuk(services)).dialog.play([['PIN / PUK Bilgisi', [shown, actions]]]);
  });

  test('when the channel is Teams, then the values come as an Adaptive Card with one fact per line', async () => {
    const { dialog } = await pinPuk(testServices(), TEAMS);
    const factCard: Expectation = (reply) => {
      const body =
        (reply.attachments?.[0]?.content as { body?: { type: string; facts?: { title: string; value: string }[] }[] } | undefined)?.body ??
        [];
      const facts = body.flatMap((element) => element.facts ?? []);
      const expected = [
        { title: 'Kart Seri Numarası', value: KART_01.serial },
        { title: 'PIN', value: KART_01.values!.pin },
        { title: 'PUK', value: KART_01.values!.puk },
      ];
      return JSON.stringify(facts) === JSON.stringify(expected) ? undefined : `facts are ${JSON.stringify(facts)}`;
    };
    const buttons = withButtons(say('pinPuk.prompt'), ACTIONS) as Exclude<Expectation, string | RegExp>;
    const cardButtons: Expectation = (reply) => (reply.suggestedActions ? 'suggested actions, not card buttons' : buttons(reply));
    await dialog.play([['PIN / PUK Bilgisi', [factCard, cardButtons]]]);
  });

  test.each<[string, ChannelProfile, PinPukTextChannels, MessageKey]>([
    ['SMS from another phone', smsFrom('+905559998877'), 'registered-phone', 'pinPuk.textChannel.notRegisteredPhone'],
    ['SMS while PINPUK_TEXT_CHANNELS is never', smsFrom(AYSE.phone), 'never', 'pinPuk.textChannel.never'],
  ])(
    'when the values are asked for by %s, then they are refused before anything is decrypted',
    async (_case, profile, setting, refusal) => {
      const services = testServices();
      const { dialog } = await pinPuk(services, profile, setting);
      await dialog.play([['PIN / PUK Bilgisi', textOnly(say(refusal))]]);
      expect(services.audit.actions()).toEqual([]);
    },
  );

  test('when the values are asked for by SMS from the registered phone, then they are shown as text with numbered choices', async () => {
    const { dialog } = await pinPuk(testServices(), smsFrom(AYSE.phone));
    // Values first in their short SMS form, then the one line that the SMS stays on the phone; the prompt carries the notes.
    const shownBySms = [
      say('pinPuk.card.sms', { serial: KART_01.serial, pin: KART_01.values!.pin, puk: KART_01.values!.puk }),
      say('pinPuk.deletedCard.sms', { serial: 'KART-02' }),
      say('pinPuk.notes.sms'),
    ].join('\n\n');
    await dialog.play([['PIN / PUK Bilgisi', [textOnly(shownBySms), withNumberedLines(say('pinPuk.prompt.sms'), ACTIONS)]]]);
  });

  test('when the session has ended before the choice, then nothing is saved and the expiry is told', async () => {
    const services = testServices();
    const { dialog } = await pinPuk(services);
    await dialog.play([
      ['PIN / PUK Bilgisi', [shown, actions]],
      ['1', yesNo(say('pinPuk.saveConfirm'))],
    ]);
    await services.sessions.end(dialog.remembered.sessionId);
    await dialog.play([['evet', say('session.expired')]]);
    expect(services.audit.actions()).toEqual(['pinpuk.shown']);
  });
});
