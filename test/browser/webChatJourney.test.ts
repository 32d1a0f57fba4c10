import type { Browser, Page } from 'playwright-core';
import { translate, type MessageKey } from '../../src/language/messages';
import { describeWithBrowser, launchBrowser, newPage, screenshot } from '../support/browser';
import { AYSE, MEHMET } from '../support/citizenLogin';
import { listOutboxMail } from '../support/resetLinkPage';
import { linkIn, waitFor } from '../support/resetPage';
import { startTestApp, type TestApp } from '../support/testApp';
import { choose, logInToMenu, openChat, passHumanCheck, send, waitForBubble, waitUntilGone } from '../support/webChat';

const NEW_WORD = 'Mavi-Kapi-Yesil-Bahce-9';
const tr = (key: MessageKey) => translate('tr', key);

// Starting Chromium and driving a conversation takes a while on a busy machine.
jest.setTimeout(120_000);

describeWithBrowser()('the whole seed journey in the web chat page, in Chromium', () => {
  let running: TestApp;
  let browser: Browser;
  const shots: string[] = [];
  const otherHosts: string[] = [];

  beforeAll(async () => {
    // The picture challenge, as a citizen's browser gets it by default.
    running = await startTestApp({ CHALLENGE_KIND: 'auto' });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await running?.close();
    if (shots.length) console.log(`screenshots:\n${shots.join('\n')}`);
  });

  const shoot = async (page: Page, name: string) => shots.push(await screenshot(page, name));
  const watchRequests = (page: Page) => {
    const note = (address: string) => {
      const url = new URL(address);
      const origin = url.protocol.startsWith('ws') ? url.origin.replace(/^ws/, 'http') : url.origin;
      if (url.protocol !== 'blob:' && url.protocol !== 'data:' && origin !== running.baseUrl) otherHosts.push(address);
    };
    page.on('request', (request) => note(request.url()));
    page.on('websocket', (socket) => note(socket.url()));
  };

  test('when Ayşe forgets her security word, sets a new one from the mailed link, logs in and deletes her PIN/PUK, then every step shows on the page and the PIN leaves it', async () => {
    const chat = await newPage(browser);
    watchRequests(chat);
    await journey(chat).catch(async (error: unknown) => {
      await shoot(chat, 'journey-failed');
      throw error;
    });
    expect(otherHosts).toEqual([]);
  }, 180_000);

  test('when Mehmet writes "pin kodumu öğrenmek istiyorum", then he is told why he must log in, and after the SMS code his PIN / PUK are shown straight away', async () => {
    const chat = await newPage(browser);
    watchRequests(chat);
    await openChat(chat, `${running.baseUrl}/`, tr('start.greeting'));
    const card = MEHMET.cards[0];
    await logInToMenu(chat, running.dataDir, { id: MEHMET.id, word: MEHMET.word, phone: MEHMET.phone }, async () => undefined, {
      say: 'pin kodumu öğrenmek istiyorum',
      arrival: card.pin,
    }).catch(async (error: unknown) => {
      await shoot(chat, 'free-text-failed');
      throw error;
    });
    await waitForBubble(chat, tr('wish.pinPuk'));
    expect(await chat.content()).toContain(card.puk);
    await shoot(chat, '13-free-text-pin-puk');
    expect(otherHosts).toEqual([]);
  }, 180_000);

  async function journey(chat: Page): Promise<void> {
    // The welcome, then Güvenlik Sözcüğümü Unuttum with the picture challenge.
    await openChat(chat, `${running.baseUrl}/`, tr('start.greeting'));
    await shoot(chat, '01-welcome');
    await choose(chat, /Güvenlik Sözcüğümü Unuttum/);
    await waitForBubble(chat, tr('identification.prompt'));
    await send(chat, AYSE.id);
    await chat
      .locator(`img[alt="${tr('humanCheck.image.alt')}"]`)
      .last()
      .waitFor();
    await shoot(chat, '02-human-check-picture');
    await passHumanCheck(chat, {
      pictureAlt: tr('humanCheck.image.alt'),
      accessibleButton: tr('humanCheck.image.accessibleChoice'),
      wordsPrompt: 'rakamla yazın:',
    });
    await waitForBubble(chat, tr('forgot.sent'));
    await shoot(chat, '03-reset-link-sent');

    // The mailed link, opened in a second tab of the same browser.
    const mail = await waitFor(async () => (await listOutboxMail(running)).find((item) => /guvenlik-sozcugu\//.test(item.text)), 20_000);
    const resetTab = await chat.context().newPage();
    watchRequests(resetTab);
    await resetTab.goto(linkIn(mail.text));
    await resetTab.locator('#word').fill(NEW_WORD);
    await resetTab.locator('#repeat').fill(NEW_WORD);
    await shoot(resetTab, '04-reset-page');
    await resetTab.getByRole('button', { name: tr('page.submit') }).click();
    await resetTab.getByText(tr('page.success')).waitFor();
    await shoot(resetTab, '05-reset-done');

    // Back in the chat: the bot said on its own that she can log in now.
    await chat.bringToFront();
    await waitForBubble(chat, tr('forgot.canLogInNow'));
    await shoot(chat, '06-can-log-in-now');

    // Şifreli Giriş with the new word (typed in the card's masked field), SMS Onay and the code.
    const steps = { 'masked-word': '07-masked-security-word', 'sms-code': '08-sms-code-asked', menu: '09-operations-menu' };
    await logInToMenu(chat, running.dataDir, { id: AYSE.id, word: NEW_WORD, phone: AYSE.phone }, (step) => shoot(chat, steps[step]));

    // PIN / PUK Bilgisi: the values are on the page.
    await choose(chat, /PIN \/ PUK Bilgisi/);
    const values = await waitForBubble(chat, AYSE.pin);
    expect(await values.innerText()).toContain(AYSE.puk);
    await shoot(chat, '10-pin-puk-shown');

    // Parolaları Sil, confirmed: the values are deleted and leave the page at once.
    await choose(chat, /Parolaları Sil/);
    await waitForBubble(chat, /emin misiniz/);
    await shoot(chat, '11-delete-confirmation');
    await choose(chat, /^\d+\. Evet$/);
    await waitForBubble(chat, tr('pinPuk.deleted'));
    await waitUntilGone(chat, AYSE.pin);
    await waitForBubble(chat, tr('pinPuk.hidden'));
    const dom = await chat.content();
    expect(dom).not.toContain(AYSE.pin);
    expect(dom).not.toContain(AYSE.puk);
    await shoot(chat, '12-pin-puk-gone');
  }
});
