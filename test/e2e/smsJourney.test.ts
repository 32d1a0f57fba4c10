import { countSegments } from '../../src/channels/smsSegments';
import { translate } from '../../src/language/messages';
import { AYSE } from '../support/citizenLogin';
import { FakeTwilio } from '../support/fakeTwilio';
import { PhoneCitizen, TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN, TWILIO_NUMBER, twilioChannelEnv } from '../support/phoneCitizen';
import { listOutboxMail } from '../support/resetLinkPage';
import { linkIn, submitForm, waitFor } from '../support/resetPage';
import { solveTextChallenge } from '../support/solveChallenge';
import { startTestApp, type TestApp } from '../support/testApp';

const NEW_WORD = 'Mavi-Kapi-Yesil-Bahce-9';

describe('when Ayşe does the whole journey by SMS (forgot → link → login → code → PIN / PUK → Sil)', () => {
  let fake: FakeTwilio;
  let running: TestApp;
  let ayse: PhoneCitizen;

  beforeAll(async () => {
    fake = new FakeTwilio(TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN);
    running = await startTestApp(twilioChannelEnv(await fake.start()));
    ayse = new PhoneCitizen(fake, running, AYSE.phone);
  });
  afterAll(async () => {
    await running.close();
    await fake.stop();
  });

  test('then every step is answered by SMS in plain text within three segments, and the values end up deleted', async () => {
    // The greeting: the three ways in as numbered lines.
    const greeting = await ayse.sayText('Merhaba');
    expect(greeting).toContain('e-İmza Yardımcısı');
    expect(greeting).toMatch(/1\) Güvenlik Sözcüğümü Unuttum\n2\) Şifreli Giriş\n3\) Yardım/);

    // Güvenlik Sözcüğümü Unuttum by number, Kimlik No, the text human check.
    expect(await ayse.sayText('1')).toContain('Kimlik No');
    const challenge = await ayse.sayText(AYSE.id);
    expect(challenge).toMatch(/Güvenlik kontrolü: şu sayıyı rakamla yazın: [a-zçğıöşü ]+$/);
    const sent = await ayse.say(solveTextChallenge(challenge));
    expect(sent.join(' ')).toContain(translate('tr', 'forgot.sent.sms'));
    expect(sent.join(' ')).not.toContain('@');

    // The link from the outbox mail; setting the word there tells the SMS conversation.
    const mail = await waitFor(async () => (await listOutboxMail(running)).find((listed) => listed.to.includes('ayse')));
    const told = await ayse.during(async () => {
      const page = await submitForm(linkIn(mail.text), NEW_WORD);
      expect(page.status).toBe(200);
    });
    expect(told.join('\n')).toContain('Güvenlik sözcüğünüz güncellendi');

    // Şifreli Giriş with the new word, then SMS Onay.
    expect(await ayse.sayText('Şifreli Giriş')).toContain('Kimlik No');
    const loginChallenge = await ayse.sayText(AYSE.id);
    expect(await ayse.sayText(solveTextChallenge(loginChallenge))).toContain('Güvenlik Sözcüğünüzü yazın');
    const onay = await ayse.sayText(NEW_WORD);
    expect(onay).toContain('+90 5** *** ** 67');
    expect(onay).toContain('1) Onay\n2) Bu numara bana ait değil');
    expect(onay).not.toContain(NEW_WORD);

    // Onay: the code arrives by SMS from TWILIO_SMS_FROM, with the prompt for it.
    const afterOnay = await ayse.say('1');
    const codeSms = ayse.received().find((message) => message.body.includes('SMS Onay Kodunuz'))!;
    expect(codeSms.from).toBe(TWILIO_NUMBER);
    expect(afterOnay.join('\n')).toContain('Kalan süre: 300 saniye');
    const code = codeSms.body.match(/\d{6}/)![0];

    const menu = await ayse.sayText(code);
    expect(menu).toContain('İşlemler Menüsü');
    expect(menu).toMatch(/5\) PIN \/ PUK Bilgisi/);

    // PIN / PUK Bilgisi: the values, since she writes from her registered phone.
    const pinPuk = await ayse.sayText('5');
    // Values first, in the short SMS form, and the line that the SMS stays on the phone.
    expect(pinPuk.startsWith(`Kart ${AYSE.card}\nPIN: ${AYSE.pin}\nPUK: ${AYSE.puk}`)).toBe(true);
    expect(pinPuk).toContain(translate('tr', 'pinPuk.notes.sms'));
    expect(pinPuk).toContain(`PIN: ${AYSE.pin}`);
    expect(pinPuk).toContain(`PUK: ${AYSE.puk}`);
    expect(pinPuk).toMatch(/1\) Parolaları Kaydet\n2\) Parolaları Sil/);

    // Parolaları Sil, the warning, evet.
    expect(await ayse.sayText('2')).toContain('ÜCRET KARŞILIĞINDA');
    expect(await ayse.sayText('evet')).toContain('kalıcı olarak silindi');
    expect(await running.app.db.query('SELECT * FROM pin_puk_secrets WHERE card_serial = $1', [AYSE.card])).toHaveLength(0);

    // Everything went out as text messages from the Twilio number, none longer than three segments, none with media.
    const replies = ayse.received();
    expect(replies.length).toBeGreaterThan(15);
    for (const reply of replies) {
      expect(reply.from).toBe(TWILIO_NUMBER);
      expect(reply.mediaUrls).toEqual([]);
      expect(countSegments(reply.body).segments).toBeLessThanOrEqual(3);
      expect(reply.body).not.toMatch(/\*\*[^*\s][^*]*\*\*|```|<\/?[a-z][^>]*>/);
    }
    const audit = await running.app.db.query<{ action: string; channel: string }>(
      "SELECT action, channel FROM audit_log WHERE action LIKE 'pinpuk.%'",
    );
    expect(audit).toEqual(
      expect.arrayContaining([
        { action: 'pinpuk.shown', channel: 'sms' },
        { action: 'pinpuk.deleted', channel: 'sms' },
      ]),
    );
  });

  test('then no log line carries her full number, the code, the values or the security word', () => {
    const secrets = [AYSE.phone, AYSE.phone.slice(1), AYSE.pin, AYSE.puk, NEW_WORD];
    for (const line of running.logs) for (const secret of secrets) expect(line).not.toContain(secret);
    const code = ayse
      .received()
      .find((message) => message.body.includes('SMS Onay Kodunuz'))!
      .body.match(/\d{6}/)![0];
    for (const line of running.logs) expect(line).not.toContain(code);
  });
});
