import { EmulatorClient } from '../support/emulator';
import { AYSE, codeIn, smsOutbox } from '../support/citizenLogin';
import { solveTextChallenge } from '../support/solveChallenge';
import { startTestApp, type TestApp } from '../support/testApp';

/**
 * Attack: an unauthenticated request to /api/messages claims to come from Teams (channelId
 * 'msteams'); the audit rows of what it did then named Teams, so the trail pointed at a channel the
 * request never came through. Audit rows carry the channel of the adapter that took the turn.
 */
describe('when an unauthenticated /api/messages conversation claims to be Teams', () => {
  let running: TestApp;
  let client: EmulatorClient;
  beforeAll(async () => {
    running = await startTestApp();
  });
  afterAll(async () => {
    await client?.stop();
    await running.close();
  });

  const channels = async () =>
    running.app.db.query<{ action: string; channel: string }>('SELECT action, channel FROM audit_log ORDER BY id');

  test('then its login, its session actions and its reset request are audited as emulator, never as msteams', async () => {
    client = new EmulatorClient(running.baseUrl, 'conv-claims-teams', 'msteams');
    await client.start();
    await client.join();
    await client.say('Şifreli Giriş');
    const challenge = await client.sayText(AYSE.id);
    await client.say(solveTextChallenge(challenge));
    expect(await client.sayText('yanlis-sozcuk-1')).toMatch(/2 deneme hakkınız kaldı/);
    expect(await client.sayText(AYSE.word)).toMatch(/SMS Onay/);
    await client.sayText('Onay');
    const code = codeIn(
      smsOutbox(running.dataDir)
        .filter((sms) => sms.to === AYSE.phone)
        .at(-1)!.body,
    );
    expect(await client.sayText(code)).toContain('İşlemler Menüsü');
    await client.sayText('PIN / PUK Bilgisi');

    const forgot = new EmulatorClient(running.baseUrl, 'conv-claims-teams-2', 'msteams');
    await forgot.start();
    await forgot.join();
    await forgot.say('Güvenlik Sözcüğümü Unuttum');
    expect(await forgot.sayText(solveTextChallenge(await forgot.sayText(AYSE.id)))).toMatch(/bağlantı/);
    await running.app.background.drain();
    await forgot.stop();

    const rows = await channels();
    const actions = rows.map((row) => row.action);
    expect(actions).toEqual(expect.arrayContaining(['login.failure', 'login.success']));
    expect(actions.length).toBeGreaterThan(3);
    expect(rows.filter((row) => row.channel !== 'emulator')).toEqual([]);
  });
});
