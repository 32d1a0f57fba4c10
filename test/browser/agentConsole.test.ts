import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { Browser } from 'playwright-core';
import { translate } from '../../src/language/messages';
import { describeWithBrowser, launchBrowser, newPage, runAxe, screenshot } from '../support/browser';
import { startTestApp, type TestApp } from '../support/testApp';
import { choose, send, waitForBubble } from '../support/webChat';

const run = promisify(execFile);

jest.setTimeout(120_000);

describeWithBrowser()('the web chat agent console in Chromium', () => {
  let running: TestApp;
  let browser: Browser;

  beforeAll(async () => {
    running = await startTestApp();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await running?.close();
  });

  it('signs the demo agent in with the link an operator printed, and the console chat works as an agent', async () => {
    const { stdout } = await run(process.execPath, ['--import', 'tsx', 'src/agentLinkCli.ts', 'demo-agent'], {
      env: { ...process.env, DATA_DIR: running.dataDir, PUBLIC_BASE_URL: running.baseUrl, NODE_ENV: 'development' },
    });
    const link = stdout.split('\n')[0]!;

    const page = await newPage(browser);
    const refused = await page.goto(`${running.baseUrl}/temsilci`);
    expect(refused?.status()).toBe(401);
    await page.getByText(translate('tr', 'agentConsole.needSignIn')).waitFor();

    await page.goto(link);
    await page.getByRole('button', { name: translate('tr', 'agentConsole.signIn.button') }).click();
    await page.waitForURL(/\/temsilci\?lang=tr$/);
    await waitForBubble(page, /temsilcisi olarak giriş yaptınız/);
    await screenshot(page, 'agent-console-signed-in');

    await choose(page, /Vatandaş Sorgula/);
    await waitForBubble(page, /Kimlik No/);
    await send(page, '10000000382');
    const view = await waitForBubble(page, /Bloke \(/);
    expect(await view.textContent()).toMatch(/100\*{6}82/);
    expect(await view.textContent()).not.toContain('10000000382');
    await screenshot(page, 'agent-console-lookup');

    const axe = await runAxe(
      await newPage(browser, { bypassCSP: true }).then(async (checked) => {
        await checked.context().addCookies(await page.context().cookies());
        await checked.goto(`${running.baseUrl}/temsilci`);
        await waitForBubble(checked, /temsilcisi olarak giriş yaptınız/);
        return checked;
      }),
    );
    console.log(`axe-core on /temsilci: ${axe.violations.length} violations, ${axe.passes} rules passed`);
    expect(axe.violations).toEqual([]);

    await page.getByRole('button', { name: translate('tr', 'agentConsole.signOut') }).click();
    await page.getByText(translate('tr', 'agentConsole.signedOut')).waitFor();
    const after = await page.goto(`${running.baseUrl}/temsilci`);
    expect(after?.status()).toBe(401);
  });
});
