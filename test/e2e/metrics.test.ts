import { AYSE, MEHMET, smsOutbox, textOf } from '../support/citizenLogin';
import { EmulatorClient } from '../support/emulator';
import { solveTextChallenge } from '../support/solveChallenge';
import { startTestApp, type TestApp } from '../support/testApp';

const ZEYNEP_ID = '10000000382';

/** GET /metrics, as Prometheus scrapes it: `name{labels}` → value. */
async function scrape(running: TestApp): Promise<{ contentType: string; values: Map<string, number> }> {
  const response = await fetch(`${running.baseUrl}/metrics`);
  expect(response.status).toBe(200);
  const values = new Map<string, number>();
  for (const line of (await response.text()).split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const at = line.lastIndexOf(' ');
    values.set(line.slice(0, at), Number(line.slice(at + 1)));
  }
  return { contentType: response.headers.get('content-type') ?? '', values };
}

function metric(values: Map<string, number>, key: string): number {
  const value = values.get(key);
  if (value === undefined) throw new Error(`${key} is not in /metrics`);
  return value;
}

/** An Emulator that counts the activities it posts: each one is one turn of the bot. */
class CountingClient extends EmulatorClient {
  posts = 0;

  override post(...args: Parameters<EmulatorClient['post']>): ReturnType<EmulatorClient['post']> {
    this.posts += 1;
    return super.post(...args);
  }
}

/** A citizen at the security-word prompt of Şifreli Giriş, in a conversation of their own. */
async function atWordPrompt(running: TestApp, clients: CountingClient[], nationalId: string): Promise<CountingClient> {
  const client = new CountingClient(running.baseUrl);
  clients.push(client);
  await client.start();
  await client.join();
  await client.say('Şifreli Giriş');
  await client.say(solveTextChallenge(await client.sayText(nationalId)));
  return client;
}

const word = (client: EmulatorClient, securityWord: string) => client.say('', { value: { securityWord }, text: undefined });

describe('when citizens log in, fail, get blocked and receive codes and mails, then /metrics counts it', () => {
  let running: TestApp;
  const clients: CountingClient[] = [];

  beforeAll(async () => {
    running = await startTestApp();
  });
  afterAll(async () => {
    await Promise.all(clients.map((client) => client.stop()));
    await running.close();
  });

  test('when nothing has happened yet, then every outcome is there at zero, with the process metrics, in the Prometheus text format', async () => {
    const { contentType, values } = await scrape(running);
    expect(contentType).toMatch(/^text\/plain; version=0\.0\.4/);
    for (const outcome of ['success', 'wrong_word', 'blocked', 'refused_blocked'])
      expect(metric(values, `logins_total{outcome="${outcome}"}`)).toBe(0);
    expect(metric(values, 'account_blocks_total')).toBe(0);
    expect(metric(values, 'sms_codes_total{outcome="sent"}')).toBe(0);
    expect(metric(values, 'mails_total{outcome="sent"}')).toBe(0);
    expect(metric(values, 'mail_outbox_backlog')).toBe(0);
    expect(metric(values, 'directline_connections')).toBe(0);
    expect(metric(values, 'process_cpu_user_seconds_total')).toBeGreaterThan(0);
  });

  test('when Ayşe gets one word wrong, then logs in with the SMS code, Mehmet is blocked and Zeynep is refused, then the counters moved by exactly that', async () => {
    const ayse = await atWordPrompt(running, clients, AYSE.id);
    expect(textOf(await word(ayse, 'yanlis-sozcuk-1'))).toMatch(/2 deneme hakkınız kaldı/);
    expect(textOf(await word(ayse, AYSE.word))).toContain('SMS Onay');
    await ayse.sayText('Onay');
    expect(smsOutbox(running.dataDir)).toHaveLength(1);

    const mehmet = await atWordPrompt(running, clients, MEHMET.id);
    for (const attempt of ['yanlis-1', 'yanlis-2']) await word(mehmet, attempt);
    expect(textOf(await word(mehmet, 'yanlis-3'))).toContain('bloke');

    const zeynep = await atWordPrompt(running, clients, ZEYNEP_ID);
    expect(textOf(await word(zeynep, 'herhangi-bir-sozcuk'))).toContain('bloke');

    // The mail telling Mehmet of the block is delivered by the worker, after the turn.
    await running.app.background.drain();
    const { values } = await scrape(running);
    expect(metric(values, 'logins_total{outcome="success"}')).toBe(1);
    expect(metric(values, 'logins_total{outcome="wrong_word"}')).toBe(3);
    expect(metric(values, 'logins_total{outcome="blocked"}')).toBe(1);
    expect(metric(values, 'logins_total{outcome="refused_blocked"}')).toBe(1);
    expect(metric(values, 'account_blocks_total')).toBe(1);
    expect(metric(values, 'sms_codes_total{outcome="sent"}')).toBe(1);
    expect(metric(values, 'sms_codes_total{outcome="failed"}')).toBe(0);
    expect(metric(values, 'mails_total{outcome="sent"}')).toBe(1);
    expect(metric(values, 'mails_total{outcome="failed"}')).toBe(0);
    expect(metric(values, 'mail_outbox_backlog')).toBe(0);

    // Every activity posted so far was one turn on the emulator channel, each timed once.
    const posted = clients.reduce((sum, client) => sum + client.posts, 0);
    expect(metric(values, 'turns_total{channel="emulator"}')).toBe(posted);
    expect(metric(values, 'turn_duration_seconds_count{channel="emulator"}')).toBe(posted);
    expect(metric(values, 'turn_duration_seconds_bucket{le="+Inf",channel="emulator"}')).toBe(posted);
  });
});

describe('when the mail server and the SMS sender both fail, in a second app in the same process', () => {
  let running: TestApp;
  const clients: CountingClient[] = [];

  beforeAll(async () => {
    const down = async () => {
      throw new Error('connection refused');
    };
    running = await startTestApp({}, { mailer: { send: down }, sms: { send: down } });
  });
  afterAll(async () => {
    await Promise.all(clients.map((client) => client.stop()));
    await running.close();
  });

  test('then the failed SMS code, the failed mail and the mail still waiting are counted, and nothing of the other app is', async () => {
    const ayse = await atWordPrompt(running, clients, AYSE.id);
    expect(textOf(await word(ayse, AYSE.word))).toContain('SMS Onay');
    await ayse.sayText('Onay');

    const mehmet = await atWordPrompt(running, clients, MEHMET.id);
    for (const attempt of ['yanlis-1', 'yanlis-2', 'yanlis-3']) await word(mehmet, attempt);
    await running.app.background.drain();

    const { values } = await scrape(running);
    expect(metric(values, 'sms_codes_total{outcome="failed"}')).toBe(1);
    expect(metric(values, 'sms_codes_total{outcome="sent"}')).toBe(0);
    expect(metric(values, 'mails_total{outcome="failed"}')).toBe(1);
    expect(metric(values, 'mails_total{outcome="sent"}')).toBe(0);
    expect(metric(values, 'mail_outbox_backlog')).toBe(1);
    expect(metric(values, 'logins_total{outcome="success"}')).toBe(1);
    expect(metric(values, 'logins_total{outcome="refused_blocked"}')).toBe(0);
    expect(metric(values, 'account_blocks_total')).toBe(1);
  });
});
