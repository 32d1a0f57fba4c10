import { translate } from '../../src/language/messages';
import {
  all,
  DialogScript,
  pngImage,
  RIGHT_ANSWER,
  textOnly,
  withButtons,
  withNumberedLines,
  without,
  WRONG_ANSWER,
  type Row,
  type ScriptOptions,
} from '../support/dialogScript';
import { startTestApp, type TestApp } from '../support/testApp';

/** Ayşe Yılmaz of the demo seed: a known, valid T.C. Kimlik Numarası. */
const KNOWN_ID = '10000000146';
/** Valid check digits, but nobody in the demo seed has it. */
const UNKNOWN_ID = '10000000528';
/** KNOWN_ID with the last digit changed: 11 digits, first not 0, check digits wrong. */
const BAD_CHECK_DIGITS = '10000000147';
const TOO_SHORT = '12345';
const LEADING_ZERO = '01234567890';

/** The sentences the citizen should read, written here independently of the message catalog. */
type Texts = {
  greeting: string;
  again: string;
  labels: readonly string[];
  /** A free-text message not understood at the start: one sentence, the start's buttons (SPEC §1.1a). */
  miss: string;
  startHelp: string;
  idPrompt: string;
  idHelp: string;
  tooShort: string;
  badCheckDigits: string;
  leadingZero: string;
  triesLeft: (left: number) => string;
  giveUp: string;
  callCenter: string;
  /** "temsilci" puts the citizen in the queue for an agent (the demo seed has one). */
  queued: string;
  leftQueue: string;
  challenge: RegExp;
  challengeHelp: string;
  imagePrompt: string;
  imageHelp: string;
  wrong: (left: number) => string;
  failed: string;
  sent: string;
  cancelled: string;
  languageChanged: string;
  words: { help: string; agent: string; menu: string; cancel: string; loose: string; accessible: string };
};

const TR: Texts = {
  greeting: 'Merhaba, ben e-İmza Yardımcısı',
  again: 'Başka ne yapmak istersiniz?',
  labels: ['Güvenlik Sözcüğümü Unuttum', 'Şifreli Giriş', 'Yardım'],
  miss: 'Bunu anlayamadım; güvenlik sözcüğünüzü yenilemenize',
  startHelp: 'Güvenlik sözcüğünüzü hatırlamıyorsanız',
  idPrompt: 'Kimlik No: T.C. Kimlik Numaranızı ya da Pasaport Numaranızı yazın.',
  idHelp: '11 haneli T.C. Kimlik Numaranızı',
  tooShort: '11 hane olmalı',
  badCheckDigits: 'kontrol haneleri tutmuyor',
  leadingZero: '0 ile başlayamaz',
  triesLeft: (left) => `${left} deneme hakkınız kaldı`,
  giveUp: 'Kimlik No üç kez geçersiz girildi',
  callCenter: '0262 648 18 18',
  queued: 'Sıranız',
  leftQueue: 'Temsilci sırasından çıktınız.',
  challenge: /^Güvenlik kontrolü: şu sayıyı rakamla yazın: \p{L}/u,
  challengeHelp: 'Yazıyla verilen sayıyı rakamla yazın',
  imagePrompt: 'Resimdeki Yazı',
  imageHelp: 'Resimdeki harf ve rakamları soldan sağa yazın',
  wrong: (left) => `Yanıt doğru değil. ${left} hakkınız kaldı.`,
  failed: 'Güvenlik kontrolü üç kez yanlış yanıtlandı',
  sent: 'Bu kimlik numarası sistemimizde kayıtlıysa, kayıtlı e-posta adresinize',
  cancelled: 'İşlemi iptal ettim.',
  languageChanged: 'Türkçe devam ediyoruz.',
  words: {
    help: 'yardım',
    agent: 'temsilci',
    menu: 'menü',
    cancel: 'iptal',
    loose: 'guvenlik sozcugumu unuttum',
    accessible: 'erişilebilir',
  },
};

const EN: Texts = {
  greeting: "Hello, I'm the e-İmza Assistant",
  again: 'What else would you like to do?',
  labels: ['Güvenlik Sözcüğümü Unuttum (forgot my security word)', 'Şifreli Giriş (log in)', 'Help'],
  miss: "I didn't understand that; I can help you reset your security word",
  startHelp: 'If you forgot your security word',
  idPrompt: 'Kimlik No: please type your Turkish ID number',
  idHelp: 'Turkish citizens type the 11-digit',
  tooShort: 'has 11 digits',
  badCheckDigits: "check digits don't match",
  leadingZero: 'cannot start with 0',
  triesLeft: (left) => `${left} tries left`,
  giveUp: 'The ID number was invalid three times',
  callCenter: '262 648 18 18',
  queued: 'Your place in the queue',
  leftQueue: 'You have left the queue for an agent.',
  challenge: /^Security check: type this number in digits: \p{L}/u,
  challengeHelp: 'Type the number written in words as digits',
  imagePrompt: 'type the characters in the picture',
  imageHelp: 'Type the letters and digits in the picture',
  wrong: (left) => `That is not right. ${left} tries left.`,
  failed: 'The security check was answered wrongly three times',
  sent: 'If this ID is registered with us, a link to set a new security word has been sent',
  cancelled: 'I have cancelled that.',
  languageChanged: "Let's continue in English.",
  words: { help: 'help', agent: 'agent', menu: 'menu', cancel: 'cancel', loose: 'forgot my security word', accessible: 'accessible' },
};

const greeting = (t: Texts) => withButtons(t.greeting, t.labels);
const again = (t: Texts) => withButtons(t.again, t.labels);

/**
 * Güvenlik Sözcüğümü Unuttum from the first choice to the final reply, with a detour through
 * every thing a citizen may do on the way. Played in Turkish and, unchanged, in English.
 */
function forgotJourney(t: Texts): Row[] {
  return [
    ['pizza', withButtons(without(t.miss, t.greeting), t.labels)],
    [t.words.loose, t.idPrompt],
    [t.words.help, [without(t.idHelp, t.challengeHelp), t.idPrompt]],
    [TOO_SHORT, [all(t.tooShort, t.triesLeft(2)), t.idPrompt]],
    [t.words.agent, all(t.queued, t.callCenter)],
    [t.words.cancel, [t.leftQueue, t.idPrompt]],
    [BAD_CHECK_DIGITS, [all(t.badCheckDigits, t.triesLeft(1)), t.idPrompt]],
    ['100 000 001-46', t.challenge],
    [t.words.help, [without(t.challengeHelp, t.idHelp), t.challenge]],
    [WRONG_ANSWER, [t.wrong(2), t.challenge]],
    [RIGHT_ANSWER, [without(t.sent, '@'), again(t)]],
  ];
}

describe('a conversation on the test channel, with the text human check', () => {
  let running: TestApp;
  const conversation = (options: ScriptOptions = {}) => new DialogScript((context) => running.app.bot.handle(context), options);
  const resetLinkCount = async () => {
    await running.app.background.drain();
    const [row] = await running.app.db.query<{ count: number }>('SELECT count(*)::int AS count FROM reset_links');
    return row!.count;
  };

  beforeAll(async () => {
    running = await startTestApp();
  });
  afterAll(() => running.close());

  describe('when the citizen writes in Turkish (tr-TR)', () => {
    test('then the greeting offers Güvenlik Sözcüğümü Unuttum, Şifreli Giriş and Yardım as numbered suggested actions', async () => {
      await conversation().play([[{ type: 'conversationUpdate', membersAdded: [{ id: 'user1', name: 'User1' }] }, greeting(TR)]]);
    });

    test('then the whole Güvenlik Sözcüğümü Unuttum journey works, with help, agent and retries on the way', async () => {
      const script = conversation();
      await script.join();
      await script.play(forgotJourney(TR));
    });

    test.each([
      ['by number', '1'],
      ['by its label', 'Güvenlik Sözcüğümü Unuttum'],
      ['without Turkish letters', 'guvenlik sozcugumu unuttum'],
      ['by one word in capitals', 'UNUTTUM'],
      ['in mixed Turkish capitals', 'GÜVENLİK SÖZCÜĞÜMÜ unuttum'],
    ])('when the first choice is picked %s (%j), then Kimlik No is asked', async (_how, says) => {
      const script = conversation();
      await script.join();
      await script.play([[says, TR.idPrompt]]);
    });

    test('when Yardım is picked by number, then the start is explained and offered again', async () => {
      const script = conversation();
      await script.join();
      await script.play([['3', [TR.startHelp, again(TR)]]]);
    });

    test('when the first message already names the journey, then Kimlik No is asked at once', async () => {
      await conversation().play([['Güvenlik Sözcüğümü Unuttum', TR.idPrompt]]);
    });

    test('when Kimlik No is invalid three times, then each time the reason is given and the third ends the flow with help', async () => {
      const script = conversation();
      await script.join();
      await script.play([
        ['1', TR.idPrompt],
        [TOO_SHORT, [all(TR.tooShort, TR.triesLeft(2)), TR.idPrompt]],
        [BAD_CHECK_DIGITS, [all(TR.badCheckDigits, TR.triesLeft(1)), TR.idPrompt]],
        [LEADING_ZERO, [all(TR.leadingZero, TR.giveUp, 'kimlik kartınızdan', TR.callCenter), again(TR)]],
        // The flow has ended: an ID now is no answer to anything, the start asks for a choice.
        [KNOWN_ID, withButtons(without(TR.miss, TR.greeting), TR.labels)],
      ]);
    });

    test('when the human check is answered wrongly three times, then the tries left are counted down, the flow ends and no link is made', async () => {
      const before = await resetLinkCount();
      const script = conversation();
      await script.join();
      await script.play([
        ['1', TR.idPrompt],
        [KNOWN_ID, TR.challenge],
        [WRONG_ANSWER, [TR.wrong(2), TR.challenge]],
        ['bilmiyorum', [TR.wrong(1), TR.challenge]],
        [WRONG_ANSWER, [TR.failed, again(TR)]],
      ]);
      expect(await resetLinkCount()).toBe(before);
    });

    test('when the human check is wrong and then right, then the same question is asked again and the link is requested', async () => {
      const before = await resetLinkCount();
      const script = conversation();
      await script.join();
      await script.play([
        ['1', TR.idPrompt],
        [KNOWN_ID, TR.challenge],
      ]);
      const question = script.history.at(-1)!.text;
      await script.play([
        [WRONG_ANSWER, [TR.wrong(2), (reply) => (reply.text === question ? undefined : `asked "${reply.text}" instead of "${question}"`)]],
      ]);
      await script.play([[RIGHT_ANSWER, [TR.sent, again(TR)]]]);
      expect(await resetLinkCount()).toBe(before + 1);
    });

    test('when a known and an unknown Kimlik No finish the journey, then both get the very same reply, with no e-mail address', async () => {
      const finalReply = async (id: string) => {
        const script = conversation();
        await script.join();
        await script.play([
          ['1', TR.idPrompt],
          [id, TR.challenge],
        ]);
        return (await script.send(RIGHT_ANSWER))[0]!.text;
      };
      const known = await finalReply(KNOWN_ID);
      const unknown = await finalReply(UNKNOWN_ID);
      expect(known).toContain(TR.sent);
      expect(known).not.toContain('@');
      expect(unknown).toBe(known);
    });

    /** How to reach each step of the journey from a new conversation. */
    const steps: Record<string, Row[]> = {
      'the start': [],
      'Kimlik No': [['1', TR.idPrompt]],
      'the human check': [
        ['1', TR.idPrompt],
        [KNOWN_ID, TR.challenge],
      ],
    };
    const cancelWords = ['iptal', 'vazgeç', 'cancel', 'İPTAL', 'Vazgec'];
    const cancelCases = Object.keys(steps).flatMap((step) => cancelWords.map((word) => [word, step] as const));

    test.each(cancelCases)('when %j is typed at %s, then the flow ends and the start is shown again', async (word, step) => {
      const before = await resetLinkCount();
      const script = conversation();
      await script.join();
      await script.play(steps[step]!);
      await script.play([
        // At the start nothing is under way: the citizen is told so rather than "cancelled".
        [word, [step === 'the start' ? translate('tr', 'global.nothingToCancel') : TR.cancelled, again(TR)]],
        // Nothing of the cancelled flow is waiting: an ID or a challenge answer is not taken.
        [KNOWN_ID, withButtons(without(TR.miss, TR.greeting), TR.labels)],
      ]);
      expect(await resetLinkCount()).toBe(before);
    });

    test('when the check digits of a Kimlik No are wrong, then the reply says "lütfen" once, not twice', async () => {
      const script = conversation();
      await script.join();
      const onceLutfen = (reply: { text?: string }) => {
        const count = (reply.text ?? '').toLocaleLowerCase('tr').split('lütfen').length - 1;
        return count === 1 ? undefined : `"lütfen" ${count} times in: ${reply.text}`;
      };
      await script.play([
        ['1', TR.idPrompt],
        [BAD_CHECK_DIGITS, [onceLutfen, TR.idPrompt]],
      ]);
    });

    test.each(['Kimlik No', 'the human check'])(
      'when "menü" is typed at %s, then the start is shown again without a cancel notice',
      async (step) => {
        const script = conversation();
        await script.join();
        await script.play(steps[step]!);
        await script.play([['menü', without(again(TR), TR.cancelled)]]);
      },
    );

    test('when "yardım" is typed, then the help explains the current step and the same question is asked again', async () => {
      const script = conversation();
      await script.join();
      await script.play([
        ['yardım', [TR.startHelp, greeting(TR)]],
        ['1', TR.idPrompt],
        ['YARDIM', [without(TR.idHelp, TR.challengeHelp, TR.startHelp), TR.idPrompt]],
        [KNOWN_ID, TR.challenge],
      ]);
      const question = script.history.at(-1)!.text;
      await script.play([
        [
          'Yardım!',
          [
            without(TR.challengeHelp, TR.idHelp, TR.startHelp),
            (reply) => (reply.text === question ? undefined : `asked "${reply.text}", not the same question`),
          ],
        ],
      ]);
      // The step still takes its answer after the help.
      await script.play([[RIGHT_ANSWER, [TR.sent, again(TR)]]]);
    });

    test('when "temsilci" is typed, then the citizen is queued with the call-center number, and on leaving the queue the current question is asked again', async () => {
      const script = conversation();
      await script.join();
      await script.play([
        ['temsilci', all(TR.queued, TR.callCenter)],
        ['iptal', [TR.leftQueue, greeting(TR)]],
        ['1', TR.idPrompt],
        ['temsilci', all('Çağrı Merkezi', TR.callCenter)],
        ['vazgeç', [TR.leftQueue, TR.idPrompt]],
        [KNOWN_ID, TR.challenge],
        ['Temsilci', all(TR.queued, TR.callCenter)],
        ['İPTAL', [TR.leftQueue, TR.challenge]],
        [RIGHT_ANSWER, [TR.sent, again(TR)]],
      ]);
    });

    test('when "English" is typed in the middle, then the same journey continues in English until "Türkçe"', async () => {
      const script = conversation({ locale: 'tr-TR' });
      await script.join();
      await script.play([['English', [EN.languageChanged, greeting(EN)]]]);
      await script.play(forgotJourney(EN));
      await script.play([['Türkçe', [TR.languageChanged, again(TR)]]]);
    });

    test('when "English" is typed at Kimlik No, then the question is asked again in English and answers are read in English', async () => {
      const script = conversation();
      await script.join();
      await script.play([
        ['1', TR.idPrompt],
        ['english', [EN.languageChanged, EN.idPrompt]],
        [TOO_SHORT, [all(EN.tooShort, EN.triesLeft(2)), EN.idPrompt]],
        [KNOWN_ID, EN.challenge],
        [RIGHT_ANSWER, [EN.sent, again(EN)]],
      ]);
    });
  });

  describe('when the citizen writes in English (en-US)', () => {
    const english = () => conversation({ locale: 'en-US' });

    test('then the greeting offers the three choices in English as numbered suggested actions', async () => {
      await english().play([[{ type: 'conversationUpdate', membersAdded: [{ id: 'user1', name: 'User1' }] }, greeting(EN)]]);
    });

    test('then the whole Güvenlik Sözcüğümü Unuttum journey works, with help, agent and retries on the way', async () => {
      const script = english();
      await script.join();
      await script.play(forgotJourney(EN));
    });

    test.each([['1'], ['Güvenlik Sözcüğümü Unuttum'], ['guvenlik sozcugumu unuttum'], ['UNUTTUM'], ['Forgot my security word']])(
      'when the first choice is picked as %j, then Kimlik No is asked',
      async (says) => {
        const script = english();
        await script.join();
        await script.play([[says, EN.idPrompt]]);
      },
    );

    test('when Kimlik No is invalid three times, then each time the reason is given and the third ends the flow with help', async () => {
      const script = english();
      await script.join();
      await script.play([
        ['1', EN.idPrompt],
        [TOO_SHORT, [all(EN.tooShort, EN.triesLeft(2)), EN.idPrompt]],
        [BAD_CHECK_DIGITS, [all(EN.badCheckDigits, EN.triesLeft(1)), EN.idPrompt]],
        [LEADING_ZERO, [all(EN.leadingZero, EN.giveUp, EN.callCenter), again(EN)]],
      ]);
    });

    test('when the human check is answered wrongly three times, then the flow ends', async () => {
      const script = english();
      await script.join();
      await script.play([
        ['1', EN.idPrompt],
        [KNOWN_ID, EN.challenge],
        [WRONG_ANSWER, [EN.wrong(2), EN.challenge]],
        [WRONG_ANSWER, [EN.wrong(1), EN.challenge]],
        [WRONG_ANSWER, [EN.failed, again(EN)]],
      ]);
    });

    test.each(['cancel', 'iptal', 'CANCEL'])(
      'when %j is typed at the human check, then the flow ends and the start is shown again',
      async (word) => {
        const script = english();
        await script.join();
        await script.play([
          ['1', EN.idPrompt],
          [KNOWN_ID, EN.challenge],
          [word, [EN.cancelled, again(EN)]],
        ]);
      },
    );

    test('when "help" is typed, then each step gets its own explanation and its question again', async () => {
      const script = english();
      await script.join();
      await script.play([
        ['1', EN.idPrompt],
        ['help', [without(EN.idHelp, EN.challengeHelp), EN.idPrompt]],
        [KNOWN_ID, EN.challenge],
        ['help', [without(EN.challengeHelp, EN.idHelp), EN.challenge]],
        ['menu', again(EN)],
        ['agent', all(EN.queued, EN.callCenter)],
        ['cancel', [EN.leftQueue, again(EN)]],
      ]);
    });
  });

  describe('when the channel is text-only (sms)', () => {
    test('then the choices are numbered lines "1) …", picked by number, and the human check is text', async () => {
      const script = conversation({ channelId: 'sms' });
      await script.play([
        [{ type: 'conversationUpdate', membersAdded: [{ id: 'user1', name: 'User1' }] }, withNumberedLines(TR.greeting, TR.labels)],
        // On a text-only channel the help and the notice come in their short SMS forms.
        ['?', [translate('tr', 'start.help.sms'), withNumberedLines(TR.greeting, TR.labels)]],
        ['1', textOnly(TR.idPrompt)],
        [KNOWN_ID, textOnly(TR.challenge)],
        [RIGHT_ANSWER, [textOnly(translate('tr', 'forgot.sent.sms')), withNumberedLines(TR.again, TR.labels)]],
      ]);
    });
  });
});

describe('a conversation with CHALLENGE_KIND=image', () => {
  let running: TestApp;
  const conversation = (options: ScriptOptions = {}) => new DialogScript((context) => running.app.bot.handle(context), options);

  beforeAll(async () => {
    running = await startTestApp({ CHALLENGE_KIND: 'image' });
  });
  afterAll(() => running.close());

  test('when Kimlik No is given, then the human check is a PNG picture sent as a data: URL, with its own help', async () => {
    const script = conversation();
    await script.join();
    await script.play([
      ['1', TR.idPrompt],
      [KNOWN_ID, [pngImage(), TR.imagePrompt]],
      ['yardım', [without(TR.imageHelp, TR.challengeHelp), TR.imagePrompt]],
      ['XXXXXXXXXX', [TR.wrong(2), TR.imagePrompt]],
    ]);
  });

  test.each([
    ['tr-TR', TR],
    ['en-US', EN],
  ])(
    'when the citizen (%s) types the accessible word at the picture, then a text challenge replaces it and answering it works',
    async (locale, t) => {
      const script = conversation({ locale });
      await script.join();
      await script.play([
        ['1', t.idPrompt],
        [KNOWN_ID, [pngImage(), t.imagePrompt]],
        [t.words.accessible, textOnly(t.challenge)],
        [RIGHT_ANSWER, [t.sent, again(t)]],
      ]);
    },
  );
});

describe('a conversation with CHALLENGE_KIND=auto', () => {
  let running: TestApp;
  const conversation = (options: ScriptOptions = {}) => new DialogScript((context) => running.app.bot.handle(context), options);

  beforeAll(async () => {
    running = await startTestApp({ CHALLENGE_KIND: 'auto' });
  });
  afterAll(() => running.close());

  test('when the channel is sms, then the human check is a text challenge and the choices are numbered lines', async () => {
    const script = conversation({ channelId: 'sms' });
    await script.play([
      [{ type: 'conversationUpdate', membersAdded: [{ id: 'user1', name: 'User1' }] }, withNumberedLines(TR.greeting, TR.labels)],
      ['1', textOnly(TR.idPrompt)],
      [KNOWN_ID, textOnly(TR.challenge)],
      [RIGHT_ANSWER, [translate('tr', 'forgot.sent.sms'), withNumberedLines(TR.again, TR.labels)]],
    ]);
  });

  test('when the channel is webchat, then the human check is a picture, and "erişilebilir" turns it into a text challenge', async () => {
    const script = conversation({ channelId: 'webchat' });
    await script.play([
      [{ type: 'conversationUpdate', membersAdded: [{ id: 'user1', name: 'User1' }] }, greeting(TR)],
      ['1', TR.idPrompt],
      [KNOWN_ID, [pngImage(), TR.imagePrompt]],
      ['Erişilebilir', textOnly(TR.challenge)],
      [WRONG_ANSWER, [TR.wrong(2), TR.challenge]],
      [RIGHT_ANSWER, [TR.sent, again(TR)]],
    ]);
  });
});
