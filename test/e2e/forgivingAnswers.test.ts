import { translate, type MessageKey } from '../../src/language/messages';
import { AYSE, codeIn, MEHMET, smsOutbox, textWithChoices, toSmsOnay, type DemoCitizen } from '../support/citizenLogin';
import { EmulatorClient } from '../support/emulator';
import { FakeClock } from '../support/fakeClock';
import { startTestApp, type TestApp } from '../support/testApp';

const DAY = 24 * 60 * 60_000;
const tr = (key: MessageKey, params?: Record<string, string | number>) => translate('tr', key, params);
const en = (key: MessageKey, params?: Record<string, string | number>) => translate('en', key, params);

/** One app with a fake clock; every test starts a day later (a phone gets at most 10 codes a day). */
function useApp() {
  const context = { running: undefined as unknown as TestApp, clock: new FakeClock() };
  const clients: EmulatorClient[] = [];
  beforeAll(async () => {
    context.running = await startTestApp({}, { clock: context.clock });
  });
  beforeEach(() => context.clock.advance(DAY));
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((client) => client.stop()));
  });
  afterAll(() => context.running.close());

  const sms = () => smsOutbox(context.running.dataDir);
  const open = async (locale = 'tr-TR') => {
    const client = new EmulatorClient(context.running.baseUrl, undefined, undefined, locale);
    await client.start();
    clients.push(client);
    return client;
  };
  /** Logged in, at the İşlemler Menüsü. */
  const atMenu = async (citizen: DemoCitizen, locale = 'tr-TR') => {
    const client = await open(locale);
    await toSmsOnay(client, citizen);
    await client.say('Onay');
    const menu = await client.sayText(codeIn(sms().at(-1)!.body));
    expect(menu).toContain('İşlemler Menüsü');
    return client;
  };
  return { context, sms, open, atMenu };
}

describe('yes and no at every yes/no question and single-action step (issue 21, item 5)', () => {
  const { context, sms, open, atMenu } = useApp();

  test.each(['evet', 'tamam', 'olur', 'Evet.', 'yes', 'ok'])(
    'when %j answers SMS Onay, then the code is sent as with "Onay"',
    async (said) => {
      const client = await open();
      await toSmsOnay(client, AYSE);
      const before = sms().length;
      expect(await client.sayText(said)).toContain(tr('sms.codePrompt', { seconds: 300 }));
      expect(sms()).toHaveLength(before + 1);
    },
  );

  test('when "hayır" answers SMS Onay, then no SMS is sent: the number is not theirs', async () => {
    const client = await open();
    await toSmsOnay(client, AYSE);
    const before = sms().length;
    expect(await client.sayText('hayır')).toContain(tr('sms.notMine'));
    expect(sms()).toHaveLength(before);
  });

  test.each(['evet', 'tamam', 'yes'])('when %j answers "Yeni bir kod gönderilsin mi?", then a new code is sent', async (said) => {
    const client = await open();
    await toSmsOnay(client, AYSE);
    await client.say('Onay');
    const code = codeIn(sms().at(-1)!.body);
    context.clock.advance(300_000);
    expect(textWithChoices(await client.say(code))).toContain(tr('sms.expiredPrompt'));
    const before = sms().length;
    expect(await client.sayText(said)).toContain(tr('sms.codePrompt', { seconds: 300 }));
    expect(sms()).toHaveLength(before + 1);
    expect(await client.sayText(codeIn(sms().at(-1)!.body))).toContain('İşlemler Menüsü');
  });

  test('when "hayır" answers "Yeni bir kod gönderilsin mi?", then nothing is sent and the login stops', async () => {
    const client = await open();
    await toSmsOnay(client, AYSE);
    await client.say('Onay');
    const code = codeIn(sms().at(-1)!.body);
    context.clock.advance(300_000);
    await client.say(code);
    const before = sms().length;
    expect(await client.sayText('hayır')).toContain(tr('start.again'));
    expect(sms()).toHaveLength(before);
  });

  test('when "not ettim" answers "not ettiniz mi?" and "evet eminim" the deletion warning, then each is a yes', async () => {
    const client = await atMenu(MEHMET);
    await client.say('PIN / PUK Bilgisi');
    expect(await client.sayText('Parolaları Kaydet')).toContain(tr('pinPuk.saveConfirm'));
    expect(await client.sayText('not ettim')).toContain(tr('pinPuk.saved'));
    await client.say('PIN / PUK Bilgisi');
    await client.say('Parolaları Sil');
    expect(await client.sayText('evet eminim')).toContain(tr('pinPuk.deleted'));
  });

  test('when "tamam" answers the Kullanıma Aç confirmation, then the certificate is activated', async () => {
    const client = await atMenu(MEHMET);
    await client.say('Kullanıma Aç');
    expect(await client.sayText('NES-0002')).toContain(tr('activate.confirm', { serial: 'NES-0002' }));
    expect(await client.sayText('tamam')).toContain(tr('activate.done', { serial: 'NES-0002' }));
  });

  test('when "oldu" answers whether both PIN and PUK are blocked, then the unlock code is given', async () => {
    const client = await atMenu(AYSE);
    await client.say('Kilit Çözme');
    expect(await client.sayText('KSM0000001')).toContain(tr('unlock.blockedPrompt', { card: 'KSM0000001' }));
    expect(await client.sayText('oldu')).toContain('kilit çözme kodu');
  });
});

describe('the natural words of every choice, in Turkish and English (issue 21, item 6)', () => {
  const { context, atMenu } = useApp();

  test.each<[string, MessageKey]>([
    ['sil', 'pinPuk.deleteConfirmMany'],
    ['silin', 'pinPuk.deleteConfirmMany'],
    ['kaydet', 'pinPuk.saveConfirm'],
    ['sakla', 'pinPuk.saveConfirm'],
  ])('when %j is typed at PIN / PUK, then it is that choice', async (said, next) => {
    const client = await atMenu(MEHMET);
    await client.say('PIN / PUK Bilgisi');
    const reply = await client.sayText(said);
    expect(reply).toContain(tr(next, { cards: 'KSM0000002, KSM0000003' }).slice(0, 40));
    expect(reply).not.toContain(tr('choice.retry'));
    await client.say('hayır');
  });

  test('when "pin" is typed at the English menu and "save" / "delete" at PIN / PUK, then each is understood', async () => {
    const client = await atMenu(MEHMET, 'en-US');
    expect(await client.sayText('pin')).toContain(`PIN: ${MEHMET.cards[0].pin}`);
    expect(await client.sayText('save')).toContain(en('pinPuk.saveConfirm'));
    await client.say('no');
    await client.say('pin');
    expect(await client.sayText('delete')).toContain(en('pinPuk.deleteConfirmMany', { cards: 'KSM0000002, KSM0000003' }));
    expect(await client.sayText('no')).toContain(en('pinPuk.notDeleted'));
  });

  test("when the revocation reason is said in the citizen's words, then it is taken and the warning follows; nothing is revoked", async () => {
    const client = await atMenu(AYSE);
    for (const said of [
      'çalındı',
      'çalıntı',
      'kayboldu',
      'kaybettim',
      'soyadım değişti',
      'bilgilerim değişti',
      'stolen',
      'lost',
      'diğer',
    ]) {
      // A person types this slowly: the per-minute message limit stays out of the way.
      context.clock.advance(30_000);
      await client.say('Sertifikamı İptal Et');
      expect(await client.sayText('NES-0001')).toContain(tr('revoke.reasonPrompt', { serial: 'NES-0001' }));
      const next = await client.sayText(said);
      expect(`${said}: ${next}`).not.toContain(tr('choice.retry'));
      expect(next).not.toContain(tr('revoke.reasonPrompt', { serial: 'NES-0001' }));
      // "Diğer" asks for a few words first.
      if (said === 'diğer') expect(next).toContain(tr('revoke.notePrompt', { max: 200 }));
      else await client.say('hayır');
      if (said === 'diğer') {
        await client.say('bir neden');
        await client.say('hayır');
      }
    }
  });

  test.each<[string, string]>([
    ['listele', 'NES-0001'],
    ['sertifikalarım', 'NES-0001'],
    ['pin', 'PIN: '],
    ['kilit', tr('choice.onlyCard', { serial: 'KSM0000001' })],
    ['güncelle', tr('update.prompt')],
  ])('when %j is typed at the İşlemler Menüsü, then that operation runs', async (said, shown) => {
    const client = await atMenu(AYSE);
    const reply = await client.sayText(said);
    expect(reply).toContain(shown);
    expect(reply).not.toContain(tr('choice.retry'));
  });

  test.each<[string, MessageKey]>([
    ['telefon', 'update.phone.prompt'],
    ['numaram', 'update.phone.prompt'],
    ['mail', 'update.email.prompt'],
    ['e-posta', 'update.email.prompt'],
  ])('when %j is typed at Bilgi Güncelle, then that detail is asked', async (said, next) => {
    const client = await atMenu(AYSE);
    await client.say('Bilgi Güncelle');
    expect(await client.sayText(said)).toContain(tr(next));
  });
});
