import { IntentModel } from '../../src/language/intents/intentModel';
import { translate, type MessageKey } from '../../src/language/messages';
import { AYSE, codeIn, smsOutbox, textWithChoices } from '../support/citizenLogin';
import { EmulatorClient } from '../support/emulator';
import { solveTextChallenge } from '../support/solveChallenge';
import { startTestApp, type TestApp } from '../support/testApp';

/**
 * SPEC §1.1a, issue 20: citizens write what they want in their own words, at the start and in the
 * İşlemler Menüsü, and the bot goes there; a wish that needs a session is remembered through the login.
 */
const tr = (key: MessageKey, params?: Record<string, string | number>) => translate('tr', key, params);
const ID_PROMPT = tr('identification.prompt');

let running: TestApp;
const clients: EmulatorClient[] = [];

beforeAll(async () => {
  running = await startTestApp();
});
afterAll(async () => {
  for (const client of clients) await client.stop();
  await running.close();
});
afterEach(() => jest.restoreAllMocks());

async function newConversation(locale = 'tr-TR'): Promise<EmulatorClient> {
  const client = new EmulatorClient(running.baseUrl, undefined, undefined, locale);
  clients.push(client);
  await client.start();
  await client.join();
  return client;
}

/** From the Kimlik No question to the SMS code: the human check, the masked word, Onay, the code. */
async function logInFromIdPrompt(client: EmulatorClient): Promise<string> {
  const challenge = await client.sayText(AYSE.id);
  await client.say(solveTextChallenge(challenge));
  await client.say('', { value: { securityWord: AYSE.word }, text: undefined });
  await client.say('Onay');
  const code = codeIn(smsOutbox(running.dataDir).at(-1)!.body);
  return client.sayText(code);
}

describe('when a new user writes the sentences of issue 20 at the start', () => {
  test.each<[string, MessageKey[]]>([
    ['şifremi unuttum', ['identification.prompt']],
    ['parolamı unuttum', ['identification.prompt']],
    ['pin kodumu öğrenmek istiyorum', ['wish.pinPuk', 'identification.prompt']],
    ['kartım bloke oldu', ['wish.unlock', 'identification.prompt']],
    ['sertifikamı iptal etmek istiyorum', ['wish.revoke', 'identification.prompt']],
    ['e-imzam çalındı', ['wish.revoke', 'identification.prompt']],
    ['telefon numaramı değiştirmek istiyorum', ['wish.update', 'identification.prompt']],
    ['teşekkürler', ['smallTalk.thanks']],
    ['canlı destek', ['handOff.queued']],
    ['insan ile görüşmek istiyorum', ['handOff.queued']],
    ['I forgot my password', ['identification.prompt']],
    ['login', ['identification.prompt']],
  ])('then "%s" gets %j, not the choice retry or the greeting again', async (said, expected) => {
    const client = await newConversation();
    const reply = await client.sayText(said);
    // The demo seed has agents, so a request for a person is queued ("Sıradaki yeriniz: n").
    for (const key of expected) expect(reply).toContain(tr(key).split('{position}')[0]);
    expect(reply).not.toContain(tr('choice.retry'));
    expect(reply).not.toContain(tr('start.greeting'));
  });

  test.each<[string, MessageKey[]]>([
    ['İyi günler, sertifikamı iptal ettirmek istiyorum', ['wish.revoke', 'identification.prompt']],
    ['Selam, telefon numaram değişti', ['wish.update', 'identification.prompt']],
    ['Merhaba, şifremi unuttum ne yapmalıyım?', ['identification.prompt']],
  ])('then a wish opened with a greeting, "%s", gets %j, not a question whether it was a greeting', async (said, expected) => {
    const client = await newConversation();
    const reply = await client.sayText(said);
    for (const key of expected) expect(reply).toContain(tr(key));
    expect(reply).not.toContain(tr('understanding.didYouMean').split('{first}')[0]);
    expect(reply).not.toContain(tr('smallTalk.greeting'));
  });

  test('then a wish as the very first message of a conversation goes there too', async () => {
    const client = new EmulatorClient(running.baseUrl);
    clients.push(client);
    await client.start();
    const reply = await client.sayText('kartım bloke oldu');
    expect(reply).toContain(tr('wish.unlock'));
    expect(reply).toContain(ID_PROMPT);
  });
});

describe('when a wish needs a session', () => {
  test('then after the SMS code the PIN / PUK are shown straight away, not the İşlemler Menüsü', async () => {
    const client = await newConversation();
    expect(await client.sayText('pin kodumu öğrenmek istiyorum')).toContain(tr('wish.pinPuk'));
    const shown = await logInFromIdPrompt(client);
    expect(shown).toContain(`Kart Seri Numarası: ${AYSE.card}`);
    expect(shown).toContain(`PIN: ${AYSE.pin}`);
    expect(shown).not.toContain("İşlemler Menüsü'nden yapmak istediğiniz işlemi seçin");
  });

  test('then "telefon numaram değişti" goes straight to the new number question after the code', async () => {
    const client = await newConversation();
    await client.say('telefon numaram değişti');
    expect(await logInFromIdPrompt(client)).toContain(tr('update.phone.prompt'));
  });

  test('then the free text inside the İşlemler Menüsü picks the operation', async () => {
    const client = await newConversation();
    await client.say('Şifreli Giriş');
    expect(await logInFromIdPrompt(client)).toContain('İşlemler Menüsü');
    expect(await client.sayText('kartımın kilidini açmak istiyorum')).toContain(tr('choice.onlyCard', { serial: 'KSM0000001' }));
  });
});

describe('when the citizen is not clear', () => {
  test('then "şifre" alone gets one question offering the security word, the card PIN and the reset', async () => {
    const client = await newConversation();
    const question = textWithChoices(await client.say('şifre'));
    expect(question).toContain(tr('understanding.password'));
    for (const key of ['understanding.password.word', 'understanding.password.pin', 'understanding.password.reset'] as const) {
      expect(question).toContain(`[${tr(key)}]`);
    }
    const picked = await client.sayText(tr('understanding.password.pin'));
    expect(picked).toContain(tr('wish.pinPuk'));
  });

  test('then a low-confidence guess asks "Şunu mu demek istediniz" with the two best guesses as buttons, and a button goes there', async () => {
    // The model's scores for this made-up sentence are fixed here: what matters is what the dialog does with them.
    jest.spyOn(IntentModel.prototype, 'classify').mockResolvedValue([
      { intent: 'pinPuk', score: 0.6 },
      { intent: 'unlock', score: 0.35 },
    ]);
    const client = await newConversation();
    const question = textWithChoices(await client.say('kartla ilgili bir şey'));
    expect(question).toContain(tr('understanding.didYouMean', { first: tr('intent.pinPuk'), second: tr('intent.unlock') }));
    expect(question).toContain(`[${tr('intent.pinPuk')}]`);
    expect(question).toContain(`[${tr('intent.unlock')}]`);
    expect(await client.sayText(tr('intent.unlock'))).toContain(tr('wish.unlock'));
  });

  test('then a guess whose label is itself a question is quoted in the question, so it reads with one question mark each', async () => {
    jest.spyOn(IntentModel.prototype, 'classify').mockResolvedValue([
      { intent: 'pinPuk', score: 0.55 },
      { intent: 'faqSecurityWord', score: 0.4 },
    ]);
    const client = await newConversation();
    const question = await client.sayText('sözcük pin bir şey');
    expect(question).toContain(`Şunu mu demek istediniz: "${tr('intent.pinPuk')}" mi, "Güvenlik sözcüğü nedir?" mi?`);
    expect(question).not.toContain('??');
  });

  test('then the first miss says in one sentence what the bot can do, and the second in a row offers an agent', async () => {
    const client = await newConversation();
    const first = textWithChoices(await client.say('blorp zınk fışfış'));
    expect(first).toContain(tr('understanding.miss'));
    expect(first).not.toContain(tr('start.greeting'));
    expect(first).toContain(`[${tr('start.choice.login')}]`);
    const second = textWithChoices(await client.say('qwe rty uıo'));
    expect(second).toContain(tr('understanding.missAgain'));
    expect(second).toContain(`[${tr('start.choice.agent')}]`);
    expect(await client.sayText(tr('start.choice.agent'))).toContain(tr('handOff.queued').split('{position}')[0]);
  });

  test('then a miss after something understood is a first miss again', async () => {
    const client = await newConversation();
    await client.say('blorp zınk fışfış');
    await client.say('teşekkürler');
    expect(await client.sayText('qwe rty uıo')).toContain(tr('understanding.miss'));
  });

  test('then what the bot cannot do gets one sentence and what it can', async () => {
    const client = await newConversation();
    expect(await client.sayText('bana bir şiir yaz')).toContain(tr('understanding.outOfScope'));
  });

  test('then "ingilizce konuşabilir miyiz" switches the conversation to English', async () => {
    const client = await newConversation();
    expect(await client.sayText('ingilizce konuşabilir miyiz')).toContain(translate('en', 'global.languageChanged'));
  });

  test('then "görüşürüz" gets a goodbye, and the next message starts afresh', async () => {
    const client = await newConversation();
    expect(await client.sayText('görüşürüz')).toContain(tr('smallTalk.goodbye'));
    expect(await client.sayText('merhaba')).toContain(tr('start.greeting'));
  });

  test('then a greeting gets a short greeting back', async () => {
    const client = await newConversation();
    expect(await client.sayText('selam')).toContain(tr('smallTalk.greeting'));
  });
});

describe('when the citizen asks a question', () => {
  test('then PIN vs PUK is answered from the knowledge base and the way on is offered as buttons', async () => {
    const client = await newConversation();
    const reply = textWithChoices(await client.say('PIN ile PUK arasındaki fark nedir?'));
    expect(reply).toContain('PUK ise PIN bloke olduğunda');
    expect(reply).toContain(`[${tr('intent.pinPuk')}]`);
    expect(reply).toContain(tr('start.again'));
  });

  test('then how long codes and links last is quoted from the rules', async () => {
    const client = await newConversation();
    const reply = await client.sayText('sms kodu ne kadar süre geçerli');
    expect(reply).toContain('300 saniye');
    expect(reply).toContain('30 dakika');
  });

  test('then the same is answered in English', async () => {
    const client = await newConversation('en-US');
    const reply = await client.sayText('what is the difference between PIN and PUK');
    expect(reply).toContain('The PUK is a second code');
  });
});

describe('when values come inside sentences', () => {
  test.each(['TC kimlik numaram 100 000 001 46', 'T.C. 10000000146'])(
    'then "%s" at Kimlik No is the ID: the human check follows, no try is lost',
    async (said) => {
      const client = await newConversation();
      await client.say('Güvenlik Sözcüğümü Unuttum');
      const reply = await client.sayText(said);
      expect(reply).toMatch(/Güvenlik kontrolü/);
      expect(reply).not.toContain(tr('identification.invalid.passport-format'));
    },
  );

  test('then "kodum 482 913" at the SMS code is the code, and "evet sil" deletes the PIN / PUK', async () => {
    const client = await newConversation();
    await client.say('pin kodumu öğrenmek istiyorum');
    const challenge = await client.sayText(AYSE.id);
    await client.say(solveTextChallenge(challenge));
    await client.say('', { value: { securityWord: AYSE.word }, text: undefined });
    await client.say('Onay');
    const code = codeIn(smsOutbox(running.dataDir).at(-1)!.body);
    expect(await client.sayText(`kodum ${code.slice(0, 3)} ${code.slice(3)}`)).toContain(`PIN: ${AYSE.pin}`);
    await client.say('Parolaları Sil');
    expect(await client.sayText('evet sil')).toContain('kalıcı olarak silindi');
  });
});

describe('when secrets are typed', () => {
  test('then the security word and the SMS code never reach recognition', async () => {
    const classify = jest.spyOn(IntentModel.prototype, 'classify');
    const client = await newConversation();
    await client.say('Şifreli Giriş');
    const challenge = await client.sayText(AYSE.id);
    await client.say(solveTextChallenge(challenge));
    await client.say(AYSE.word);
    await client.say('Onay');
    await client.say(codeIn(smsOutbox(running.dataDir).at(-1)!.body));
    const seen = classify.mock.calls.map(([text]) => text).join('\n');
    expect(seen).not.toContain(AYSE.word.toLowerCase().replace(/\./g, ' '));
    expect(classify).not.toHaveBeenCalled();
  });

  test('then a security word typed at the start is not classified and not echoed', async () => {
    const classify = jest.spyOn(IntentModel.prototype, 'classify');
    const client = await newConversation();
    const reply = await client.sayText(AYSE.word);
    expect(reply).toContain(tr('understanding.miss'));
    expect(reply).not.toContain(AYSE.word);
    expect(classify).not.toHaveBeenCalled();
  });
});

describe('when the input is hostile', () => {
  test.each([
    ['emoji only', '😀🙏🔥'],
    ['a 2,000-character paragraph', `kartım bloke oldu ${'lorem ipsum dolor sit amet '.repeat(80)}`.slice(0, 2000)],
    ['markup', '<script>alert(1)</script><b>sertifikamı iptal etmek istiyorum</b>'],
    ['a pasted e-mail', 'Kimden: ali@example.org\nKonu: Re: başvuru\n\nMerhaba,\n> önceki mesaj\nSaygılarımla'],
  ])('then %s gets a sensible answer, never an error', async (_name, said) => {
    const client = await newConversation();
    const reply = await client.sayText(said);
    expect(reply).not.toContain(tr('global.error'));
    expect(reply.length).toBeGreaterThan(0);
  });
});
