import { countSegments } from '../../src/channels/smsSegments';
import { FakeTwilio } from '../support/fakeTwilio';
import {
  PhoneCitizen,
  TWILIO_ACCOUNT_SID,
  TWILIO_AUTH_TOKEN,
  TWILIO_NUMBER,
  twilioChannelEnv,
  WEBHOOK_PATH,
} from '../support/phoneCitizen';
import { startTestApp, type TestApp } from '../support/testApp';

const EMPTY_TWIML = '<?xml version="1.0" encoding="UTF-8"?><Response/>';
const NOT_TEXT = 'Yalnızca yazılı mesajları anlayabiliyorum';
const GREETING = 'e-İmza Yardımcısı';

/** A Turkish mobile number of its own for each test, so no conversation or limit of one test reaches another. */
let nextNumber = 905550000100;
const newNumber = () => `+${nextNumber++}`;

describe('when Twilio posts inbound messages to POST /api/twilio/messages', () => {
  let fake: FakeTwilio;
  let running: TestApp;
  let url: string;

  const citizen = (address = newNumber()) => new PhoneCitizen(fake, running, address);
  /** Whatever this address got once every turn started so far has run. */
  const settledReplies = async (address: string) => {
    await running.app.background.drain();
    return fake.messages.filter((message) => message.to === address).map((message) => message.body);
  };

  beforeAll(async () => {
    fake = new FakeTwilio(TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN);
    running = await startTestApp(twilioChannelEnv(await fake.start()));
    url = `${running.baseUrl}${WEBHOOK_PATH}`;
  });
  afterAll(async () => {
    await running.close();
    await fake.stop();
  });

  test('when a signed message arrives, then Twilio gets 200 with empty TwiML and the reply goes out through the REST API from the number written to', async () => {
    const ayse = citizen();
    const response = await ayse.post('Merhaba');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/xml/);
    expect(await response.text()).toBe(EMPTY_TWIML);

    await running.app.background.drain();
    const replies = ayse.received();
    expect(replies).toHaveLength(1);
    expect(replies[0]).toMatchObject({ to: ayse.address, from: TWILIO_NUMBER, accountSid: TWILIO_ACCOUNT_SID });
    expect(replies[0]!.body).toContain(GREETING);
    expect(replies[0]!.body).toContain('1) Güvenlik Sözcüğümü Unuttum');
  });

  describe('when the signature does not hold', () => {
    test.each([
      ['signed with another auth token', (params: Record<string, string>) => ({ signature: fake.sign(url, params, 'not-the-auth-token') })],
      ['signed for another URL', () => ({ signedUrl: `${url}?other=1` })],
      ['signed for the https URL while PUBLIC_BASE_URL is the http one', () => ({ signedUrl: url.replace('http:', 'https:') })],
      [
        'signed, with a parameter changed afterwards',
        (params: Record<string, string>) => ({ signature: fake.sign(url, { ...params, Body: 'Şifreli Giriş' }) }),
      ],
      ['sent without the X-Twilio-Signature header', () => ({ signature: null })],
      ['sent with an empty X-Twilio-Signature header', () => ({ signature: '' })],
    ])('when the message is %s, then the answer is 403 and nothing is processed', async (_case, options) => {
      const address = newNumber();
      const params = fake.inboundParams(address, TWILIO_NUMBER, 'Merhaba');
      const response = await fake.postWebhook(url, params, options(params));
      expect(response.status).toBe(403);
      expect(await settledReplies(address)).toEqual([]);

      // Its MessageSid was not even remembered: Twilio's genuine message with it is still handled.
      expect((await fake.postWebhook(url, params)).status).toBe(200);
      expect((await settledReplies(address)).join('\n')).toContain(GREETING);
    });
  });

  test('when Twilio retries a message with the same MessageSid, then it is answered 200 every time and processed once', async () => {
    const address = newNumber();
    const params = fake.inboundParams(address, TWILIO_NUMBER, 'Merhaba');
    const first = await fake.postWebhook(url, params);
    const retries = await Promise.all([fake.postWebhook(url, params), fake.postWebhook(url, params)]);
    expect([first, ...retries].map((response) => response.status)).toEqual([200, 200, 200]);
    expect(await Promise.all(retries.map((response) => response.text()))).toEqual([EMPTY_TWIML, EMPTY_TWIML]);
    expect(await settledReplies(address)).toHaveLength(1);
  });

  test('when two messages arrive in the opposite order, then both are answered, one after the other', async () => {
    const ayse = citizen();
    const first = fake.inboundParams(ayse.address, TWILIO_NUMBER, 'Merhaba');
    const second = fake.inboundParams(ayse.address, TWILIO_NUMBER, 'yardım');
    expect((await fake.postWebhook(url, second)).status).toBe(200);
    expect((await fake.postWebhook(url, first)).status).toBe(200);
    const replies = await settledReplies(ayse.address);
    expect(replies.length).toBeGreaterThanOrEqual(2);
    expect((await ayse.sayText('2')).length).toBeGreaterThan(0);
  });

  describe('when the message is malformed or unusual', () => {
    test.each<[string, Record<string, string>]>([
      ['without From', { From: '' }],
      ['from a Messenger address', { From: 'messenger:1234567890' }],
      ['from an RCS address', { From: 'rcs:+905550001111' }],
      ['from something that is not a number', { From: 'Kamu SM' }],
      ['without a MessageSid', { MessageSid: '', SmsMessageSid: '', SmsSid: '' }],
      ['with a malformed MessageSid', { MessageSid: '../../etc/passwd', SmsMessageSid: '../../etc/passwd' }],
    ])('when it is signed but %s, then the answer is 400 and nothing is sent', async (_case, change) => {
      const before = fake.messages.length;
      const params = fake.inboundParams(newNumber(), TWILIO_NUMBER, 'Merhaba', change);
      if (change.From === '') delete params['From'];
      const response = await fake.postWebhook(url, params);
      expect(response.status).toBe(400);
      await running.app.background.drain();
      expect(fake.messages.length).toBe(before);
    });

    test('when it is a delivery status callback sent to this URL by mistake, then it is answered 200 and ignored', async () => {
      const before = fake.messages.length;
      const params = fake.inboundParams(TWILIO_NUMBER, newNumber(), 'Merhaba', { MessageStatus: 'delivered', SmsStatus: 'delivered' });
      const response = await fake.postWebhook(url, params);
      expect(response.status).toBe(200);
      await running.app.background.drain();
      expect(fake.messages.length).toBe(before);
    });

    test('when it has no Body at all, then the citizen is asked politely to write', async () => {
      const address = newNumber();
      const params = fake.inboundParams(address, TWILIO_NUMBER, '');
      delete params['Body'];
      expect((await fake.postWebhook(url, params)).status).toBe(200);
      expect((await settledReplies(address)).join('\n')).toContain(NOT_TEXT);
    });

    test('when it is a picture alone (NumMedia 1, empty Body), then the citizen is asked politely to write, and nothing is fetched', async () => {
      const someone = citizen();
      const replies = await someone.say('', {
        NumMedia: '1',
        MediaContentType0: 'image/jpeg',
        MediaUrl0: `https://api.twilio.com/2010-04-01/Accounts/${TWILIO_ACCOUNT_SID}/Messages/MM0/Media/ME0`,
      });
      expect(replies.join('\n')).toContain(NOT_TEXT);
      expect(fake.requests.every((request) => request.path.endsWith('/Messages.json'))).toBe(true);
    });

    test('when it is 1,600 characters of Turkish, then it is answered within the SMS budget', async () => {
      const someone = citizen();
      await someone.say('Merhaba');
      const replies = await someone.say('ğüşiöçİ '.repeat(200));
      expect(replies.length).toBeGreaterThan(0);
      for (const reply of replies) expect(countSegments(reply).segments).toBeLessThanOrEqual(3);
    });

    test('when it is emoji, control characters or markup, then it gets an ordinary answer', async () => {
      const someone = citizen();
      expect((await someone.sayText('👍😀🇹🇷')).length).toBeGreaterThan(0);
      expect(await someone.sayText('1')).toContain('Kimlik No');
      expect(await someone.sayText('<b>1000\u0000000146</b> 🙂')).toMatch(/Kimlik|11 hane|kontrol/);
    });

    test.each([
      ['application/json', JSON.stringify({ From: '+905550009999', Body: 'Merhaba' })],
      ['text/plain', 'From=+905550009999&Body=Merhaba'],
      ['multipart/form-data; boundary=x', '--x\r\nContent-Disposition: form-data; name="Body"\r\n\r\nMerhaba\r\n--x--'],
    ])('when it comes as %s, then the answer is 415', async (contentType, body) => {
      const params = fake.inboundParams(newNumber(), TWILIO_NUMBER, 'Merhaba');
      const response = await fake.postWebhook(url, params, { contentType, body });
      expect(response.status).toBe(415);
    });

    test('when the body is larger than any Twilio webhook, then the answer is 413', async () => {
      const params = fake.inboundParams(newNumber(), TWILIO_NUMBER, 'x'.repeat(100_000));
      const response = await fake.postWebhook(url, params);
      expect(response.status).toBe(413);
    });
  });

  test('when sending a reply fails inside a turn, then the failure is logged without the number and the citizen still gets a polite reply', async () => {
    const someone = citizen();
    const logsBefore = running.logs.length;
    fake.failNext(1);
    const replies = await someone.say('Merhaba');
    expect(replies.join('\n')).toContain('Üzgünüm, bir sorun oluştu');
    const lines = running.logs.slice(logsBefore);
    expect(lines.some((line) => line.includes('turn failed'))).toBe(true);
    for (const line of lines) expect(line).not.toContain(someone.address.slice(1));

    // The conversation goes on.
    expect(await someone.sayText('Merhaba')).toContain(GREETING);
  });
});

describe('when someone posts a Bot Framework activity into an SMS conversation', () => {
  let running: TestApp;
  afterAll(() => running.close());

  test.each([
    ['its conversation id', { channelId: 'sms', serviceUrl: 'http://127.0.0.1:1', conversation: { id: 'sms:+905321234567' } }],
    [
      'a WhatsApp conversation id',
      { channelId: 'whatsapp', serviceUrl: 'http://127.0.0.1:1', conversation: { id: 'whatsapp:+905321234567' } },
    ],
    ["the Twilio adapter's service URL", { channelId: 'emulator', serviceUrl: 'urn:eimza:twilio', conversation: { id: 'any' } }],
  ])('when it claims %s on POST /api/messages, then it is refused with 400: only the signed webhook speaks there', async (_case, claim) => {
    running ??= await startTestApp();
    const response = await fetch(`${running.baseUrl}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        type: 'message',
        text: 'PIN / PUK Bilgisi',
        from: { id: '+905321234567' },
        recipient: { id: 'bot' },
        ...claim,
      }),
    });
    expect(response.status).toBe(400);
  });
});

describe('when TWILIO_AUTH_TOKEN is not configured', () => {
  let running: TestApp;
  afterAll(() => running.close());

  test('then POST /api/twilio/messages answers 404, signed or not: an endpoint whose signature cannot be checked is closed', async () => {
    running = await startTestApp();
    const fake = new FakeTwilio(TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN);
    const url = `${running.baseUrl}${WEBHOOK_PATH}`;
    const response = await fake.postWebhook(url, fake.inboundParams('+905550001234', TWILIO_NUMBER, 'Merhaba'));
    expect(response.status).toBe(404);
    expect(await response.text()).toContain('not enabled');
  });
});

describe('when the server runs behind a proxy (PUBLIC_BASE_URL is the public https address)', () => {
  const PUBLIC = 'https://eimza.example.gov.tr';
  let fake: FakeTwilio;
  let running: TestApp;

  beforeAll(async () => {
    fake = new FakeTwilio(TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN);
    running = await startTestApp({ ...twilioChannelEnv(await fake.start()), PUBLIC_BASE_URL: PUBLIC });
  });
  afterAll(async () => {
    await running.close();
    await fake.stop();
  });

  test('then a message Twilio signed for the public URL is accepted, and one signed for the address the server sees is refused', async () => {
    const viaProxy = new PhoneCitizen(fake, running, '+905550002001', `${PUBLIC}${WEBHOOK_PATH}`);
    expect(await viaProxy.sayText('Merhaba')).toContain(GREETING);

    const direct = new PhoneCitizen(fake, running, '+905550002002');
    expect((await direct.post('Merhaba')).status).toBe(403);
  });
});

describe('when CHALLENGE_KIND=image', () => {
  let fake: FakeTwilio;
  let running: TestApp;

  beforeAll(async () => {
    fake = new FakeTwilio(TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN);
    running = await startTestApp({ ...twilioChannelEnv(await fake.start()), CHALLENGE_KIND: 'image' });
  });
  afterAll(async () => {
    await running.close();
    await fake.stop();
  });

  test('then a citizen on SMS still gets the written human check, never a picture', async () => {
    const someone = new PhoneCitizen(fake, running, '+905550007001');
    await someone.say('Şifreli Giriş');
    expect(await someone.sayText('10000000146')).toMatch(/Güvenlik kontrolü: şu sayıyı rakamla yazın: [a-zçğıöşü ]+$/);
    expect(someone.received().every((message) => message.mediaUrls.length === 0)).toBe(true);
  });
});
