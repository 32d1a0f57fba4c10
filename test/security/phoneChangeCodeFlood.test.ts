import { EmulatorClient } from '../support/emulator';
import { AYSE, codeIn, toSmsOnay } from '../support/citizenLogin';
import { FakeTwilio } from '../support/fakeTwilio';
import { startTestApp, type TestApp } from '../support/testApp';
import { useOperationsApp } from '../support/operations';

/**
 * Attack: a logged-in citizen types a victim's number as their "new phone", login after login. Each
 * time a code went to the victim and counted toward the victim's 10 codes a day, so the victim could
 * no longer log in that day. Codes checking a new number are counted apart from login codes.
 */
describe("when a citizen enters another citizen's number as a new phone, ten logins in a row", () => {
  const world = useOperationsApp('embedded');

  test('then the victim still gets a login code the same day', async () => {
    const attacker = await world.newCitizen();
    const victim = await world.newCitizen();
    for (let login = 0; login < 10; login += 1) {
      const client = await world.atMenu(attacker);
      await client.say('Bilgi Güncelle');
      await client.say('Cep Telefonu');
      expect(await client.sayText(victim.phone)).toMatch(/SMS Onay Kodu gönderdim/);
    }
    expect(world.smsTo(victim.phone)).toHaveLength(10);

    // The victim's own login: its code goes out, and the victim reaches the menu.
    const own = await world.atMenu(victim);
    expect(own).toBeDefined();
    expect(world.smsTo(victim.phone)).toHaveLength(11);
  });
});

describe("when the SMS provider fails to send a citizen's login code, login after login", () => {
  const ACCOUNT_SID = `AC${'0123456789abcdef'.repeat(2)}`;
  let fake: FakeTwilio;
  let running: TestApp;
  const clients: EmulatorClient[] = [];

  beforeAll(async () => {
    fake = new FakeTwilio(ACCOUNT_SID, 'test-auth-token-5f1c2d');
    running = await startTestApp({
      TWILIO_ACCOUNT_SID: ACCOUNT_SID,
      TWILIO_AUTH_TOKEN: 'test-auth-token-5f1c2d',
      TWILIO_SMS_FROM: '+15005550006',
      TWILIO_API_BASE_URL: await fake.start(),
    });
  });
  afterAll(async () => {
    await Promise.all(clients.map((client) => client.stop()));
    await running.close();
    await fake.stop();
  });

  test("then the failed sends do not use up the day's 10 codes: once the provider works, the code goes out", async () => {
    fake.mode = 'server-error';
    for (let login = 0; login < 10; login += 1) {
      const client = new EmulatorClient(running.baseUrl);
      clients.push(client);
      await client.start();
      await toSmsOnay(client, AYSE);
      expect(await client.sayText('Onay')).toContain('SMS şu anda gönderilemedi');
    }
    fake.mode = 'queued';
    const client = new EmulatorClient(running.baseUrl);
    clients.push(client);
    await client.start();
    await toSmsOnay(client, AYSE);
    expect(await client.sayText('Onay')).toContain('Kalan süre: 300 saniye');
    expect(await client.sayText(codeIn(fake.messages.at(-1)!.body))).toContain('İşlemler Menüsü');
  });
});
