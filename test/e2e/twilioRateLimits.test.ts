import { FakeClock } from '../support/fakeClock';
import { FakeTwilio } from '../support/fakeTwilio';
import { PhoneCitizen, TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN, twilioChannelEnv } from '../support/phoneCitizen';
import { startTestApp, type TestApp } from '../support/testApp';

const TOO_FAST = 'Çok hızlı mesaj gönderiyorsunuz';
const PAUSED = 'işlemler güvenliğiniz için 15 dakika durduruldu';
const GREETING = 'e-İmza Yardımcısı';
const KNOWN_ID = '10000000146';

describe('when one phone number writes too much (SPEC §4, per phone number)', () => {
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

  test('when the 31st message within a minute arrives, by SMS and WhatsApp together, then Twilio still gets 200, the citizen is told once, and another number is not affected', async () => {
    const sms = new PhoneCitizen(fake, running, '+905550004001');
    const whatsapp = new PhoneCitizen(fake, running, 'whatsapp:+905550004001');
    for (let index = 0; index < 15; index += 1) {
      expect((await sms.say('yardım')).length).toBeGreaterThan(0);
      expect((await whatsapp.say('yardım')).length).toBeGreaterThan(0);
    }

    const statuses: number[] = [];
    const limited = await sms.during(async () => {
      for (let index = 0; index < 3; index += 1) statuses.push((await sms.post('yardım')).status);
    });
    expect(statuses).toEqual([200, 200, 200]);
    expect(limited).toHaveLength(1);
    expect(limited[0]).toContain(TOO_FAST);
    expect(await whatsapp.say('yardım')).toEqual([]);

    const other = new PhoneCitizen(fake, running, '+905550004002');
    expect(await other.sayText('Merhaba')).toContain(GREETING);

    clock.advance(61_000);
    expect((await sms.say('yardım')).length).toBeGreaterThan(0);
  });

  test('when the 10th failed check within an hour comes, then the number is paused for 15 minutes on SMS and WhatsApp, told politely, and works again afterwards', async () => {
    const sms = new PhoneCitizen(fake, running, '+905550005001');
    const whatsapp = new PhoneCitizen(fake, running, 'whatsapp:+905550005001');
    let failed = 0;
    let pausedReply = '';
    await sms.say('Şifreli Giriş');
    while (!pausedReply) {
      const challenge = await sms.sayText(KNOWN_ID);
      expect(challenge).toContain('Güvenlik kontrolü');
      for (let answer = 0; answer < 3 && !pausedReply; answer += 1) {
        const reply = await sms.sayText('1');
        failed += 1;
        if (reply.includes(PAUSED)) pausedReply = reply;
      }
      if (!pausedReply) await sms.say('Şifreli Giriş');
      expect(failed).toBeLessThanOrEqual(10);
    }
    expect(failed).toBe(10);
    expect(pausedReply).toContain('0262 648 18 18');

    // During the pause, from either channel: 200 to Twilio, one polite reminder a minute at most.
    const response = await whatsapp.post('Merhaba');
    expect(response.status).toBe(200);
    await running.app.background.drain();
    expect(whatsapp.received().at(-1)!.body).toContain(PAUSED);
    expect(await sms.say('Merhaba')).toEqual([]);

    clock.advance(15 * 60_000 + 1000);
    expect(await sms.sayText('Merhaba')).toContain(GREETING);
  });
});
