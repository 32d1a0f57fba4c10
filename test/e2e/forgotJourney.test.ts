import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { translate } from '../../src/language/messages';
import { escapeHtml } from '../../src/web/html';
import { EmulatorClient } from '../support/emulator';
import { SmtpCatcher } from '../support/smtpCatcher';
import { solveTextChallenge } from '../support/solveChallenge';
import { linkIn, submitForm, waitFor } from '../support/resetPage';
import { startTestApp, type TestApp } from '../support/testApp';

const AYSE = '10000000146';
const NEW_WORD = 'Mavi-Kapi-Yesil-Bahce-9';

/** Walks Güvenlik Sözcüğümü Unuttum → Kimlik No → human check, as a citizen in the Emulator would. */
async function requestLink(client: EmulatorClient, nationalId: string): Promise<string> {
  await client.join();
  await client.say('Güvenlik Sözcüğümü Unuttum');
  const challenge = await client.sayText(nationalId);
  return client.sayText(solveTextChallenge(challenge));
}

describe('when a citizen who forgot the security word asks in the Emulator, with mail over SMTP', () => {
  let smtp: SmtpCatcher;
  let running: TestApp;
  let client: EmulatorClient;

  beforeAll(async () => {
    smtp = new SmtpCatcher();
    await smtp.start();
    running = await startTestApp({ SMTP_URL: smtp.url, MAIL_FROM: 'Kamu SM <no-reply@kamusm.test>' });
  });
  afterAll(async () => {
    await running.close();
    await smtp.stop();
  });
  beforeEach(async () => {
    client = new EmulatorClient(running.baseUrl);
    await client.start();
  });
  afterEach(() => client.stop());

  test('then the link arrives by e-mail, the page sets the new word, the chat is told and a notice is mailed', async () => {
    const reply = await requestLink(client, AYSE);
    expect(reply).toContain('kayıtlı e-posta adresinize');
    expect(reply).not.toContain('@');

    const mail = await waitFor(() => smtp.mails.find((m) => m.subject?.includes('Güncelleme')));
    expect(mail.to).toMatchObject({ text: 'ayse.yilmaz@example.org' });
    expect(mail.text).toContain('Sayın Ayşe Yılmaz');
    const link = linkIn(mail.text ?? '');

    const result = await submitForm(link, NEW_WORD);
    expect(result.status).toBe(200);
    expect(await result.text()).toContain('Güvenlik sözcüğünüz başarıyla güncellendi');

    const told = await client.waitForReply(
      (activity) => /Şifreli Giriş/.test(activity.text ?? '') && /güncellendi/.test(activity.text ?? ''),
    );
    expect(told.conversation?.id).toBeDefined();
    const notice = await waitFor(() => smtp.mails.find((m) => m.subject === 'Güvenlik sözcüğünüz değiştirildi'));
    expect(notice.text).toContain('0262 648 18 18');

    const again = await fetch(link);
    expect(again.status).toBe(410);
    expect(await again.text()).toContain('daha önce kullanılmış');
  });

  test('then an unknown ID gets the very same reply and no mail is sent', async () => {
    const before = smtp.mails.length;
    const known = await requestLink(client, '10000000214');
    const other = new EmulatorClient(running.baseUrl);
    await other.start();
    const unknown = await requestLink(other, '10000000528');
    await other.stop();
    expect(unknown).toBe(known);
    await running.app.background.drain();
    expect(smtp.mails.length).toBe(before + 1);
    expect(smtp.mails.at(-1)!.to).toMatchObject({ text: 'mehmet.demir@example.org' });
  });

  test('then in English the reply, the mail and the page are in English', async () => {
    client.setLocale('en-US');
    const reply = await requestLink(client, 'U12345678');
    expect(reply).toContain('If this ID is registered with us');
    const mail = await waitFor(() => smtp.mails.find((m) => m.to && JSON.stringify(m.to).includes('anna.schmidt')));
    expect(mail.subject).toBe('Your link to set a new security word');
    const link = linkIn(mail.text ?? '');
    expect(link).toMatch(/\?lang=en$/);
    const page = await (await fetch(link)).text();
    expect(page).toContain('<html lang="en">');
  });
});

describe('when no SMTP server is configured', () => {
  let running: TestApp;
  let client: EmulatorClient;

  beforeAll(async () => {
    running = await startTestApp();
    client = new EmulatorClient(running.baseUrl);
    await client.start();
  });
  afterAll(async () => {
    await client.stop();
    await running.close();
  });

  test('then the mail is written to the outbox, listed at /dev/outbox, and its link works', async () => {
    await requestLink(client, AYSE);
    await running.app.background.drain();
    const files = readdirSync(join(running.dataDir, 'outbox', 'mail'));
    expect(files).toHaveLength(1);
    expect(readFileSync(join(running.dataDir, 'outbox', 'mail', files[0]!), 'utf8')).toContain('To: ayse.yilmaz@example.org');

    const outbox = (await (await fetch(`${running.baseUrl}/dev/outbox?format=json`)).json()) as { mail: { text: string }[] };
    const link = linkIn(outbox.mail[0]!.text);
    const result = await submitForm(link, NEW_WORD);
    expect(result.status).toBe(200);
    await client.waitForReply((activity) => /güncellendi/.test(activity.text ?? ''));
  });

  test('then a blocked citizen who sets a new word is told by the page and the chat that the account is still blocked, with the call center, never "you can log in now"', async () => {
    const MEHMET = '10000000214';
    await running.app.db.query('UPDATE citizens SET failed_attempts = 3, blocked_at = now() WHERE national_id = $1', [MEHMET]);
    const blocked = new EmulatorClient(running.baseUrl);
    await blocked.start();
    try {
      await requestLink(blocked, MEHMET);
      await running.app.background.drain();
      const outbox = (await (await fetch(`${running.baseUrl}/dev/outbox?format=json`)).json()) as { mail: { to: string; text: string }[] };
      const link = linkIn(outbox.mail.find((mail) => mail.to.includes('mehmet.demir'))!.text);

      const result = await submitForm(link, NEW_WORD);
      expect(result.status).toBe(200);
      const page = await result.text();
      expect(page).toContain(escapeHtml(translate('tr', 'page.successStillBlocked')));
      expect(page).toContain('0262 648 18 18');
      expect(page).not.toContain(escapeHtml(translate('tr', 'page.success')));

      const told = await blocked.waitForReply((activity) => /güncellendi/.test(activity.text ?? ''));
      expect(told.text).toBe(translate('tr', 'forgot.changedStillBlocked'));
      expect(told.text).toContain('0262 648 18 18');
      expect(told.suggestedActions?.actions ?? []).toEqual([]);
    } finally {
      await blocked.stop();
    }
  });
});
