import { smsOutbox } from '../support/citizenLogin';
import { EmulatorClient } from '../support/emulator';
import { solveTextChallenge } from '../support/solveChallenge';
import { createTestDatabase, describeWithPostgres, TEST_REDIS_URL } from '../support/services';
import { startTestApp, type TestApp } from '../support/testApp';

const AYSE = { id: '10000000146', word: 'Lale.Bahce.42', pin: '482915', puk: '73920481', card: 'KSM0000001' };

function journey(start: () => Promise<TestApp>) {
  let running: TestApp;
  let client: EmulatorClient;

  beforeAll(async () => {
    running = await start();
    client = new EmulatorClient(running.baseUrl);
    await client.start();
  });
  afterAll(async () => {
    await client.stop();
    await running.close();
  });

  test('then the values are shown, then gone from the screen and from the database', async () => {
    await client.join();
    await client.say('Şifreli Giriş');
    const challenge = await client.sayText(AYSE.id);
    const wordPrompt = await client.say(solveTextChallenge(challenge));
    expect(wordPrompt.at(-1)!.attachments?.[0]?.contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(JSON.stringify(wordPrompt.at(-1)!.attachments![0]!.content)).toContain('"style":"password"');

    const smsPrompt = await client.say('', { value: { securityWord: AYSE.word }, text: undefined });
    const confirmText = smsPrompt.map((a) => a.text).join('\n');
    expect(confirmText).toContain('+90 5** *** ** 67');
    expect(confirmText).not.toContain(AYSE.word);

    const codePrompt = await client.sayText('Onay');
    expect(codePrompt).toMatch(/Kalan süre: 300 saniye/);
    const sms = smsOutbox(running.dataDir).at(-1)!;
    expect(sms.to).toBe('+905321234567');
    const code = sms.body.match(/\d{6}/)![0];

    const menu = await client.sayText(code.replace(/(\d{3})(\d{3})/, '$1 $2'));
    expect(menu).toContain('İşlemler Menüsü');

    const pinPuk = await client.sayText('PIN / PUK Bilgisi');
    expect(pinPuk).toContain(`Kart Seri Numarası: ${AYSE.card}`);
    expect(pinPuk).toContain(`PIN: ${AYSE.pin}`);
    expect(pinPuk).toContain(`PUK: ${AYSE.puk}`);

    const warning = await client.sayText('Parolaları Sil');
    expect(warning).toContain('ÜCRET KARŞILIĞINDA');
    const deleted = await client.sayText('evet');
    expect(deleted).toContain('kalıcı olarak silindi');

    const secrets = await running.app.db.query('SELECT * FROM pin_puk_secrets WHERE card_serial = $1', [AYSE.card]);
    expect(secrets).toHaveLength(0);
    const again = await client.sayText('PIN / PUK Bilgisi');
    expect(again).toContain('silinmiş');
    expect(again).not.toContain(AYSE.pin);

    const audit = await running.app.db.query<{ action: string; subject_masked: string; channel: string }>(
      'SELECT action, subject_masked, channel FROM audit_log ORDER BY id',
    );
    expect(audit.map((row) => row.action)).toEqual(
      expect.arrayContaining(['login.success', 'sms-code.sent', 'pinpuk.shown', 'pinpuk.deleted']),
    );
    for (const row of audit.filter((entry) => entry.action !== 'account.blocked')) {
      expect(row.subject_masked).toBe('100******46');
      expect(row.channel).toBe('emulator');
    }
  });
}

describe('when Ayşe logs in on the embedded default, confirms the SMS code and deletes her PIN / PUK', () => {
  journey(() => startTestApp());
});

describeWithPostgres()('when Ayşe does the same on PostgreSQL and Redis', () => {
  let database: { url: string; drop(): Promise<void> };
  afterAll(() => database.drop());
  journey(async () => {
    database = await createTestDatabase();
    return startTestApp({ DATABASE_URL: database.url, REDIS_URL: TEST_REDIS_URL, SEED_FILE: 'seed/demo.json' });
  });
});
