import { AYSE, codeIn, MEHMET } from '../support/citizenLogin';
import { EmulatorClient } from '../support/emulator';
import { FakeClock } from '../support/fakeClock';
import { FakeTwilio } from '../support/fakeTwilio';
import { linkIn, submitForm, waitFor } from '../support/resetPage';
import { createTestDatabase, describeWithPostgres, describeWithRedis, TEST_DATABASE_URL, TEST_REDIS_URL } from '../support/services';
import { SmtpCatcher } from '../support/smtpCatcher';
import { solveTextChallenge } from '../support/solveChallenge';
import { TcpProxy } from '../support/tcpProxy';
import { startTestApp, startTwoTestApps, type TestApp } from '../support/testApp';
import type { AppOverrides } from '../../src/app';

const ACCOUNT_SID = `AC${'0123456789abcdef'.repeat(2)}`;
const AUTH_TOKEN = 'instances-test-token';
const NEW_WORD = 'Iki-Sunucu-Tek-Sohbet-7';

/** Two identical instances on one PostgreSQL database and one Redis, as behind a load balancer. */
async function twoInstances(env: Record<string, string>, overrides: AppOverrides = {}) {
  const database = await createTestDatabase();
  const shared = { DATABASE_URL: database.url, REDIS_URL: TEST_REDIS_URL, SEED_FILE: 'seed/demo.json', ...env };
  // Started together: the migrations and the seed must not race.
  const [a, b] = await startTwoTestApps(shared, overrides);
  return {
    a,
    b,
    async close() {
      await Promise.all([a.close(), b.close()]);
      await database.drop();
    },
  };
}

/** A conversation waiting at the security-word prompt, its turns spread over both instances. */
async function atWordPrompt(a: TestApp, b: TestApp, nationalId: string): Promise<EmulatorClient> {
  const client = new EmulatorClient(a.baseUrl);
  await client.start();
  await client.join();
  await client.via(b.baseUrl).say('Şifreli Giriş');
  const challenge = await client.via(a.baseUrl).sayText(nationalId);
  await client.via(b.baseUrl).say(solveTextChallenge(challenge));
  return client;
}

describeWithPostgres()('with two instances on one PostgreSQL and one Redis', () => {
  describeWithRedis()('and real time', () => {
    let instances: Awaited<ReturnType<typeof twoInstances>>;
    let smtp: SmtpCatcher;
    let twilio: FakeTwilio;
    const clients: EmulatorClient[] = [];

    beforeAll(async () => {
      smtp = new SmtpCatcher();
      await smtp.start();
      twilio = new FakeTwilio(ACCOUNT_SID, AUTH_TOKEN);
      const twilioUrl = await twilio.start();
      instances = await twoInstances({
        SMTP_URL: smtp.url,
        TWILIO_ACCOUNT_SID: ACCOUNT_SID,
        TWILIO_AUTH_TOKEN: AUTH_TOKEN,
        TWILIO_SMS_FROM: '+15005550006',
        TWILIO_API_BASE_URL: twilioUrl,
      });
    });
    afterAll(async () => {
      await Promise.all(clients.map((client) => client.stop()));
      await instances.close();
      await twilio.stop();
      await smtp.stop();
    });

    test('when a conversation alternates between the instances, then the whole seed journey completes', async () => {
      const { a, b } = instances;
      const client = new EmulatorClient(a.baseUrl);
      clients.push(client);
      await client.start();
      await client.join();
      await client.via(b.baseUrl).say('Güvenlik Sözcüğümü Unuttum');
      const challenge = await client.via(a.baseUrl).sayText(AYSE.id);
      expect(await client.via(b.baseUrl).sayText(solveTextChallenge(challenge))).toContain('kayıtlı e-posta adresinize');

      const mail = await waitFor(() => smtp.mails.find((m) => JSON.stringify(m.to).includes('ayse.yilmaz')));
      expect((await submitForm(linkIn(mail.text ?? ''), NEW_WORD)).status).toBe(200);
      await client.waitForReply((reply) => /güncellendi/.test(reply.text ?? ''));

      await client.via(a.baseUrl).say('Şifreli Giriş');
      const loginChallenge = await client.via(b.baseUrl).sayText(AYSE.id);
      await client.via(a.baseUrl).say(solveTextChallenge(loginChallenge));
      expect(await client.via(b.baseUrl).sayText(NEW_WORD)).toContain(AYSE.maskedPhone);
      expect(await client.via(a.baseUrl).sayText('Onay')).toContain('Kalan süre');
      const code = codeIn(twilio.messages.at(-1)!.body);
      expect(await client.via(b.baseUrl).sayText(code)).toContain('İşlemler Menüsü');
      expect(await client.via(a.baseUrl).sayText('PIN / PUK Bilgisi')).toContain(`PIN: ${AYSE.pin}`);
      await client.via(b.baseUrl).say('Parolaları Sil');
      expect(await client.via(a.baseUrl).sayText('evet')).toContain('kalıcı olarak silindi');
      expect(await a.app.db.query('SELECT 1 FROM pin_puk_secrets WHERE card_serial = $1', [AYSE.card])).toHaveLength(0);
    });

    test('when 50 wrong security words for one ID arrive at once over both instances, then exactly 3 are counted and the account is blocked', async () => {
      const { a, b } = instances;
      const parallel = await Promise.all(
        Array.from({ length: 50 }, (_, index) => (index % 2 ? atWordPrompt(a, b, MEHMET.id) : atWordPrompt(b, a, MEHMET.id))),
      );
      clients.push(...parallel);
      const replies = await Promise.all(parallel.map((client, index) => client.sayText(`paralel-yanlis-${index}`)));
      // The try that blocks says so; the others are refused unchecked and, to stay indistinguishable
      // from an unknown ID's, answered as their login's first try (issue 18, item 9).
      expect(replies.filter((reply) => /deneme hakkınız kaldı/.test(reply))).toHaveLength(49);
      expect(replies.filter((reply) => reply.includes('bloke edilmiştir'))).toHaveLength(1);
      const [row] = await a.app.db.query<{ failed_attempts: number; blocked_at: Date | null }>(
        'SELECT failed_attempts, blocked_at FROM citizens WHERE national_id = $1',
        [MEHMET.id],
      );
      expect(row).toMatchObject({ failed_attempts: 3 });
      expect(row!.blocked_at).not.toBeNull();
      await waitFor(() => smtp.mails.find((m) => m.subject === 'Hesabınız bloke edildi'));
    });

    test('when two messages of one conversation reach the two instances at the same moment, then both take effect', async () => {
      const { a, b } = instances;
      const client = new EmulatorClient(a.baseUrl);
      clients.push(client);
      await client.start();
      await client.join();
      // The same conversation: "English" to one instance and "1" (forgot) to the other, at once.
      await Promise.all([
        client.post({ type: 'message', text: 'English' }, a.baseUrl),
        client.post({ type: 'message', text: '1' }, b.baseUrl),
      ]);
      expect(client.replies.map((reply) => reply.text).join('\n')).not.toMatch(/bir sorun oluştu|something went wrong/);
      const next = await client.via(b.baseUrl).sayText('123');
      expect(next).toContain('A T.C. Kimlik Numarası has 11 digits.');
    });
  });

  describeWithRedis()('and a clock the test moves', () => {
    test('when the SMTP server is down during a reset request, then the mail arrives once after it returns, with both instances delivering', async () => {
      const clock = new FakeClock(Date.now());
      let smtp = new SmtpCatcher();
      await smtp.start();
      const port = smtp.port;
      await smtp.stop();
      const instances = await twoInstances({ SMTP_URL: `smtp://127.0.0.1:${port}` }, { clock });
      const client = new EmulatorClient(instances.a.baseUrl);
      try {
        await client.start();
        await client.join();
        await client.say('1');
        const challenge = await client.sayText(AYSE.id);
        expect(await client.sayText(solveTextChallenge(challenge))).toContain('kayıtlı e-posta adresinize');
        await waitFor(async () => {
          const [row] = await instances.a.app.db.query<{ attempts: number }>('SELECT attempts FROM mail_outbox');
          return row && row.attempts >= 1 ? row : undefined;
        });

        smtp = new SmtpCatcher();
        await smtp.start(port);
        clock.advance(31_000);
        await waitFor(() => smtp.mails.find((m) => JSON.stringify(m.to).includes('ayse.yilmaz')), 15_000);
        // A few more polls of both workers: the mail must not come a second time.
        clock.advance(120_000);
        await new Promise((done) => setTimeout(done, 4_500));
        expect(smtp.mails).toHaveLength(1);
        const [row] = await instances.a.app.db.query<{ sent_at: Date | null; body: string }>('SELECT sent_at, body FROM mail_outbox');
        expect(row!.sent_at).not.toBeNull();
        expect(row!.body).toBe('');
      } finally {
        await client.stop();
        await instances.close();
        await smtp.stop();
      }
    });
  });

  describeWithRedis()('and an outage', () => {
    test('when Redis or PostgreSQL becomes unreachable, then /readyz answers 503 and a citizen gets a clear reply; when it is back, everything works', async () => {
      const redisUrl = new URL(TEST_REDIS_URL);
      const redis = new TcpProxy({ host: redisUrl.hostname, port: Number(redisUrl.port || 6379) });
      const postgresUrl = new URL(TEST_DATABASE_URL);
      const postgres = new TcpProxy({ host: postgresUrl.hostname, port: Number(postgresUrl.port || 5432) });
      await redis.start();
      await postgres.start();
      const database = await createTestDatabase();
      const viaProxy = new URL(database.url);
      viaProxy.port = String(postgres.port);
      const running = await startTestApp({
        DATABASE_URL: viaProxy.toString(),
        REDIS_URL: `redis://127.0.0.1:${redis.port}`,
        SEED_FILE: 'seed/demo.json',
      });
      const client = new EmulatorClient(running.baseUrl);
      try {
        await client.start();
        await client.join();
        expect((await fetch(`${running.baseUrl}/readyz`)).status).toBe(200);

        await redis.cut();
        const during = await fetch(`${running.baseUrl}/readyz`);
        expect(during.status).toBe(503);
        expect(await during.json()).toMatchObject({ ready: false, store: false });
        expect(await client.sayText('1')).toContain('biraz sonra tekrar deneyin');

        await redis.restore();
        await waitFor(async () => ((await fetch(`${running.baseUrl}/readyz`)).status === 200 ? true : undefined), 15_000);
        expect(await client.sayText('menü')).toContain('Başka ne yapmak istersiniz?');

        await postgres.cut();
        const noDatabase = await fetch(`${running.baseUrl}/readyz`);
        expect(noDatabase.status).toBe(503);
        expect(await noDatabase.json()).toMatchObject({ ready: false, database: false });
        await postgres.restore();
        await waitFor(async () => ((await fetch(`${running.baseUrl}/readyz`)).status === 200 ? true : undefined), 15_000);
      } finally {
        await client.stop();
        await running.close();
        await redis.cut();
        await postgres.cut();
        await database.drop();
      }
    });
  });
});
