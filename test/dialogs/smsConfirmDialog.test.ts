import type { ChannelProfile } from '../../src/dialogs/channelProfile';
import { SmsConfirmDialog } from '../../src/dialogs/smsConfirmDialog';
import { maskPhone } from '../../src/domain/identity';
import { CODE_RESEND_AFTER_MS, CODE_TTL_MS } from '../../src/domain/oneTimeCodes';
import { translate, type MessageKey } from '../../src/language/messages';
import { otherCode } from '../support/citizenLogin';
import { withButtons, withNumberedLines, type Row } from '../support/dialogScript';
import { AYSE, testServices, type TestServices } from '../support/dialogServices';
import { DialogTestClient, smsFrom, TEAMS, WEB_CHAT } from '../support/dialogTestClient';

const say = (key: MessageKey, params?: Record<string, string | number>) => translate('tr', key, params);

const confirmQuestion = say('sms.confirmPrompt', { phone: maskPhone(AYSE.phone) });
const confirmChoices = [say('sms.choice.confirm'), say('sms.choice.notMine')];
const codePrompt = (seconds = CODE_TTL_MS / 1000) => say('sms.codePrompt', { seconds });

/** SMS Onay alone, for a login whose word was right: its session waits for the code. */
async function smsConfirm(services: TestServices, profile?: ChannelProfile, channel?: string) {
  const sessionId = await services.logIn(AYSE, false);
  const dialog = new DialogTestClient(
    (memory) =>
      new SmsConfirmDialog(
        services.oneTimeCodes,
        services.sessions,
        services.rateLimits,
        services.subjects,
        memory,
        services.conversations,
      ),
    { remembered: { sessionId }, ...(profile ? { profile } : {}), ...(channel ? { channel } : {}) },
  );
  return { dialog, sessionId };
}

const rightCode = (services: TestServices) => () => services.sms.lastCode();
const wrongCode = (services: TestServices) => () => otherCode(services.sms.lastCode());

describe('the SMS Onay dialog alone', () => {
  test('when Onay is chosen and the code comes back right, then the session is confirmed and the dialog ends with true', async () => {
    const services = testServices();
    const { dialog, sessionId } = await smsConfirm(services);
    await dialog.play([
      ['merhaba', withButtons(confirmQuestion, confirmChoices)],
      ['Onay', codePrompt()],
      [rightCode(services), []],
    ]);
    expect(services.sms.sent.map((sms) => sms.to)).toEqual([AYSE.phone]);
    expect(dialog.dialogTurnResult?.result).toBe(true);
    const check = await services.sessions.touch(sessionId);
    expect(check.state === 'active' && check.session.confirmed).toBe(true);
  });

  test.each<[string, ChannelProfile, string, boolean]>([
    ['a web chat: its language, no way back in', WEB_CHAT, 'directline', false],
    ['a Teams chat: its language and where it is, for a reminder later', TEAMS, 'msteams', true],
  ])(
    'when the right code confirms the login in %s, then the conversation is remembered for the reminders',
    async (_, profile, channel, kept) => {
      const services = testServices();
      const { dialog } = await smsConfirm(services, profile, channel);
      await dialog.play([
        ['merhaba', /SMS Onay/],
        ['Onay', codePrompt()],
        [wrongCode(services), [/hatalı/, /Kalan süre/]],
      ]);
      expect(services.conversations.remembered).toEqual([]);
      await dialog.play([[rightCode(services), []]]);
      expect(services.conversations.remembered).toEqual([
        expect.objectContaining({
          citizenId: AYSE.id,
          channel,
          locale: 'tr',
          reference: kept ? expect.objectContaining({ conversation: expect.anything() }) : undefined,
        }),
      ]);
    },
  );

  test('when the number is not theirs, then no SMS is sent and the call center is named', async () => {
    const services = testServices();
    const { dialog } = await smsConfirm(services);
    await dialog.play([
      ['merhaba', withButtons(confirmQuestion, confirmChoices)],
      ['2', say('sms.notMine')],
    ]);
    expect(say('sms.notMine')).toContain('0262 648 18 18');
    expect(services.sms.sent).toEqual([]);
    expect(dialog.dialogTurnResult?.result).toBe(false);
  });

  test.each<[string, (services: TestServices) => Row[], boolean]>([
    [
      'a wrong code, then the right one',
      (s) => [
        [wrongCode(s), [say('sms.codeWrong', { left: 2 }), codePrompt()]],
        [rightCode(s), []],
      ],
      true,
    ],
    ['a code of five digits', () => [['12345', [say('sms.codeFormat'), codePrompt()]]], false],
    [
      'three wrong codes',
      (s) => [
        [wrongCode(s), [say('sms.codeWrong', { left: 2 }), codePrompt()]],
        [wrongCode(s), [say('sms.codeWrong', { left: 1 }), codePrompt()]],
        [wrongCode(s), say('sms.codeDead')],
      ],
      false,
    ],
    [
      '"yeni kod" before a minute has passed',
      () => [['yeni kod', [say('sms.wait', { seconds: CODE_RESEND_AFTER_MS / 1000 }), codePrompt()]]],
      false,
    ],
  ])('when the citizen types %s, then each reply says what is wrong and what is left', async (_case, rows, confirmed) => {
    const services = testServices();
    const { dialog, sessionId } = await smsConfirm(services);
    await dialog.play([['merhaba', withButtons(confirmQuestion, confirmChoices)], ['1', codePrompt()], ...rows(services)]);
    const check = await services.sessions.touch(sessionId);
    expect(check.state === 'active' && check.session.confirmed).toBe(confirmed);
  });

  test('when the code has expired, then a new one is offered and, once sent, the new one confirms', async () => {
    const services = testServices();
    const { dialog } = await smsConfirm(services);
    await dialog.play([
      ['merhaba', withButtons(confirmQuestion, confirmChoices)],
      ['1', codePrompt()],
    ]);
    const expired = services.sms.lastCode();
    services.clock.advance(CODE_TTL_MS + 1000);
    await dialog.play([
      [expired, withButtons(say('sms.expiredPrompt'), [say('sms.choice.newCode'), say('sms.choice.stop')])],
      ['Yeni kod gönder', codePrompt()],
      [rightCode(services), []],
    ]);
    expect(services.sms.sent).toHaveLength(2);
    expect(dialog.dialogTurnResult?.result).toBe(true);
  });

  test('when the channel shows only text, then Onay and "not mine" are numbered lines', async () => {
    const services = testServices();
    const { dialog } = await smsConfirm(services, smsFrom(AYSE.phone));
    await dialog.play([
      // Its short SMS form, so the question and its choices go as one message.
      ['merhaba', withNumberedLines(say('sms.confirmPrompt.sms', { phone: maskPhone(AYSE.phone) }), confirmChoices)],
      ['1', codePrompt()],
    ]);
  });

  test('when the login has timed out meanwhile, then the citizen is told and no SMS is sent', async () => {
    const services = testServices();
    const { dialog, sessionId } = await smsConfirm(services);
    await services.sessions.end(sessionId);
    await dialog.play([['merhaba', say('session.expired')]]);
    expect(services.sms.sent).toEqual([]);
    expect(dialog.dialogTurnResult?.result).toBe(false);
  });
});
