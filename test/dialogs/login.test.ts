import type { Activity } from 'botbuilder';
import {
  all,
  DialogScript,
  RIGHT_ANSWER,
  textOnly,
  withButtons,
  withNumberedLines,
  without,
  type Expectation,
  type Row,
  type ScriptOptions,
} from '../support/dialogScript';
import { AYSE } from '../support/citizenLogin';
import { startTestApp, type TestApp } from '../support/testApp';

/** Wrong security words: the first one written like a real word, so an echo would be noticed. */
const WRONG_WORD = 'Papatya.Tarla.19';

/** The sentences the citizen should read, written here independently of the message catalog. */
type Texts = {
  locale: string;
  loginChoice: string;
  idPrompt: string;
  idHelp: string;
  challenge: RegExp;
  wordPrompt: string;
  wordHelp: string;
  wrongWord: (left: number) => string;
  smsConfirm: string;
  confirmLabels: readonly string[];
  help: string;
};

const TR: Texts = {
  locale: 'tr-TR',
  loginChoice: 'Şifreli Giriş',
  idPrompt: 'Kimlik No: T.C. Kimlik Numaranızı ya da Pasaport Numaranızı yazın.',
  idHelp: '11 haneli T.C. Kimlik Numaranızı',
  challenge: /^Güvenlik kontrolü: şu sayıyı rakamla yazın: \p{L}/u,
  wordPrompt: 'Güvenlik Sözcüğünüzü yazın.',
  wordHelp: 'NES Başvuru Formu',
  wrongWord: (left) => `${left} deneme hakkınız kaldı`,
  smsConfirm: 'SMS Onay',
  confirmLabels: ['Onay', 'Bu numara bana ait değil'],
  help: 'yardım',
};

const EN: Texts = {
  locale: 'en-US',
  loginChoice: 'Şifreli Giriş (log in)',
  idPrompt: 'Kimlik No: please type your Turkish ID number',
  idHelp: 'Turkish citizens type the 11-digit',
  challenge: /^Security check: type this number in digits: \p{L}/u,
  wordPrompt: 'Please type your security word',
  wordHelp: 'NES application form',
  wrongWord: (left) => `${left} tries left`,
  smsConfirm: 'SMS confirmation',
  confirmLabels: ['Onay (confirm)', 'Bu numara bana ait değil (not my number)'],
  help: 'help',
};

type CardElement = { type?: string; id?: string; style?: string; value?: unknown };

/** The reply is the security-word question as an Adaptive Card whose text input is masked (style password). */
function maskedWordCard(question: string): Expectation {
  return (reply) => {
    const [attachment, ...more] = reply.attachments ?? [];
    if (!attachment || more.length) return `expected one attachment, got ${reply.attachments?.length ?? 0}`;
    if (attachment.contentType !== 'application/vnd.microsoft.card.adaptive') return `content type is ${attachment.contentType}`;
    const body = (attachment.content as { body?: CardElement[] }).body ?? [];
    const inputs = body.filter((element) => element.type === 'Input.Text');
    if (inputs.length !== 1) return `expected one Input.Text, found ${inputs.length}`;
    if (inputs[0]!.style !== 'password') return `the Input.Text has style ${JSON.stringify(inputs[0]!.style)}, not "password"`;
    if (inputs[0]!.value !== undefined) return 'the Input.Text is prefilled';
    const shown = `${reply.text ?? ''}\n${JSON.stringify(body)}`;
    return shown.includes(question) ? undefined : `the card does not ask ${JSON.stringify(question)}`;
  };
}

/** The masked card's submit: no text, the word in the value. */
const submitWord = (word: string): Partial<Activity> => ({ text: undefined, value: { securityWord: word } });

/** SMS Onay with Ayşe's masked phone and the two choices as buttons. */
const smsOnayButtons = (t: Texts) => withButtons(all(t.smsConfirm, AYSE.maskedPhone), t.confirmLabels);

/** No reply of the conversation, in its text or in any card or button, carries one of these words. */
function expectNeverEchoed(history: Partial<Activity>[], ...words: string[]): void {
  for (const reply of history) {
    const everything = JSON.stringify(reply);
    for (const word of words) expect(everything).not.toContain(word);
  }
}

describe('Şifreli Giriş up to SMS Onay, on the test channel and on real channels', () => {
  let running: TestApp;
  const conversation = (options: ScriptOptions) => new DialogScript((context) => running.app.bot.handle(context), options);

  beforeAll(async () => {
    running = await startTestApp();
  });
  afterAll(() => running.close());

  describe.each([
    ['Turkish (tr-TR)', TR],
    ['English (en-US)', EN],
  ])('when the citizen writes in %s', (_language, t) => {
    /** From the start to the security-word question (a rich channel's masked card). */
    const toWord = (): Row[] => [
      [t.loginChoice, t.idPrompt],
      [AYSE.id, t.challenge],
      [RIGHT_ANSWER, maskedWordCard(t.wordPrompt)],
    ];

    test('when Ayşe gives her Kimlik No, the human check and her security word, then SMS Onay shows "+90 5** *** ** 67" with Onay and "Bu numara bana ait değil"', async () => {
      const script = conversation({ locale: t.locale });
      await script.join();
      await script.play([...toWord(), [submitWord(AYSE.word), smsOnayButtons(t)]]);
    });

    test('when "yardım" / "help" is typed at the security-word step, then the help says the word is on the NES Başvuru Formu (NES application form), the question is asked again and the word is still taken after', async () => {
      const script = conversation({ locale: t.locale });
      await script.join();
      await script.play([
        ...toWord(),
        [t.help, [without(t.wordHelp, t.idHelp), maskedWordCard(t.wordPrompt)]],
        [submitWord(AYSE.word), smsOnayButtons(t)],
      ]);
    });

    test('when a wrong and then the right security word are typed as text, then no reply echoes either word', async () => {
      const script = conversation({ locale: t.locale });
      await script.join();
      await script.play([...toWord(), [WRONG_WORD, [t.wrongWord(2), maskedWordCard(t.wordPrompt)]], [AYSE.word, smsOnayButtons(t)]]);
      expectNeverEchoed(script.history, WRONG_WORD, AYSE.word);
    });

    test('when the channel is text-only (sms), then the security word is asked in plain text, with no card, and SMS Onay offers numbered lines', async () => {
      const script = conversation({ locale: t.locale, channelId: 'sms' });
      await script.join();
      await script.play([
        [t.loginChoice, textOnly(t.idPrompt)],
        [AYSE.id, textOnly(t.challenge)],
        [RIGHT_ANSWER, textOnly(t.wordPrompt)],
        [AYSE.word, withNumberedLines(all(t.smsConfirm, AYSE.maskedPhone), t.confirmLabels)],
      ]);
      expectNeverEchoed(script.history, AYSE.word);
    });

    test.each(['emulator', 'webchat', 'msteams'])(
      'when the channel is %s, then the security word is asked in an Adaptive Card with a password Input.Text and its submit leads to SMS Onay',
      async (channelId) => {
        const script = conversation({ locale: t.locale, channelId });
        await script.join();
        await script.play([...toWord(), [submitWord(AYSE.word), smsOnayButtons(t)]]);
        expectNeverEchoed(script.history, AYSE.word);
      },
    );
  });
});
