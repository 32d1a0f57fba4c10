import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { DirectLineClient } from '../support/directLineClient';
import { startTestApp, type TestApp } from '../support/testApp';

const run = promisify(execFile);

/** What an operator does: `npm run agent:link -- EXTERNAL_ID` with the app's configuration. */
async function signInLink(app: TestApp, externalId: string): Promise<string> {
  const { stdout } = await run(process.execPath, ['--import', 'tsx', 'src/agentLinkCli.ts', externalId], {
    env: { ...process.env, DATA_DIR: app.dataDir, PUBLIC_BASE_URL: app.baseUrl, NODE_ENV: 'development' },
  });
  const url = stdout.split('\n')[0]!;
  expect(url.startsWith(`${app.baseUrl}/temsilci/giris/`)).toBe(true);
  return url;
}

/** Opens the link and presses the button; returns the console's cookie. */
async function signIn(url: string): Promise<{ status: number; cookie?: string; location?: string | null }> {
  const page = await fetch(url);
  expect(page.status).toBe(200);
  const response = await fetch(url, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: '',
  });
  const setCookie = response.headers.get('set-cookie') ?? undefined;
  return { status: response.status, cookie: setCookie?.split(';')[0], location: response.headers.get('location') };
}

const consoleToken = (app: TestApp, cookie?: string) =>
  fetch(`${app.baseUrl}/temsilci/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
    body: JSON.stringify({ locale: 'tr-TR' }),
  });

describe('the web chat agent console', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(async () => {
    await app.close();
  });

  it('signs an agent in with a personal link, once, and the bot recognizes them on web chat', async () => {
    const url = await signInLink(app, 'demo-agent');
    const signedIn = await signIn(url);
    expect(signedIn.status).toBe(303);
    expect(signedIn.location).toMatch(/^\/temsilci/);
    expect(signedIn.cookie).toMatch(/^eimza_agent=/);

    const again = await fetch(url, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: '',
    });
    expect(again.status).toBe(410);
    expect(again.headers.get('set-cookie')).toBeNull();

    // The console's page offers no opening topic: a reminder's link is the citizens' page alone.
    const page = await (await fetch(`${app.baseUrl}/temsilci?topic=renewal`, { headers: { cookie: signedIn.cookie! } })).text();
    expect(page).toContain('chat-config');
    expect(page).not.toContain('"topic"');

    const agent = new DirectLineClient(app.baseUrl);
    const greeting = await agent.join(await consoleToken(app, signedIn.cookie));
    expect(greeting.map((activity) => activity.text).join('\n')).toMatch(/temsilcisi olarak giriş yaptınız/);
  });

  it('gives no console token without a valid session, and a citizen on web chat is never an agent', async () => {
    expect((await consoleToken(app)).status).toBe(401);
    expect((await consoleToken(app, 'eimza_agent=forged.value')).status).toBe(401);

    const citizen = new DirectLineClient(app.baseUrl);
    const greeting = await citizen.join();
    expect(greeting.map((activity) => activity.text).join('\n')).not.toMatch(/temsilci/i);
    for (const attempt of ['ara 10000000146', 'Vatandaş Sorgula', 'Bekleyen Talepler']) {
      const reply = await citizen.sayText(attempt);
      expect(reply).not.toMatch(/\*\*\*|bloke durumu|Bekleyen talep yok/i);
    }
  });

  it('refuses a link for someone who is not a seeded web chat agent', async () => {
    const url = await signInLink(app, 'not-an-agent');
    expect((await signIn(url)).status).toBe(410);
  });
});
