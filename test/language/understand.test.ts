import { IntentModel } from '../../src/language/intents/intentModel';
import { MAX_INTENT_INPUT, understand } from '../../src/language/intents/understand';

let model: IntentModel;
beforeAll(async () => {
  model = await IntentModel.shared();
});
afterEach(() => jest.restoreAllMocks());

test.each([
  ['şifremi unuttum', 'forgotWord'],
  ['PAROLAMI UNUTTUM', 'forgotWord'],
  ['pin kodumu öğrenmek istiyorum', 'pinPuk'],
  ['kartım bloke oldu', 'unlock'],
  ['sertifikamı iptal etmek istiyorum', 'revoke'],
  ['e-imzam çalındı', 'revoke'],
  ['telefon numaramı değiştirmek istiyorum', 'updatePhone'],
  ['teşekkürler', 'thanks'],
  ['canlı destek', 'agent'],
  ['insan ile görüşmek istiyorum', 'agent'],
  ['I forgot my password', 'forgotWord'],
  ['login', 'login'],
])('when a citizen writes "%s", then it is understood as %s', async (text, intent) => {
  expect(await understand(model, text, 'tr')).toEqual({ kind: 'intent', intent });
});

test.each([
  ['İyi günler, sertifikamı iptal ettirmek istiyorum', 'revoke'],
  ['Selam, telefon numaram değişti', 'updatePhone'],
  ['Merhaba, şifremi unuttum ne yapmalıyım?', 'forgotWord'],
  ['merhaba pin kodumu nasıl görürüm', 'pinPuk'],
  ['hi there, I want to talk to a person', 'agent'],
  ['merhaba', 'greeting'],
  ['merhaba nasılsınız', 'greeting'],
  ['Merhaba, kolay gelsin', 'greeting'],
])('when a message opens with a greeting, "%s", then what follows it is the wish (%s)', async (text, intent) => {
  expect(await understand(model, text, 'tr')).toEqual({ kind: 'intent', intent });
});

test('when a greeting opens a wish put less clearly, then the wish leads the question, never Merhaba', async () => {
  const said = await understand(model, 'Merhaba, kartımın PUK numarasını görmem gerekiyor, ne yapmalıyım?', 'tr');
  expect(said.kind === 'intent' ? said.intent : said.kind === 'unsure' ? said.guesses[0] : said.kind).toBe('pinPuk');
});

test.each(['şifre', 'Parola', 'şifrem', 'password', 'şifremle ilgili'])(
  'when "%s" stands alone, then the bot must ask which one is meant',
  async (text) => {
    expect(await understand(model, text, 'tr')).toEqual({ kind: 'password' });
  },
);

test.each(['482913', '482 913', '10000000146', 'Lale.Bahce.42', 'KSM0000001', '😀😀', '<b></b>'])(
  'when the message "%s" looks like a secret or holds no words, then it is a miss and never reaches the model',
  async (text) => {
    const classify = jest.spyOn(model, 'classify');
    expect(await understand(model, text, 'tr')).toEqual({ kind: 'miss' });
    expect(classify).not.toHaveBeenCalled();
  },
);

test('when a 2,000-character paragraph arrives, then only its first characters are read', async () => {
  const classify = jest.spyOn(model, 'classify');
  const paragraph = `Merhaba, kartım bloke oldu. ${'Bu konuda çok uzun bir açıklama yazıyorum. '.repeat(50)}`;
  expect(await understand(model, paragraph, 'tr')).toMatchObject({ kind: expect.any(String) });
  expect(classify.mock.calls[0]![0].length).toBeLessThanOrEqual(MAX_INTENT_INPUT);
});

test('when the weather is asked about, then it is out of scope', async () => {
  expect(await understand(model, 'yarın hava nasıl olacak', 'tr')).toEqual({ kind: 'intent', intent: 'outOfScope' });
});

test.each([
  ['pizza sipariş etmek istiyorum', 'tr'],
  ['I want to order a pizza', 'en'],
] as const)(
  'when "%s" is mostly words no journey knows, then it is a miss, not a guess between two wishes or a call for an agent',
  async (text, locale) => {
    expect(await understand(model, text, locale)).toEqual({ kind: 'miss' });
  },
);
