import { EmulatorClient } from '../support/emulator';
import { FakeClock } from '../support/fakeClock';
import { AYSE, smsOutbox, toSmsOnay } from '../support/citizenLogin';
import { startTestApp, type TestApp } from '../support/testApp';

/**
 * Attack: whoever knows a citizen's ID and security word (or the citizen's own script) logs in again
 * and again and has an SMS code sent every time: the per-login limit of 3 codes never stopped the
 * flood to one phone. At most 10 codes a day go to a number, across logins and conversations.
 */
const MINUTE = 60_000;
const CALL_CENTER = '0262 648 18 18';

describe('when one phone is sent SMS codes login after login', () => {
  let running: TestApp;
  const clock = new FakeClock();
  const clients: EmulatorClient[] = [];

  beforeAll(async () => {
    running = await startTestApp({}, { clock });
  });
  afterAll(async () => {
    await Promise.all(clients.map((client) => client.stop()));
    await running.close();
  });

  const codesTo = (phone: string) => smsOutbox(running.dataDir).filter((sms) => sms.to === phone).length;

  /** A login of its own in a new conversation, up to the question whether to send the code. */
  const login = async () => {
    const client = new EmulatorClient(running.baseUrl);
    await client.start();
    clients.push(client);
    await toSmsOnay(client, AYSE);
    return client;
  };

  test('then the 11th code of the day is refused with the call-center number, and a day later codes go out again', async () => {
    for (let round = 0; round < 3; round++) {
      const client = await login();
      await client.sayText('Onay');
      for (let again = 0; again < 2; again++) {
        clock.advance(MINUTE + 1000);
        await client.sayText('yeni kod');
      }
    }
    expect(codesTo(AYSE.phone)).toBe(9);

    const fourth = await login();
    await fourth.sayText('Onay');
    expect(codesTo(AYSE.phone)).toBe(10);
    clock.advance(MINUTE + 1000);
    const refused = await fourth.sayText('yeni kod');
    expect(codesTo(AYSE.phone)).toBe(10);
    expect(refused).toContain(CALL_CENTER);

    // Another login the same day gets no code either, and is told why at once.
    const fifth = await login();
    const told = await fifth.sayText('Onay');
    expect(codesTo(AYSE.phone)).toBe(10);
    expect(told).toContain(CALL_CENTER);
    expect(told).toMatch(/günlük|bugün/i);

    clock.advance(24 * 60 * MINUTE);
    const nextDay = await login();
    await nextDay.sayText('Onay');
    expect(codesTo(AYSE.phone)).toBe(11);
  });
});
