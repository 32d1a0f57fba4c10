import type { Browser, Page } from 'playwright-core';
import { translate, type MessageKey } from '../../src/language/messages';
import { describeWithBrowser, launchBrowser, newPage, runAxe, screenshot, type AxeSummary } from '../support/browser';
import { MEHMET } from '../support/citizenLogin';
import { issueLink } from '../support/resetLinkPage';
import { solveTextChallenge } from '../support/solveChallenge';
import { startTestApp, type TestApp } from '../support/testApp';
import { RENEWAL_CHAT_PATH } from '../../src/web/chatPage';
import { bubbles, choose, logInToMenu, openChat, send, suggestedAction, waitForBubble, waitUntilGone } from '../support/webChat';

/** What the functions run inside the page use of it (the project is type-checked without the DOM library). */
declare const document: {
  activeElement: { textContent: string | null; className: string } | null;
  addEventListener(type: 'securitypolicyviolation', listener: (event: { violatedDirective: string; blockedURI: string }) => void): void;
};

const tr = (key: MessageKey) => translate('tr', key);
const en = (key: MessageKey) => translate('en', key);

/** Prints what axe found, one line per page, and the details of any violation. */
function report(summary: AxeSummary): void {
  const url = new URL(summary.url);
  const path = `${url.pathname}${url.search}`.replace(/\/guvenlik-sozcugu\/[^?]+/, '/guvenlik-sozcugu/<token>');
  const details = summary.violations
    .map((violation) => `\n  ${violation.id} (${violation.impact}): ${violation.help} → ${violation.targets.join(', ')}`)
    .join('');
  console.log(
    `axe-core (wcag2a, wcag2aa, wcag21a, wcag21aa, wcag22aa) on ${path}: ${summary.violations.length} violations, ${summary.passes} rules passed, ${summary.incomplete} to review by hand, ${summary.inapplicable} not applicable${details}`,
  );
}

// Starting Chromium and driving a conversation takes a while on a busy machine.
jest.setTimeout(120_000);

describeWithBrowser()('the web chat page in Chromium', () => {
  let running: TestApp;
  let browser: Browser;

  beforeAll(async () => {
    running = await startTestApp({ CHALLENGE_KIND: 'auto' });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await running?.close();
  });

  /** Every address the page asked for, WebSockets included, and every CSP violation or console error it reported. */
  async function watched(page: Page) {
    const addresses: string[] = [];
    const problems: string[] = [];
    page.on('request', (request) => addresses.push(request.url()));
    page.on('websocket', (socket) => addresses.push(socket.url()));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
    });
    page.on('pageerror', (error) => problems.push(error.message));
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) =>
        console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`),
      );
    });
    return { addresses, problems };
  }

  test('when / opens in Turkish and in English, then axe-core finds no WCAG 2.2 A/AA violation once the welcome has rendered', async () => {
    const page = await newPage(browser, { bypassCSP: true });
    await openChat(page, `${running.baseUrl}/`, tr('start.greeting'));
    const turkish = await runAxe(page);
    report(turkish);
    await openChat(page, `${running.baseUrl}/?lang=en`, en('start.greeting'));
    const english = await runAxe(page);
    report(english);

    expect(turkish.violations).toEqual([]);
    expect(english.violations).toEqual([]);
    expect(turkish.passes).toBeGreaterThan(10);
  });

  test('when a real reset link opens the Güvenlik Sözcüğü page, then axe-core finds no violation on the form nor on its refusal', async () => {
    const link = await issueLink(running, { type: 'tckn', value: MEHMET.id });
    const page = await newPage(browser, { bypassCSP: true });
    await page.goto(link!.url);
    await page.locator('#word').waitFor();
    const form = await runAxe(page);
    report(form);

    await page.locator('#word').fill('Kestane.Kebap.7a');
    await page.locator('#repeat').fill('Kestane.Kebap.7b');
    await page.getByRole('button', { name: tr('page.submit') }).click();
    await page.getByRole('alert').waitFor();
    const refusal = await runAxe(page);
    report(refusal);

    expect(form.violations).toEqual([]);
    expect(refusal.violations).toEqual([]);
    // The same look as the chat page: its stylesheet, header and call-center number.
    expect(await page.locator('link[rel="stylesheet"]').getAttribute('href')).toMatch(/^\/static\/site\.css\?v=/);
    expect(await page.locator('header').innerText()).toContain('0262 648 18 18');
  });

  test('when a citizen opens the page and talks to the bot, then the page asks nothing of any other host, and no CSP rule or script error fires', async () => {
    const page = await newPage(browser);
    const { addresses, problems } = await watched(page);
    await openChat(page, `${running.baseUrl}/`, tr('start.greeting'));
    await choose(page, /Güvenlik Sözcüğümü Unuttum/);
    await waitForBubble(page, tr('identification.prompt'));
    await send(page, MEHMET.id);
    await page.locator(`img[alt="${tr('humanCheck.image.alt')}"]`).waitFor();
    await choose(page, tr('humanCheck.image.accessibleChoice'));
    await waitForBubble(page, 'rakamla yazın:');
    await page.getByRole('link', { name: 'English' }).click();
    await waitForBubble(page, en('start.greeting'));

    const origins = new Set(
      addresses
        .map((address) => new URL(address))
        .filter((url) => url.protocol !== 'blob:' && url.protocol !== 'data:')
        .map((url) => url.host),
    );
    expect([...origins]).toEqual([new URL(running.baseUrl).host]);
    // The conversation went over our Direct Line's WebSocket.
    expect(addresses.some((address) => address.startsWith(`ws://${new URL(running.baseUrl).host}/v3/directline/`))).toBe(true);
    expect(problems).toEqual([]);
  });

  test('when the page is switched to English, then the page, Web Chat and the bot speak English', async () => {
    const page = await newPage(browser);
    await openChat(page, `${running.baseUrl}/`, tr('start.greeting'));
    expect(await page.locator('html').getAttribute('lang')).toBe('tr');
    expect(await page.locator('.webchat__send-box-text-box__input').getAttribute('placeholder')).toBe('İletinizi yazın');

    await page.getByRole('link', { name: 'English' }).click();
    await waitForBubble(page, en('start.greeting'));
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.locator('h1').innerText()).toBe(en('chatPage.title'));
    expect(await page.locator('.webchat__send-box-text-box__input').getAttribute('placeholder')).toBe('Type your message');
    await page.getByRole('link', { name: 'Türkçe' }).waitFor();
  });

  test("when a reminder's renewal link opens the page, then the chat starts with the renewal steps and a button to the days left, which asks for Şifreli Giriş; in English too", async () => {
    const page = await newPage(browser);
    const { problems } = await watched(page);
    await openChat(page, `${running.baseUrl}${RENEWAL_CHAT_PATH}`, tr('start.topic.renewal'));
    await waitForBubble(page, /Sertifika yenileme nasıl yapılır/);
    expect(await bubbles(page, tr('start.greeting')).count()).toBe(0);
    await choose(page, tr('intent.certificateExpiry'));
    await waitForBubble(page, tr('identification.prompt'));

    await page.getByRole('link', { name: 'English' }).click();
    await waitForBubble(page, en('start.topic.renewal'));
    await waitForBubble(page, /How to renew a certificate/);
    expect(problems).toEqual([]);
  });

  test('when a keyboard user opens the page, then the first Tab reaches the skip link, which puts the cursor in the message box', async () => {
    const page = await newPage(browser);
    await openChat(page, `${running.baseUrl}/`, tr('start.greeting'));
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(tr('chatPage.skipLink'));
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.className ?? '')).toContain('webchat__send-box-text-box__input');
    await page.keyboard.type(tr('start.choice.help'));
    await page.keyboard.press('Enter');
    await waitForBubble(page, /Güvenlik sözcüğünüzü hatırlamıyorsanız/);
  });

  test('when the human check comes, then it is a picture with alt text, and one button away is the question in words, which can be answered', async () => {
    const page = await newPage(browser);
    await openChat(page, `${running.baseUrl}/`, tr('start.greeting'));
    await choose(page, /Güvenlik Sözcüğümü Unuttum/);
    await waitForBubble(page, tr('identification.prompt'));
    await send(page, MEHMET.id);
    const picture = page.locator(`img[alt="${tr('humanCheck.image.alt')}"]`);
    await picture.waitFor();
    expect(await picture.evaluate((image: { complete: boolean; naturalWidth: number }) => image.complete && image.naturalWidth > 0)).toBe(
      true,
    );
    await screenshot(page, 'human-check-picture-and-button');

    const button = suggestedAction(page, tr('humanCheck.image.accessibleChoice'));
    await button.focus();
    await page.keyboard.press('Enter');
    await waitForBubble(page, 'rakamla yazın:');
    expect(await bubbles(page, 'rakamla yazın:').count()).toBe(1);
  });

  test('when the security word is typed in the message box instead of the masked field, then it leaves the page and the login goes on', async () => {
    const page = await newPage(browser);
    const { problems } = await watched(page);
    await openChat(page, `${running.baseUrl}/`, tr('start.greeting'));
    await send(page, tr('start.choice.login'));
    await waitForBubble(page, tr('identification.prompt'));
    await send(page, MEHMET.id);
    await choose(page, tr('humanCheck.image.accessibleChoice'));
    const question = await waitForBubble(page, 'rakamla yazın:');
    await send(page, solveTextChallenge(await question.innerText()));
    await page.locator('.ac-adaptiveCard input[type="password"]').waitFor();

    await send(page, MEHMET.word);
    await waitForBubble(page, 'SMS Onay. Telefon Numaranız');
    await waitUntilGone(page, MEHMET.word);
    expect(problems).toEqual([]);
  });

  test('when a message with PIN and PUK has been on screen for its hideAfterSeconds, then the page hides it by itself', async () => {
    const page = await newPage(browser);
    // The page's own timers run on a clock the test can move; the server's 60-second timer does not.
    await page.clock.install();
    await openChat(page, `${running.baseUrl}/`, tr('start.greeting'));
    await logInToMenu(page, running.dataDir, MEHMET);
    await choose(page, /PIN \/ PUK Bilgisi/);
    await waitForBubble(page, MEHMET.cards[0].pin);

    await page.clock.fastForward('01:01');
    await waitUntilGone(page, MEHMET.cards[0].pin);
    await waitForBubble(page, tr('chatPage.hiddenNote'));
    const dom = await page.content();
    for (const card of MEHMET.cards) {
      expect(dom).not.toContain(card.pin);
      expect(dom).not.toContain(card.puk);
    }
    await screenshot(page, 'pin-puk-hidden-by-the-page');
  });
});
