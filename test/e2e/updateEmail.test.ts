import { translate } from '../../src/language/messages';
import { expectSessionExpired, MENU, MINUTE, useOperationsApp, type Backend, type TestCitizen } from '../support/operations';
import { describeWithPostgres } from '../support/services';
import { openForm, postForm } from '../support/resetLinkPage';

const LINK = /https?:\/\/\S+?\/e-posta-dogrulama\/([A-Za-z0-9_-]{43})(\?lang=en)?(?=\s|$)/;
const SENT = 'adresine bir doğrulama bağlantısı gönderdim';
const PAGE_TITLE = 'E-posta Adresi Doğrulama';
const CHANGED = 'E-posta adresiniz başarıyla güncellendi';

function emailChangeTests(backend: Backend) {
  const world = useOperationsApp(backend);

  /** At the menu, through Bilgi Güncelle and E-posta Adresi; types the new address and returns the reply. */
  const askFor = async (citizen: TestCitizen, newEmail: string, locale?: string) => {
    const client = await world.atMenu(citizen, locale);
    await client.say('Bilgi Güncelle');
    await client.say(locale === 'en-US' ? 'e-mail address' : 'E-posta Adresi');
    return { client, reply: await client.sayText(newEmail) };
  };

  /** The links mailed to an address so far, oldest first. */
  const linksTo = async (address: string) =>
    (await world.mailTo(address)).flatMap((mail) => (LINK.test(mail.text) ? [mail.text.match(LINK)![0]] : []));

  /** Opens the page and presses its button, as a browser would. */
  const confirm = async (link: string) => {
    const form = await openForm(link);
    return postForm(form.action, { csrf: form.csrf, lang: 'tr' }, { cookie: form.cookie });
  };

  const unchanged = async (citizen: TestCitizen) => {
    expect((await world.contact(citizen)).email).toBe(citizen.email);
    expect(await world.audit(citizen, 'contact.email-changed')).toHaveLength(0);
  };

  test('when a new address is typed and its link is opened and confirmed, then the address changes (a seed import keeps it), the old one is told, and both steps are audited', async () => {
    const citizen = await world.newCitizen();
    const { reply } = await askFor(citizen, '  Deniz.Yeni@Example.ORG ');
    expect(reply).toContain(`Deniz.Yeni@example.org ${SENT}`);
    expect(reply).toContain(MENU);
    const [link, ...more] = await linksTo('Deniz.Yeni@example.org');
    expect(more).toHaveLength(0);
    const [linkMail] = await world.mailTo('Deniz.Yeni@example.org');
    expect(linkMail!.subject).toBe('E-posta adresinizi doğrulayın');
    expect(linkMail!.text).toContain(`Sayın ${citizen.name}`);

    // Opening the page, even twice, changes nothing.
    for (let open = 0; open < 2; open++) {
      const page = await fetch(link!);
      const html = await page.text();
      expect(page.status).toBe(200);
      expect(page.headers.get('cache-control')).toBe('no-store');
      expect(page.headers.get('referrer-policy')).toBe('no-referrer');
      expect(html).toContain(PAGE_TITLE);
      expect(html).toContain('Deniz.Yeni@example.org olarak değiştirilecek');
      expect(html).toContain('<button type="submit">Onayla</button>');
    }
    await unchanged(citizen);

    const response = await confirm(link!);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    expect(await response.text()).toContain(CHANGED);
    expect((await world.contact(citizen)).email).toBe('Deniz.Yeni@example.org');
    await world.reimport(citizen);
    expect((await world.contact(citizen)).email).toBe('Deniz.Yeni@example.org');

    const notices = (await world.mailTo(citizen.email)).filter((mail) => mail.subject === 'E-posta adresiniz değiştirildi');
    expect(notices).toHaveLength(1);
    expect(notices[0]!.text).toContain('D***@example.org olarak değiştirildi');
    expect(notices[0]!.text).toContain('0262 648 18 18');
    const audit = (await world.audit(citizen)).filter((row) => row.action.startsWith('contact.'));
    expect(audit).toEqual([
      expect.objectContaining({ action: 'contact.email-link-sent', channel: 'emulator', details: { to: 'D***@example.org' } }),
      expect.objectContaining({
        action: 'contact.email-changed',
        channel: 'web',
        details: { from: 'd***@example.org', to: 'D***@example.org' },
      }),
    ]);
    const token = link!.match(LINK)![1]!;
    expect(JSON.stringify(await world.running.app.db.query('SELECT * FROM audit_log'))).not.toContain(token);
    expect(world.running.logs.join('\n')).not.toContain(token);
    expect(JSON.stringify(await world.running.app.db.query('SELECT * FROM email_change_links'))).not.toContain(token);
  });

  test('when the link is confirmed on the page, then the chat the change was asked from is told, with the new address masked', async () => {
    const citizen = await world.newCitizen();
    const { client } = await askFor(citizen, 'Deniz.Told@Example.org');
    const [link] = await linksTo('Deniz.Told@example.org');
    expect((await confirm(link!)).status).toBe(200);

    const expected = translate('tr', 'update.email.changedTold', { email: 'D***@example.org' });
    const told = await client.waitForReply((activity) => activity.text === expected);
    expect(told.text).toContain('D***@example.org');
    expect(told.text).not.toContain('Deniz.Told@example.org');
    expect(told.locale).toBe('tr-TR');
    // Nothing secret is kept with the link: the stored reference is where the chat is, not what was said in it.
    const [row] = await world.running.app.db.query<{ conversation: unknown }>(
      'SELECT conversation FROM email_change_links l JOIN citizens c ON c.id = l.citizen_id WHERE c.email = $1',
      ['Deniz.Told@example.org'],
    );
    expect(JSON.stringify(row!.conversation)).toContain('"channelId":"emulator"');
    expect(JSON.stringify(row!.conversation)).not.toContain('Deniz.Told');
  });

  test('when the conversation the change was asked from is gone, then the page still confirms the change', async () => {
    const citizen = await world.newCitizen();
    const { client } = await askFor(citizen, 'deniz.gone@example.org');
    const [link] = await linksTo('deniz.gone@example.org');
    await client.stop();

    const response = await confirm(link!);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain(CHANGED);
    expect((await world.contact(citizen)).email).toBe('deniz.gone@example.org');
    await world.running.app.background.drain();
    expect(client.replies.some((activity) => activity.text?.includes('d***@example.org'))).toBe(false);
    // Only a warning: no turn error, so nothing is said to (or deleted from) the conversation's state.
    const logs = world.running.logs.join('\n');
    expect(logs).toContain('the conversation cannot be told');
    expect(logs).not.toContain('turn failed');
    expect(logs).not.toContain('deniz.gone@example.org');
  });

  test('when the confirmed link is used again, then the page says it has been used', async () => {
    const citizen = await world.newCitizen();
    await askFor(citizen, 'deniz.twice@example.org');
    const [link] = await linksTo('deniz.twice@example.org');
    const form = await openForm(link!);
    expect((await postForm(form.action, { csrf: form.csrf, lang: 'tr' }, { cookie: form.cookie })).status).toBe(200);
    const again = await postForm(form.action, { csrf: form.csrf, lang: 'tr' }, { cookie: form.cookie });
    expect(again.status).toBe(410);
    expect(await again.text()).toContain('daha önce kullanılmış');
  });

  test('when something that is not an e-mail address is typed, then it is asked again and nothing is mailed', async () => {
    const citizen = await world.newCitizen();
    const { reply } = await askFor(citizen, 'deniz@');
    expect(reply).toContain('e-posta adresine benzemiyor');
    expect(reply).toContain('Yeni e-posta adresinizi yazın');
    expect(await world.audit(citizen, 'contact.email-link-sent')).toHaveLength(0);
  });

  test('when the registered address itself is typed, then the citizen is told so and no link is sent', async () => {
    const citizen = await world.newCitizen();
    const { reply } = await askFor(citizen, citizen.email.toUpperCase());
    expect(reply).toContain('zaten kayıtlı e-posta adresiniz');
    expect(await world.audit(citizen, 'contact.email-link-sent')).toHaveLength(0);
  });

  test('when the link is opened after 30 minutes, then the page says it has expired and a form opened before cannot be sent either', async () => {
    const citizen = await world.newCitizen();
    await askFor(citizen, 'deniz.late@example.org');
    const [link] = await linksTo('deniz.late@example.org');
    const form = await openForm(link!);

    world.clock.advance(30 * MINUTE);
    const page = await fetch(link!);
    expect(page.status).toBe(410);
    expect(await page.text()).toContain('süresi dolmuş');
    const late = await postForm(form.action, { csrf: form.csrf, lang: 'tr' }, { cookie: form.cookie });
    expect(late.status).toBe(410);
    await unchanged(citizen);
  });

  test('when the form is sent without its cookie, with another token or not as a form, then it is refused and nothing changes', async () => {
    const citizen = await world.newCitizen();
    await askFor(citizen, 'deniz.csrf@example.org');
    const [link] = await linksTo('deniz.csrf@example.org');
    const form = await openForm(link!);

    expect((await postForm(form.action, { csrf: form.csrf, lang: 'tr' })).status).toBe(403);
    expect((await postForm(form.action, { csrf: 'x'.repeat(43), lang: 'tr' }, { cookie: form.cookie })).status).toBe(403);
    const json = await postForm(
      form.action,
      {},
      { cookie: form.cookie, contentType: 'application/json', body: JSON.stringify({ csrf: form.csrf }) },
    );
    expect(json.status).toBe(415);
    await unchanged(citizen);
  });

  test('when a second address is asked for, then the first link no longer works (the newest wins) and the second does', async () => {
    const citizen = await world.newCitizen();
    const { client } = await askFor(citizen, 'deniz.first@example.org');
    await client.say('Bilgi Güncelle');
    await client.say('E-posta Adresi');
    await client.say('deniz.second@example.org');
    const [first] = await linksTo('deniz.first@example.org');
    const [second] = await linksTo('deniz.second@example.org');

    const stale = await fetch(first!);
    expect(stale.status).toBe(410);
    expect(await stale.text()).toContain('daha yeni bir bağlantı gönderildi');
    expect((await confirm(second!)).status).toBe(200);
    expect((await world.contact(citizen)).email).toBe('deniz.second@example.org');
  });

  test('when a fourth link is asked for within 24 hours, then the citizen is told of the limit and no fourth mail is sent', async () => {
    const citizen = await world.newCitizen();
    const { client } = await askFor(citizen, 'deniz.1@example.org');
    for (const n of [2, 3, 4]) {
      await client.say('Bilgi Güncelle');
      await client.say('E-posta Adresi');
      const reply = await client.sayText(`deniz.${n}@example.org`);
      expect(reply).toContain(n < 4 ? SENT : 'en fazla 3 doğrulama bağlantısı');
    }
    expect(await linksTo('deniz.4@example.org')).toHaveLength(0);
    expect((await world.audit(citizen)).map((row) => row.action).filter((action) => action.startsWith('contact.'))).toEqual([
      'contact.email-link-sent',
      'contact.email-link-sent',
      'contact.email-link-sent',
      'contact.email-link-limited',
    ]);
  });

  test('when the session times out before the new address is typed, then no link is sent and the citizen must log in again', async () => {
    const citizen = await world.newCitizen();
    const client = await world.atMenu(citizen);
    await client.say('Bilgi Güncelle');
    await client.say('E-posta Adresi');
    world.clock.advance(5 * MINUTE);
    expectSessionExpired(await client.sayText('deniz.timeout@example.org'));
    expect(await linksTo('deniz.timeout@example.org')).toHaveLength(0);
  });

  test('when a citizen writing in English changes her address, then the chat, the mail, the page and the notice are in English', async () => {
    const citizen = await world.newCitizen();
    const { client, reply } = await askFor(citizen, 'deniz.en@example.org', 'en-US');
    expect(reply).toContain('I have sent a confirmation link to deniz.en@example.org');
    const [linkMail] = await world.mailTo('deniz.en@example.org');
    expect(linkMail!.subject).toBe('Please confirm your e-mail address');
    const link = linkMail!.text.match(LINK)![0];
    expect(link).toMatch(/\?lang=en$/);

    const form = await openForm(link);
    expect(form.html).toContain('Confirm your e-mail address');
    const response = await postForm(form.action, { csrf: form.csrf, lang: 'en' }, { cookie: form.cookie });
    expect(await response.text()).toContain('Your e-mail address has been updated');
    const notice = (await world.mailTo(citizen.email)).find((mail) => mail.subject === 'Your e-mail address was changed');
    expect(notice!.text).toContain('has been changed to d***@example.org');
    const told = await client.waitForReply(
      (activity) => activity.text === translate('en', 'update.email.changedTold', { email: 'd***@example.org' }),
    );
    expect(told.locale).toBe('en-US');
  });
}

describe('Bilgi Güncelle: a new e-mail address, confirmed on our page by the link mailed to it, on the embedded default', () =>
  emailChangeTests('embedded'));
describeWithPostgres()(
  'Bilgi Güncelle: a new e-mail address, confirmed on our page by the link mailed to it, on PostgreSQL and Redis',
  () => emailChangeTests('postgres'),
);
