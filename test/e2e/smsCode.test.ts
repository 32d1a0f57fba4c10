import { EmulatorClient } from '../support/emulator';
import { FakeClock } from '../support/fakeClock';
import { AYSE, codeIn, MEHMET, otherCode, smsOutbox, textWithChoices, toSmsOnay, type DemoCitizen } from '../support/citizenLogin';
import { startTestApp, type TestApp } from '../support/testApp';

const MINUTE = 60_000;
const START_AGAIN = 'Başka ne yapmak istersiniz?';
/** A code typed at the start is no choice and is never classified (SPEC §1.1a): the one-sentence miss. */
const START_MISS = 'Bunu anlayamadım;';
/** "Sertifika Listele" at the start is a wish that needs a session: Şifreli Giriş first, saying why. */
const LOG_IN_FIRST = 'Sertifikalarınızı listeleyebilmem için önce Şifreli Giriş';
const MENU = 'İşlemler Menüsü';
const FORMAT = 'SMS Onay Kodu 6 rakamdan oluşur';
const WRONG = 'SMS Onay Kodu hatalı';
const SESSION_EXPIRED = 'Oturumunuzun süresi doldu';
const LOGGED_OUT = 'Oturumunuz kapatıldı';
const CALL_CENTER = '0262 648 18 18';

type Storeish = { entries: Map<string, { json: string; expiresAt: number }> };

/** The app and a fake clock, shared by the conversations of one describe block; each test has its own conversation. */
function useApp() {
  const context = { running: undefined as unknown as TestApp, clock: new FakeClock() };
  const clients: EmulatorClient[] = [];

  beforeAll(async () => {
    context.running = await startTestApp({}, { clock: context.clock });
  });
  // Each test starts on a new day: a phone is sent at most 10 codes a day, and the tests share phones.
  beforeEach(() => context.clock.advance(24 * 60 * MINUTE));
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((client) => client.stop()));
  });
  afterAll(async () => {
    await context.running.close();
  });

  const sms = () => smsOutbox(context.running.dataDir);

  /** A new conversation of its own. */
  const open = async (): Promise<EmulatorClient> => {
    const client = new EmulatorClient(context.running.baseUrl);
    await client.start();
    clients.push(client);
    return client;
  };

  /** A citizen who has picked Onay: the code prompt they read and the code their SMS holds. */
  const atCodePrompt = async (citizen: DemoCitizen = AYSE) => {
    const client = await open();
    await toSmsOnay(client, citizen);
    const before = sms().length;
    const prompt = await client.sayText('Onay');
    const sent = sms();
    expect(sent).toHaveLength(before + 1);
    expect(sent.at(-1)!.to).toBe(citizen.phone);
    return { client, prompt, code: codeIn(sent.at(-1)!.body) };
  };

  /** A citizen at the İşlemler Menüsü. */
  const atMenu = async (citizen: DemoCitizen = AYSE) => {
    const { client, code } = await atCodePrompt(citizen);
    const menu = await client.sayText(code);
    expect(menu).toContain(MENU);
    return client;
  };

  /** The keys of the server-side sessions in the in-process store. */
  const sessionKeys = () =>
    [...(context.running.app.store as unknown as Storeish).entries.keys()].filter((key) => key.startsWith('session:'));

  return { context, sms, open, atCodePrompt, atMenu, sessionKeys };
}

describe('SMS Onay: the one-time code, with a fake clock', () => {
  const { context, sms, open, atCodePrompt } = useApp();

  test('when the code prompt is shown, then it says 300 seconds are left, and after 33 s and a malformed code the re-prompt says 267', async () => {
    const { client, prompt } = await atCodePrompt();
    expect(prompt).toContain('Kalan süre: 300 saniye');

    context.clock.advance(33_000);
    const again = await client.sayText('12345');
    expect(again).toContain(FORMAT);
    expect(again).toContain('Kalan süre: 267 saniye');
  });

  test('when "12a456", "12345" and "1234567" are typed, then each gets "6 rakamdan oluşur", none counts as a wrong code, and the right code still passes', async () => {
    const { client, code } = await atCodePrompt();
    for (const malformed of ['12a456', '12345', '1234567']) {
      const reply = await client.sayText(malformed);
      expect(reply).toContain('6 rakamdan oluşur');
      expect(reply).not.toContain(WRONG);
      expect(reply).not.toContain('deneme hakkınız');
    }
    expect(await client.sayText(code)).toContain(MENU);
  });

  test.each([
    ['with a space ("123 456")', (code: string) => `${code.slice(0, 3)} ${code.slice(3)}`],
    ['with a dash ("123-456")', (code: string) => `${code.slice(0, 3)}-${code.slice(3)}`],
  ])('when the right code is typed %s, then it is accepted and the menu opens', async (_how, format) => {
    const { client, code } = await atCodePrompt();
    expect(await client.sayText(format(code))).toContain(MENU);
  });

  test('when three wrong 6-digit codes are typed, then the code dies with "yeniden giriş", the start is shown and the right code no longer works', async () => {
    const { client, code } = await atCodePrompt();
    expect(await client.sayText(otherCode(code, 1))).toContain('2 deneme hakkınız kaldı');
    expect(await client.sayText(otherCode(code, 2))).toContain('1 deneme hakkınız kaldı');
    const third = await client.sayText(otherCode(code, 3));
    expect(third).toContain('yeniden giriş');
    expect(third).toContain(START_AGAIN);

    const late = await client.sayText(code);
    expect(late).not.toContain(MENU);
    expect(late).toContain(START_MISS);
  });

  test('when the citizen waits the whole 300 s and then types the code, then the bot says it expired, offers "Yeni kod gönder" and a new SMS arrives', async () => {
    const { client, code } = await atCodePrompt();
    context.clock.advance(300_000);
    const expired = textWithChoices(await client.say(code));
    expect(expired).toContain('SMS Onay Kodunun süresi doldu');
    expect(expired).toContain('[Yeni kod gönder]');
    expect(expired).not.toContain(MENU);

    const before = sms().length;
    const prompt = await client.sayText('Yeni kod gönder');
    expect(sms()).toHaveLength(before + 1);
    expect(prompt).toContain('Kalan süre: 300 saniye');
    expect(await client.sayText(codeIn(sms().at(-1)!.body))).toContain(MENU);
  });

  test('when the code expires while the citizen is active (a malformed code at 200 s), then at 300 s the right code is refused as expired and "Yeni kod gönder" sends a new SMS', async () => {
    const { client, code } = await atCodePrompt();
    context.clock.advance(200_000);
    expect(await client.sayText('12345')).toContain('Kalan süre: 100 saniye');
    context.clock.advance(100_000);
    const expired = textWithChoices(await client.say(code));
    expect(expired).toContain('SMS Onay Kodunun süresi doldu');
    expect(expired).toContain('[Yeni kod gönder]');
    expect(expired).not.toContain(MENU);

    const before = sms().length;
    const prompt = await client.sayText('Yeni kod gönder');
    expect(sms()).toHaveLength(before + 1);
    expect(prompt).toContain('Kalan süre: 300 saniye');
    const fresh = codeIn(sms().at(-1)!.body);
    expect(await client.sayText(fresh)).toContain(MENU);
  });

  test('when "yeni kod" is asked 30 s after the code, then the citizen is told to wait the remaining seconds and no SMS is sent', async () => {
    const { client, code } = await atCodePrompt();
    context.clock.advance(30_000);
    const before = sms().length;
    const reply = await client.sayText('yeni kod');
    expect(reply).toContain('30 saniye daha beklemeniz');
    expect(sms()).toHaveLength(before);
    // The code that was sent is still the one that works.
    expect(await client.sayText(code)).toContain(MENU);
  });

  test('when "yeni kod" is asked after 60 s, then a new SMS arrives and the old code no longer works', async () => {
    const { client, code } = await atCodePrompt();
    context.clock.advance(60_000);
    const before = sms().length;
    const prompt = await client.sayText('yeni kod');
    expect(sms()).toHaveLength(before + 1);
    expect(prompt).toContain('Kalan süre: 300 saniye');
    const fresh = codeIn(sms().at(-1)!.body);
    expect(fresh).not.toBe(code);

    const old = await client.sayText(code);
    expect(old).toContain(WRONG);
    expect(old).not.toContain(MENU);
    expect(await client.sayText(fresh)).toContain(MENU);
  });

  test('when a fourth code is asked for in one login, then the bot says "en fazla 3 kod" and sends no fourth SMS', async () => {
    const { client } = await atCodePrompt();
    const first = sms().length;
    for (let request = 2; request <= 3; request++) {
      context.clock.advance(61_000);
      await client.sayText('yeni kod');
      expect(sms()).toHaveLength(first + request - 1);
    }
    context.clock.advance(61_000);
    const fourth = await client.sayText('yeni kod');
    expect(fourth).toContain('en fazla 3 kod');
    expect(sms()).toHaveLength(first + 2);
  });

  test('when "Bu numara bana ait değil" is picked, then the call center is given and no SMS is written', async () => {
    const client = await open();
    await toSmsOnay(client, MEHMET);
    const before = sms().length;
    const reply = await client.sayText('Bu numara bana ait değil');
    expect(reply).toContain('SMS gönderilmedi');
    expect(reply).toContain(CALL_CENTER);
    expect(reply).toContain(START_AGAIN);
    expect(sms()).toHaveLength(before);
    expect(sms().filter((line) => line.to === MEHMET.phone)).toHaveLength(0);
  });
});

describe('the authenticated session (5 min idle, 15 min in all), with a fake clock', () => {
  const { context, atMenu, sessionKeys } = useApp();

  test('when the citizen stays idle 5 minutes at the menu, then choosing "Sertifika Listele" answers "Oturumunuzun süresi doldu" and shows the start', async () => {
    const client = await atMenu();
    context.clock.advance(5 * MINUTE);
    const reply = await client.sayText('Sertifika Listele');
    expect(reply).toContain(SESSION_EXPIRED);
    expect(reply).toContain(START_AGAIN);
    expect(reply).not.toContain('NES-0001');

    const after = await client.sayText('Sertifika Listele');
    expect(after).not.toContain('NES-0001');
    expect(after).toContain(LOG_IN_FIRST);
  });

  test('when the citizen is active every 4 minutes, then the session lives on until the absolute 15 minutes end it', async () => {
    const client = await atMenu();
    for (let minute = 4; minute <= 12; minute += 4) {
      context.clock.advance(4 * MINUTE);
      const list = await client.sayText('Sertifika Listele');
      expect(list).toContain('NES-0001');
      expect(list).not.toContain(SESSION_EXPIRED);
    }
    context.clock.advance(3 * MINUTE);
    const reply = await client.sayText('Sertifika Listele');
    expect(reply).toContain(SESSION_EXPIRED);
    expect(reply).toContain(START_AGAIN);
    expect(reply).not.toContain('NES-0001');
  });

  test.each([
    ['"çıkış" typed', 'çıkış'],
    ['"ÇIKIŞ" in capitals', 'ÇIKIŞ'],
    ["the menu's Çıkış picked by its number", '7'],
  ])(
    'when the citizen ends the session with %s, then it is forgotten on the server, the start is shown and no menu choice works any more',
    async (_how, says) => {
      const before = new Set(sessionKeys());
      const client = await atMenu();
      const mine = sessionKeys().filter((key) => !before.has(key));
      expect(mine).toHaveLength(1);

      const reply = await client.sayText(says);
      expect(reply).toContain(LOGGED_OUT);
      expect(reply).toContain(START_AGAIN);
      expect(sessionKeys()).not.toContain(mine[0]);

      const after = await client.sayText('Sertifika Listele');
      expect(after).not.toContain('NES-0001');
      expect(after).not.toContain(MENU);
      expect(after).toContain(LOG_IN_FIRST);
    },
  );
});

describe("Mehmet's İşlemler Menüsü: Sertifika Listele and PIN / PUK Bilgisi with two cards", () => {
  const { context, atMenu } = useApp();
  const serials = MEHMET.cards.map((card) => card.serial);
  const secretRows = () =>
    context.running.app.db.query<{ card_serial: string }>(
      'SELECT card_serial FROM pin_puk_secrets WHERE card_serial = ANY($1) ORDER BY card_serial',
      [serials],
    );
  const auditRows = (action: string) =>
    context.running.app.db.query<{ subject_masked: string; details: { cards?: string } }>(
      'SELECT subject_masked, details FROM audit_log WHERE action = $1 ORDER BY id',
      [action],
    );

  test('when Sertifika Listele is chosen, then both certificates are listed with their status words and whether they are published', async () => {
    const client = await atMenu(MEHMET);
    const list = await client.sayText('Sertifika Listele');
    const lines = list.split('\n');
    const pending = lines.find((line) => line.includes('NES-0002'));
    const active = lines.find((line) => line.includes('NES-0003'));
    expect(pending).toBeDefined();
    expect(active).toBeDefined();
    expect(pending).toContain('Kullanıma açılmayı bekliyor');
    expect(pending).toContain('İnternette yayınlanmıyor');
    expect(pending).toContain('01.10.2026 – 01.10.2029');
    expect(active).toMatch(/Durum: Kullanımda\b/);
    expect(active).toContain('İnternette yayınlanmıyor');
    expect(active).toContain('15.03.2024 – 15.03.2027');
    expect(list).not.toContain('NES-0001');
  });

  test('when PIN / PUK Bilgisi is chosen, then both cards are shown with their values and only KSM0000003 carries the offline-changed note', async () => {
    const client = await atMenu(MEHMET);
    const shown = textWithChoices(await client.say('PIN / PUK Bilgisi'));
    const blocks = shown.split('Kart Seri Numarası: ').slice(1);
    expect(blocks).toHaveLength(2);
    const [second, third] = MEHMET.cards;
    const blockOf = (serial: string) => blocks.find((block) => block.startsWith(serial))!;
    expect(blockOf(second.serial)).toContain(`PIN: ${second.pin}`);
    expect(blockOf(second.serial)).toContain(`PUK: ${second.puk}`);
    expect(blockOf(third.serial)).toContain(`PIN: ${third.pin}`);
    expect(blockOf(third.serial)).toContain(`PUK: ${third.puk}`);
    expect(blockOf(third.serial)).toContain('çevrimdışı güncellenmiş');
    expect(blockOf(second.serial)).not.toContain('çevrimdışı güncellenmiş');
    expect(shown).toContain('[Parolaları Kaydet]');
    expect(shown).toContain('[Parolaları Sil]');
  });

  test('when "Parolaları Kaydet" is confirmed with "evet", then both values stay stored and one pinpuk.saved audit row names both cards', async () => {
    const client = await atMenu(MEHMET);
    await client.sayText('PIN / PUK Bilgisi');
    expect(await client.sayText('Parolaları Kaydet')).toContain('not ettiniz mi');
    const saved = await client.sayText('evet');
    expect(saved).toContain('kayıtlı kalmaya devam ediyor');
    expect(saved).toContain(MENU);

    expect((await secretRows()).map((row) => row.card_serial)).toEqual(serials);
    const audit = await auditRows('pinpuk.saved');
    expect(audit).toHaveLength(1);
    expect(audit[0]!.subject_masked).toBe(MEHMET.maskedId);
    expect(audit[0]!.details.cards?.split(',').sort()).toEqual(serials);
  });

  test('when "Parolaları Sil" is answered "hayır", then nothing is deleted and nothing is audited as deleted', async () => {
    const client = await atMenu(MEHMET);
    await client.sayText('PIN / PUK Bilgisi');
    const warning = await client.sayText('Parolaları Sil');
    expect(warning).toContain('ÜCRET KARŞILIĞINDA');
    expect(warning).toContain(serials[0]);
    expect(warning).toContain(serials[1]);
    expect(await client.sayText('hayır')).toContain('Silme işlemi yapılmadı');

    expect((await secretRows()).map((row) => row.card_serial)).toEqual(serials);
    expect(await auditRows('pinpuk.deleted')).toHaveLength(0);
    expect(await client.sayText('PIN / PUK Bilgisi')).toContain(`PIN: ${MEHMET.cards[0].pin}`);
  });

  test('when "Parolaları Sil" is answered "evet", then both cards\' values are gone and one pinpuk.deleted audit row is written', async () => {
    const client = await atMenu(MEHMET);
    await client.sayText('PIN / PUK Bilgisi');
    // Two cards: "kartlarınızın", not "kartınızın".
    const warning = await client.sayText('Parolaları Sil');
    expect(warning).toContain(`${serials.join(', ')} kartlarınızın PIN ve PUK bilgileri`);
    expect(warning).not.toContain('kartınızın');
    expect(await client.sayText('evet')).toContain('kalıcı olarak silindi');

    expect(await secretRows()).toHaveLength(0);
    const audit = await auditRows('pinpuk.deleted');
    expect(audit).toHaveLength(1);
    expect(audit[0]!.subject_masked).toBe(MEHMET.maskedId);
    expect(audit[0]!.details.cards?.split(',').sort()).toEqual(serials);

    const again = await client.sayText('PIN / PUK Bilgisi');
    expect(again).toContain('silinmiş');
    for (const card of MEHMET.cards) {
      expect(again).not.toContain(card.pin);
      expect(again).not.toContain(card.puk);
    }
  });
});
