import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeKey } from '../../src/config';
import { systemClock } from '../../src/lib/clock';
import { AgentSignIn } from '../../src/web/agentSignIn';
import { deriveKey } from '../../src/lib/secrets';
import { FakeTwilio } from '../support/fakeTwilio';
import { TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN, TWILIO_NUMBER, twilioChannelEnv, WEBHOOK_PATH } from '../support/phoneCitizen';
import { RESTART_MASTER_KEY, startOn, type RunningOn } from '../support/sameDataDir';

const signInWith = (url: string) =>
  fetch(url, { method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: '' });

describe('when the embedded assistant (no Redis) restarts on the same DATA_DIR', () => {
  let dataDir: string;
  let running: RunningOn | undefined;

  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'eimza-restart-'));
  });
  afterEach(async () => {
    await running?.close();
    running = undefined;
    rmSync(dataDir, { recursive: true, force: true });
  });

  test('then an agent sign-in link used before the restart is refused after it', async () => {
    running = await startOn(dataDir);
    const signIn = new AgentSignIn(deriveKey(decodeKey(RESTART_MASTER_KEY)!, 'agent-sign-in'), systemClock, () =>
      Math.random().toString(36).slice(2),
    );
    const token = signIn.link('demo-agent').token;
    expect((await signInWith(`${running.baseUrl}/temsilci/giris/${token}`)).status).toBe(303);
    await running.close();

    running = await startOn(dataDir);
    const replayed = await signInWith(`${running.baseUrl}/temsilci/giris/${token}`);
    expect(replayed.status).toBe(410);
    expect(replayed.headers.get('set-cookie')).toBeNull();
  });

  test('then the marks are rows with an expiry, and the daily retention job deletes the expired ones only', async () => {
    running = await startOn(dataDir);
    const signIn = new AgentSignIn(deriveKey(decodeKey(RESTART_MASTER_KEY)!, 'agent-sign-in'), systemClock, () =>
      Math.random().toString(36).slice(2),
    );
    expect((await signInWith(`${running.baseUrl}/temsilci/giris/${signIn.link('demo-agent').token}`)).status).toBe(303);
    await running.app.db.query("INSERT INTO used_marks (key, expires_at) VALUES ('twilio:message:SMexpired', now() - interval '1 minute')");
    await running.app.purgeExpiredRecords();
    const keys = (await running.app.db.query<{ key: string }>('SELECT key FROM used_marks')).map((row) => row.key);
    expect(keys).toHaveLength(1);
    expect(keys[0]).toMatch(/^agent-link-used:[0-9a-f]{64}$/);
  });

  test('then a signed Twilio message replayed with the same MessageSid after the restart is not handled again', async () => {
    const fake = new FakeTwilio(TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN);
    const apiBaseUrl = await fake.start();
    try {
      // The same public address before and after, as a deployed webhook has: the signature covers it.
      const env = { ...twilioChannelEnv(apiBaseUrl), PUBLIC_BASE_URL: 'https://eimza.example.org' };
      const address = '+905550001901';
      const params = fake.inboundParams(address, TWILIO_NUMBER, 'Merhaba');
      const post = (baseUrl: string) =>
        fake.postWebhook(`${baseUrl}${WEBHOOK_PATH}`, params, { signedUrl: `https://eimza.example.org${WEBHOOK_PATH}` });
      const answered = () => fake.messages.filter((message) => message.to === address).length;

      running = await startOn(dataDir, env);
      expect((await post(running.baseUrl)).status).toBe(200);
      await running.app.background.drain();
      expect(answered()).toBe(1);
      await running.close();

      running = await startOn(dataDir, env);
      expect((await post(running.baseUrl)).status).toBe(200);
      await running.app.background.drain();
      expect(answered()).toBe(1);
    } finally {
      await fake.stop();
    }
  });
});
