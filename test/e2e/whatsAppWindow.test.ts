import { TWILIO_SERVICE_URL } from '../../src/channels/twilioAdapter';
import { AYSE, MEHMET } from '../support/citizenLogin';
import { FakeClock } from '../support/fakeClock';
import { FakeTwilio } from '../support/fakeTwilio';
import { PhoneCitizen, TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN, TWILIO_WHATSAPP, twilioChannelEnv } from '../support/phoneCitizen';
import { listOutboxMail } from '../support/resetLinkPage';
import { linkIn, submitForm } from '../support/resetPage';
import { solveTextChallenge } from '../support/solveChallenge';
import { startTestApp, type TestApp } from '../support/testApp';

const HOUR = 60 * 60_000;
const CAN_LOG_IN = 'Güvenlik sözcüğünüz güncellendi';
const NEW_WORD = 'Mavi-Kapi-Yesil-Bahce-9';

describe('when citizens write on WhatsApp (24-hour window, on a fake clock)', () => {
  let fake: FakeTwilio;
  let running: TestApp;
  let clock: FakeClock;

  beforeAll(async () => {
    fake = new FakeTwilio(TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN);
    clock = new FakeClock();
    running = await startTestApp(twilioChannelEnv(await fake.start()), { clock });
  });
  afterAll(async () => {
    await running.close();
    await fake.stop();
  });

  /** The reset link of the one mail `action` caused, once the mail worker has written it to the outbox. */
  async function linkMailedBy(action: () => Promise<unknown>): Promise<string> {
    const before = new Set((await listOutboxMail(running)).map((mail) => mail.file));
    await action();
    await running.app.background.drain();
    const added = (await listOutboxMail(running)).filter((listed) => !before.has(listed.file));
    expect(added).toHaveLength(1);
    return linkIn(added[0]!.text);
  }

  /** Güvenlik Sözcüğümü Unuttum on WhatsApp; returns the link mailed for it. */
  function askForLink(citizen: PhoneCitizen, id: string): Promise<string> {
    return linkMailedBy(async () => {
      await citizen.say('Güvenlik Sözcüğümü Unuttum');
      const challenge = await citizen.sayText(id);
      expect(await citizen.sayText(solveTextChallenge(challenge))).toContain('kayıtlıysa');
    });
  }

  test('when a message arrives from whatsapp:+90…, then the replies go to that WhatsApp address from TWILIO_WHATSAPP_FROM, as plain text', async () => {
    const ayse = new PhoneCitizen(fake, running, `whatsapp:${AYSE.phone}`);
    const replies = await ayse.say('Merhaba');
    expect(replies.join('\n')).toContain('1) Güvenlik Sözcüğümü Unuttum');
    expect(ayse.received().every((message) => message.from === TWILIO_WHATSAPP)).toBe(true);
  });

  test('when the new security word is set inside the window, then the "you can log in now" message is sent at once', async () => {
    const ayse = new PhoneCitizen(fake, running, `whatsapp:${AYSE.phone}`);
    const link = await askForLink(ayse, AYSE.id);
    clock.advance(10 * 60_000);
    const told = await ayse.during(async () => expect((await submitForm(link, NEW_WORD)).status).toBe(200));
    expect(told.join('\n')).toContain(CAN_LOG_IN);
  });

  test('when the message comes after 24 hours of silence, then it is not attempted, it is logged, and it arrives with the reply to the next message', async () => {
    const mehmet = new PhoneCitizen(fake, running, `whatsapp:${MEHMET.phone}`);
    await askForLink(mehmet, MEHMET.id);
    // The conversation the link belongs to, as the chat stored it; a newer link for it a day later.
    const [row] = await running.app.db.query<{ conversation: unknown }>(
      'SELECT l.conversation FROM reset_links l JOIN citizens c ON c.id = l.citizen_id WHERE c.national_id = $1 ORDER BY l.created_at DESC LIMIT 1',
      [MEHMET.id],
    );
    const conversation: unknown = typeof row!.conversation === 'string' ? JSON.parse(row!.conversation) : row!.conversation;
    expect(conversation).toMatchObject({ channelId: 'whatsapp', conversation: { id: `whatsapp:${MEHMET.phone}` } });

    clock.advance(25 * HOUR);
    const link = await linkMailedBy(() =>
      running.app.resetLinks.issue({ type: 'tckn', value: MEHMET.id }, { channel: 'whatsapp', locale: 'tr', conversation }),
    );

    const logsBefore = running.logs.length;
    const sentMeanwhile = await mehmet.during(async () => expect((await submitForm(link, NEW_WORD)).status).toBe(200));
    expect(sentMeanwhile).toEqual([]);
    const held = running.logs.slice(logsBefore).filter((line) => line.includes('24-hour window is closed'));
    expect(held).toHaveLength(1);
    expect(held[0]).not.toContain(MEHMET.phone.slice(1));

    // Mehmet writes again: the held-back message comes first, then the answer to what he wrote.
    const replies = await mehmet.say('Merhaba');
    expect(replies[0]).toContain(CAN_LOG_IN);
    expect(replies.slice(1).join('\n')).toMatch(/Şifreli Giriş|e-İmza/);
    // It was delivered once: the next message brings only its own answer.
    expect(await mehmet.sayText('yardım')).not.toContain(CAN_LOG_IN);
  });

  test('when a held-back message waits and the same number writes by SMS, then the WhatsApp message stays for WhatsApp', async () => {
    const number = '+905550003001';
    const whatsapp = new PhoneCitizen(fake, running, `whatsapp:${number}`);
    await whatsapp.say('Merhaba');
    clock.advance(25 * HOUR);
    // The reference the chat would have stored for this WhatsApp conversation.
    const conversation = {
      channelId: 'whatsapp',
      serviceUrl: TWILIO_SERVICE_URL,
      conversation: { id: `whatsapp:${number}` },
      user: { id: number },
      bot: { id: TWILIO_WHATSAPP },
    };
    const link = await linkMailedBy(() =>
      running.app.resetLinks.issue({ type: 'tckn', value: AYSE.id }, { channel: 'whatsapp', locale: 'en', conversation }),
    );
    await whatsapp.during(async () => expect((await submitForm(link, `${NEW_WORD}-2`)).status).toBe(200));
    expect(whatsapp.received().some((message) => message.body.includes('security word has been updated'))).toBe(false);

    const sms = new PhoneCitizen(fake, running, number);
    expect(await sms.sayText('Merhaba')).not.toContain('security word has been updated');
    expect((await whatsapp.say('Hello'))[0]).toContain('Your security word has been updated');
  });
});
