import { countSegments } from '../../src/channels/smsSegments';
import { loadConfig } from '../../src/config';
import { translate } from '../../src/language/messages';
import { AYSE, MEHMET } from '../support/citizenLogin';
import { FakeTwilio } from '../support/fakeTwilio';
import { logInByPhone, PhoneCitizen, TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN, twilioChannelEnv } from '../support/phoneCitizen';
import { startTestApp, type TestApp } from '../support/testApp';

/** A number that is not Ayşe's registered phone. */
const OTHER_PHONE = '+905559990011';
const PIN_PUK = '5';
const NOT_REGISTERED = 'yalnızca kayıtlı cep telefonunuzdan yazdığınızda gösterilir';
const NEVER = "SMS ve WhatsApp'ta gösterilmez";

function withSetting(
  setting: 'registered-phone' | 'never' | 'always' | undefined,
  body: (context: () => { fake: FakeTwilio; running: TestApp }) => void,
) {
  let fake: FakeTwilio;
  let running: TestApp;
  beforeAll(async () => {
    fake = new FakeTwilio(TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN);
    running = await startTestApp({ ...twilioChannelEnv(await fake.start()), ...(setting ? { PINPUK_TEXT_CHANNELS: setting } : {}) });
  });
  afterAll(async () => {
    await running.close();
    await fake.stop();
  });
  body(() => ({ fake, running }));
}

/** What the citizen at `address` sees on asking for PIN / PUK Bilgisi after logging in as Ayşe. */
async function pinPukAsked(fake: FakeTwilio, running: TestApp, address: string): Promise<{ reply: string; everything: string }> {
  const citizen = new PhoneCitizen(fake, running, address);
  await logInByPhone(citizen, fake, AYSE);
  const reply = await citizen.sayText(PIN_PUK);
  return {
    reply,
    everything: citizen
      .received()
      .map((message) => message.body)
      .join('\n'),
  };
}

async function shownAudits(running: TestApp): Promise<number> {
  const rows = await running.app.db.query("SELECT 1 FROM audit_log WHERE action = 'pinpuk.shown'");
  return rows.length;
}

describe('when PINPUK_TEXT_CHANNELS is not set (registered-phone)', () => {
  withSetting(undefined, (context) => {
    test('when Ayşe logs in by SMS from another number, then PIN / PUK Bilgisi says where to see them and no value reaches that number', async () => {
      const { fake, running } = context();
      const { reply, everything } = await pinPukAsked(fake, running, OTHER_PHONE);
      expect(reply).toContain(NOT_REGISTERED);
      expect(reply).toMatch(/web sohbeti|Teams/);
      expect(everything).not.toContain(AYSE.pin);
      expect(everything).not.toContain(AYSE.puk);
      expect(await shownAudits(running)).toBe(0);
      // Back at the menu, the session goes on.
      expect(reply).toContain('İşlemler Menüsü');
    });

    test('when Ayşe asks for Kilit Çözme by SMS from another number, then no unlock code is issued or shown there', async () => {
      const { fake, running } = context();
      const citizen = new PhoneCitizen(fake, running, OTHER_PHONE.replace('11', '13'));
      await logInByPhone(citizen, fake, AYSE);
      // Her only card is picked without asking.
      expect(await citizen.sayText('6')).toContain(translate('tr', 'choice.onlyCard', { serial: AYSE.card }));
      const reply = await citizen.sayText('evet');
      expect(reply).toContain('Kilit çözme kodu SMS ve WhatsApp');
      expect(await running.app.db.query('SELECT 1 FROM unlock_codes')).toHaveLength(0);
      expect(await running.app.db.query("SELECT 1 FROM audit_log WHERE action = 'unlock-code.issued'")).toHaveLength(0);
    });

    test('when Ayşe logs in by WhatsApp from another number, then the values are not shown there either', async () => {
      const { fake, running } = context();
      const { reply, everything } = await pinPukAsked(fake, running, `whatsapp:${OTHER_PHONE.replace('11', '12')}`);
      expect(reply).toContain(NOT_REGISTERED);
      expect(everything).not.toContain(AYSE.pin);
    });

    test('when Ayşe logs in by SMS from her registered phone, then the values are shown', async () => {
      const { fake, running } = context();
      const { reply } = await pinPukAsked(fake, running, AYSE.phone);
      expect(reply).toContain(`PIN: ${AYSE.pin}`);
      expect(reply).toContain(`PUK: ${AYSE.puk}`);
    });
  });
});

describe('PIN / PUK Bilgisi by SMS', () => {
  withSetting(undefined, (context) => {
    test('when Ayşe asks for PIN / PUK Bilgisi by SMS, then the values come first in one message of at most two segments that says the SMS stays on the phone', async () => {
      const { fake, running } = context();
      const citizen = new PhoneCitizen(fake, running, AYSE.phone);
      await logInByPhone(citizen, fake, AYSE);
      const [values, ...rest] = await citizen.say(PIN_PUK);
      // Values first: the card's serial, then its PIN, before any note.
      expect(values!.indexOf(`PIN: ${AYSE.pin}`)).toBeGreaterThanOrEqual(0);
      expect(values!.indexOf(`PIN: ${AYSE.pin}`)).toBeLessThan(30);
      expect(values).toContain(`PUK: ${AYSE.puk}`);
      expect(values).toContain(translate('tr', 'pinPuk.notes.sms'));
      expect(countSegments(values!).segments).toBeLessThanOrEqual(2);
      // The choices follow as one message of at most three segments.
      expect(rest).toHaveLength(1);
      expect(rest[0]).toContain('1) Parolaları Kaydet');
      expect(countSegments(rest[0]!).segments).toBeLessThanOrEqual(3);
    });

    test('when a citizen texts "yardım", then the help comes as one message of at most three segments, then the question', async () => {
      const { fake, running } = context();
      const citizen = new PhoneCitizen(fake, running, '+905551112233');
      const replies = await citizen.say('yardım');
      expect(replies[0]).toBe(translate('tr', 'start.help.sms'));
      expect(replies).toHaveLength(2);
      for (const message of replies) expect(countSegments(message).segments).toBeLessThanOrEqual(3);
    });
  });
});

describe('PIN / PUK Bilgisi by SMS for a card changed offline', () => {
  withSetting(undefined, (context) => {
    test("when Mehmet (two cards, one changed offline) asks by SMS, then both cards' values come first and the offline note follows its card, within two segments", async () => {
      const { fake, running } = context();
      const citizen = new PhoneCitizen(fake, running, MEHMET.phone);
      await logInByPhone(citizen, fake, MEHMET);
      const [values, ...rest] = await citizen.say(PIN_PUK);
      const [first, second] = MEHMET.cards;
      // Values first: the first card's PIN near the top, each card's values before its note.
      expect(values!.indexOf(`PIN: ${first.pin}`)).toBeGreaterThanOrEqual(0);
      expect(values!.indexOf(`PIN: ${first.pin}`)).toBeLessThan(30);
      expect(values).toContain(`PUK: ${first.puk}`);
      expect(values).toContain(`PIN: ${second.pin}`);
      expect(values).toContain(`PUK: ${second.puk}`);
      const note = translate('tr', 'pinPuk.offlineChanged.sms');
      expect(values!.indexOf(note)).toBeGreaterThan(values!.indexOf(`PUK: ${second.puk}`));
      expect(values).toContain(translate('tr', 'pinPuk.notes.sms'));
      expect(countSegments(values!)).toMatchObject({ encoding: 'GSM-7' });
      expect(countSegments(values!).segments).toBeLessThanOrEqual(2);
      expect(rest).toHaveLength(1);
      expect(rest[0]).toContain('1) Parolaları Kaydet');
    });
  });
});

describe('the İşlemler Menüsü by SMS', () => {
  withSetting(undefined, (context) => {
    test('when Ayşe logs in by SMS, then the menu question and its seven numbered choices arrive as one message of at most three segments, in Turkish and after "English" in English', async () => {
      const { fake, running } = context();
      const citizen = new PhoneCitizen(fake, running, AYSE.phone);
      await logInByPhone(citizen, fake, AYSE);
      const turkish = citizen.received().at(-1)!.body;
      expect(turkish).toContain('Ayşe Yılmaz');
      expect(turkish).toContain(`1) ${translate('tr', 'menu.choice.activate')}`);
      expect(turkish).toContain(`7) ${translate('tr', 'menu.choice.logout')}`);
      expect(countSegments(turkish).segments).toBeLessThanOrEqual(3);

      // The switch is confirmed in a message of its own; the menu follows as one message.
      const english = (await citizen.say('English')).filter((message) => /^\d\) /m.test(message));
      expect(english).toHaveLength(1);
      expect(english[0]).toContain('Ayşe Yılmaz');
      expect(english[0]).toMatch(/^1\) /m);
      expect(english[0]).toMatch(/^7\) /m);
      expect(countSegments(english[0]!).segments).toBeLessThanOrEqual(3);

      // A label as the web chat shows it ("Sertifika Listele (list certificates)") is still picked when typed.
      const listed = await citizen.sayText(translate('en', 'menu.choice.list'));
      expect(listed).not.toContain(translate('en', 'choice.retry'));
      expect(listed).toContain(translate('en', 'certificates.header'));
    });
  });
});

describe('when PINPUK_TEXT_CHANNELS=never', () => {
  withSetting('never', (context) => {
    test('when Ayşe logs in by SMS even from her registered phone, then the values are not shown and she is sent to the web chat or Teams', async () => {
      const { fake, running } = context();
      const { reply, everything } = await pinPukAsked(fake, running, AYSE.phone);
      expect(reply).toContain(NEVER);
      expect(reply).toContain('Teams');
      expect(everything).not.toContain(`PIN: ${AYSE.pin}`);
      expect(await shownAudits(running)).toBe(0);
    });
  });
});

describe('when PINPUK_TEXT_CHANNELS=always', () => {
  withSetting('always', (context) => {
    test('when Ayşe logs in by SMS from another number, then the values are shown after the full login', async () => {
      const { fake, running } = context();
      const { reply } = await pinPukAsked(fake, running, OTHER_PHONE);
      expect(reply).toContain(`PIN: ${AYSE.pin}`);
      expect(await shownAudits(running)).toBe(1);
    });
  });
});

describe('the PINPUK_TEXT_CHANNELS variable', () => {
  test('when it is unset, then it is registered-phone', () => {
    expect(loadConfig({}).PINPUK_TEXT_CHANNELS).toBe('registered-phone');
  });

  test('when it is not one of registered-phone, never or always, then the start is refused naming it', () => {
    expect(() => loadConfig({ PINPUK_TEXT_CHANNELS: 'sometimes' })).toThrow(/PINPUK_TEXT_CHANNELS/);
  });
});
