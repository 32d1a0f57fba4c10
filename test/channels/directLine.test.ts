import { AYSE, codeIn, smsOutbox, toSmsOnay } from '../support/citizenLogin';
import { DirectLineClient } from '../support/directLineClient';
import type { EmulatorClient } from '../support/emulator';
import { FakeClock } from '../support/fakeClock';
import { listOutboxMail } from '../support/resetLinkPage';
import { linkIn, submitForm, waitFor } from '../support/resetPage';
import { solveTextChallenge } from '../support/solveChallenge';
import { createTestDatabase, describeWithPostgres, describeWithRedis, TEST_REDIS_URL } from '../support/services';
import { startTestApp, startTwoTestApps, type TestApp } from '../support/testApp';

/** The texts of activities with their buttons' values, as a page shows them. */
const texts = (activities: { text?: string; suggestedActions?: { actions?: { value?: unknown }[] } }[]) =>
  activities
    .map((activity) =>
      [activity.text ?? '', ...(activity.suggestedActions?.actions ?? []).map((action) => String(action.value))].join('\n'),
    )
    .join('\n');

describe('the self-hosted Direct Line', () => {
  let app: TestApp;
  const clock = new FakeClock(Date.now());
  /** The replacements scheduled for 60 s after PIN/PUK values were shown, fired by hand. */
  const scheduled: { run: () => void; ms: number }[] = [];

  beforeAll(async () => {
    app = await startTestApp({}, { clock, timers: { set: (run, ms) => (scheduled.push({ run, ms }), {}) } });
  });
  afterAll(async () => {
    await app.close();
  });

  it('starts a conversation with a token and the greeting, in the language the page asked for', async () => {
    const turkish = new DirectLineClient(app.baseUrl);
    expect(texts(await turkish.join())).toMatch(/Güvenlik Sözcüğümü Unuttum/);
    const english = new DirectLineClient(app.baseUrl, 'en-US');
    expect(texts(await english.join())).toMatch(/^Hello/);
    expect(english.streamUrl).toMatch(
      new RegExp(`^ws://127\\.0\\.0\\.1:${app.port}/v3/directline/conversations/${english.conversationId}/stream\\?t=`),
    );
  });

  it('echoes a posted message with its clientActivityID and an id, then the bot answers it', async () => {
    const client = new DirectLineClient(app.baseUrl);
    await client.join();
    const response = await client.request('POST', `/conversations/${client.conversationId}/activities`, {
      type: 'message',
      text: 'yardım',
      channelData: { clientActivityID: 'abc-1' },
    });
    expect(response.status).toBe(200);
    const { id } = (await response.json()) as { id: string };
    const read = await client.poll();
    expect(read[0]).toMatchObject({
      id,
      type: 'message',
      text: 'yardım',
      channelData: { clientActivityID: 'abc-1' },
      from: { role: 'user' },
    });
    expect(read.slice(1).some((activity) => activity.from?.role === 'bot' && activity.replyToId === id)).toBe(true);
    // Read again from the same watermark: nothing twice.
    expect(await client.poll()).toEqual([]);
  });

  it('speaks for the user the token names, whatever the page puts in from', async () => {
    const client = new DirectLineClient(app.baseUrl);
    await client.join();
    await client.say('menü', { from: { id: 'agent-1', name: 'Demo Agent' } });
    const echo = client.seen.find((activity) => activity.text === 'menü');
    expect(echo?.from?.id).toMatch(/^dl_/);
  });

  it('keeps a card submission (a masked security word) out of the stream', async () => {
    const client = new DirectLineClient(app.baseUrl);
    await client.join();
    await client.say('', { value: { securityWord: 'Gizli.Sozcuk.9' }, channelData: { postBack: true, clientActivityID: 'card-1' } });
    const stream = await client.request('GET', `/conversations/${client.conversationId}/activities`);
    expect(await stream.text()).not.toContain('Gizli.Sozcuk.9');
  });

  it('takes a security word typed into the chat box instead of the masked field off the page and the stream', async () => {
    const client = new DirectLineClient(app.baseUrl);
    await client.join();
    await client.say('Şifreli Giriş');
    const challenge = await client.sayText(AYSE.id);
    await client.say(solveTextChallenge(challenge));
    const reply = await client.sayText(AYSE.word);
    expect(reply).toMatch(/SMS Onay/);
    const stream = await client.request('GET', `/conversations/${client.conversationId}/activities`);
    const { activities } = (await stream.json()) as { activities: { type: string; text?: string }[] };
    expect(JSON.stringify(activities)).not.toContain(AYSE.word);
    expect(activities.some((activity) => activity.type === 'messageDelete')).toBe(true);
  });

  it('refuses missing, forged, expired and foreign tokens with a JSON error, and never shows another conversation', async () => {
    const mine = new DirectLineClient(app.baseUrl);
    const theirs = new DirectLineClient(app.baseUrl);
    await mine.join();
    await theirs.join();
    await theirs.say('yardım');

    const none = await mine.request('GET', `/conversations/${mine.conversationId}/activities`, undefined, '');
    expect(none.status).toBe(401);
    expect(await none.json()).toMatchObject({ error: { code: 'Unauthorized' } });

    const [body, signature] = mine.token.split('.');
    const other = JSON.parse(Buffer.from(body!, 'base64url').toString()) as Record<string, unknown>;
    const forgedBody = Buffer.from(JSON.stringify({ ...other, c: theirs.conversationId })).toString('base64url');
    expect(
      (await mine.request('GET', `/conversations/${theirs.conversationId}/activities`, undefined, `${forgedBody}.${signature}`)).status,
    ).toBe(401);

    const foreign = await mine.request('GET', `/conversations/${theirs.conversationId}/activities`);
    expect(foreign.status).toBe(403);
    expect(await foreign.text()).not.toContain('yardım');
    const foreignPost = await mine.request('POST', `/conversations/${theirs.conversationId}/activities`, {
      type: 'message',
      text: 'merhaba',
    });
    expect(foreignPost.status).toBe(403);
    expect(texts(await theirs.poll())).not.toContain('merhaba');

    const socket = mine.openStream(theirs.streamUrl.replace(/t=[^&]+/, `t=${encodeURIComponent(mine.token)}`));
    await expect(socket).rejects.toThrow(/403/);

    const refreshed = await mine.request('POST', '/tokens/refresh');
    expect(refreshed.status).toBe(200);
    const { token } = (await refreshed.json()) as { token: string };
    expect((await mine.request('GET', `/conversations/${mine.conversationId}/activities`, undefined, token)).status).toBe(200);

    clock.advance(31 * 60_000);
    const expired = await mine.request('GET', `/conversations/${mine.conversationId}/activities`, undefined, token);
    expect(expired.status).toBe(401);
    expect(await expired.json()).toMatchObject({ error: { code: 'TokenExpired' } });
  });

  it('answers an ended conversation with 404', async () => {
    const client = new DirectLineClient(app.baseUrl);
    await client.join();
    // Kept alive by refreshing the token, but no activity for over an hour: the stream is gone.
    for (let minute = 0; minute < 70; minute += 20) {
      clock.advance(20 * 60_000);
      const refreshed = await client.request('POST', '/tokens/refresh');
      if (refreshed.status !== 200) break;
      client.token = ((await refreshed.json()) as { token: string }).token;
    }
    const gone = await client.request('GET', `/conversations/${client.conversationId}/activities`);
    expect(gone.status).toBe(404);
    expect(await gone.json()).toMatchObject({ error: { code: 'NotFound' } });
  });

  it('refuses malformed and oversized activities with 400 and runs no turn', async () => {
    const client = new DirectLineClient(app.baseUrl);
    await client.join();
    const post = (body: unknown, contentType = 'application/json') =>
      fetch(`${app.baseUrl}/v3/directline/conversations/${client.conversationId}/activities`, {
        method: 'POST',
        headers: { authorization: `Bearer ${client.token}`, 'content-type': contentType },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      });
    for (const bad of [
      '{"type": "message", "text": ',
      '[]',
      { text: 'no type' },
      { type: 'message', text: 42 },
      { type: 'invoke', name: 'x' },
      { type: 'message', text: 'x', attachments: [{ contentType: 'image/png', contentUrl: 'http://example.org/a.png' }] },
      { type: 'message', text: 'x'.repeat(40_000) },
      { type: 'message', text: 'x', locale: '<script>' },
    ]) {
      const response = await post(bad);
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ error: { code: 'BadArgument' } });
    }
    expect((await post('text=hello', 'application/x-www-form-urlencoded')).status).toBe(400);
    expect(await client.poll()).toEqual([]);
    expect(
      (
        await fetch(`${app.baseUrl}/v3/directline/conversations/${client.conversationId}/activities?watermark=abc`, {
          headers: { authorization: `Bearer ${client.token}` },
        })
      ).status,
    ).toBe(400);
  });

  it('answers too many posts in a minute with 429', async () => {
    const client = new DirectLineClient(app.baseUrl);
    await client.join();
    const statuses: number[] = [];
    for (let i = 0; i < 62; i++) {
      const response = await client.request('POST', `/conversations/${client.conversationId}/activities`, { type: 'typing' });
      statuses.push(response.status);
    }
    expect(statuses.slice(0, 60).every((status) => status === 200)).toBe(true);
    expect(statuses.slice(60)).toEqual([429, 429]);
  });

  it('streams over a WebSocket and resumes from a watermark after a reconnect', async () => {
    const client = new DirectLineClient(app.baseUrl);
    await client.join();
    const stream = await client.openStream();
    // The greeting was produced before the socket opened; the stream starts from the beginning.
    await stream.waitFor((activities) => /Güvenlik Sözcüğümü Unuttum/.test(texts(activities)));
    await client.say('yardım');
    await stream.waitFor(
      (activities) =>
        activities.some((activity) => activity.text === 'yardım') && activities.filter((a) => a.from?.role === 'bot').length >= 2,
    );
    const watermark = stream.frames.at(-1)!.watermark;
    await stream.close();

    await client.say('menü');
    const reconnect = await client.request('GET', `/conversations/${client.conversationId}?watermark=${watermark}`);
    expect(reconnect.status).toBe(200);
    const { streamUrl } = (await reconnect.json()) as { streamUrl: string };
    expect(streamUrl).toContain(`watermark=${watermark}`);
    const resumed = await client.openStream(streamUrl);
    const missed = await resumed.waitFor((activities) => activities.some((activity) => activity.text === 'menü'));
    expect(missed.some((activity) => activity.text === 'yardım')).toBe(false);
    await resumed.close();
  });

  it('streams the proactive "you can log in now" after the reset page sets the word in another tab', async () => {
    const client = new DirectLineClient(app.baseUrl);
    await client.join();
    const stream = await client.openStream();
    await client.say('Güvenlik Sözcüğümü Unuttum');
    const challenge = await client.sayText('10000000214');
    await client.say(solveTextChallenge(challenge));
    const mail = await waitFor(async () => (await listOutboxMail(app)).find((listed) => listed.text.includes('/guvenlik-sozcugu/')));
    expect((await submitForm(linkIn(mail.text), 'Yeni-Sozcuk-Burada-5')).status).toBe(200);
    const told = await stream.waitFor((activities) => activities.some((activity) => /güncellendi/.test(activity.text ?? '')));
    const message = told.find((activity) => /güncellendi/.test(activity.text ?? ''))!;
    expect(message.replyToId).toBeUndefined();
    expect(message.from?.role).toBe('bot');
    expect(message.suggestedActions?.actions?.map((action): unknown => action.value)).toEqual(['Şifreli Giriş']);
    await stream.close();
  });

  it('replaces the PIN/PUK message in place when the citizen picks Parolaları Kaydet', async () => {
    const client = new DirectLineClient(app.baseUrl);
    await toSmsOnay(client as unknown as EmulatorClient, AYSE);
    await client.say('Onay');
    await client.say(codeIn(smsOutbox(app.dataDir).at(-1)!.body));
    const shown = await client.say('PIN / PUK Bilgisi');
    const values = shown.find((activity) => activity.text?.includes(AYSE.pin));
    expect(values?.channelData).toMatchObject({ hideAfterSeconds: 60 });
    await client.say('Parolaları Kaydet');
    const replaced = client.seen.find((activity) => activity.id === values!.id);
    expect(replaced?.text).not.toContain(AYSE.pin);
    expect(replaced?.channelData).toMatchObject({ hidden: true });
    const everything = await client.request('GET', `/conversations/${client.conversationId}/activities`);
    expect(await everything.text()).not.toContain(AYSE.pin);
  });

  it('replaces the PIN/PUK message after 60 s when the citizen does nothing', async () => {
    const client = new DirectLineClient(app.baseUrl);
    await toSmsOnay(client as unknown as EmulatorClient, AYSE);
    await client.say('Onay');
    await client.say(codeIn(smsOutbox(app.dataDir).at(-1)!.body));
    scheduled.length = 0;
    const shown = await client.say('PIN / PUK Bilgisi');
    const values = shown.find((activity) => activity.text?.includes(AYSE.pin))!;
    expect(scheduled.map((timer) => timer.ms)).toEqual([60_000]);
    const stream = await client.openStream();
    scheduled[0]!.run();
    const streamed = await stream.waitFor((activities) =>
      activities.some((activity) => activity.id === values.id && (activity.channelData as { hidden?: boolean } | undefined)?.hidden),
    );
    expect(streamed.filter((activity) => activity.id === values.id).at(-1)?.text).toMatch(/gizlendi/);
    await stream.close();
    const everything = await client.request('GET', `/conversations/${client.conversationId}/activities`);
    expect(await everything.text()).not.toContain(AYSE.pin);
  });
});

describeWithPostgres()('the Direct Line behind a load balancer', () => {
  describeWithRedis()('with two instances sharing Redis', () => {
    let a: TestApp;
    let b: TestApp;
    let drop: () => Promise<void>;

    beforeAll(async () => {
      const database = await createTestDatabase();
      drop = database.drop;
      const shared = { DATABASE_URL: database.url, REDIS_URL: TEST_REDIS_URL, SEED_FILE: 'seed/demo.json' };
      [a, b] = await startTwoTestApps(shared);
    });
    afterAll(async () => {
      await Promise.all([a?.close(), b?.close()]);
      await drop?.();
    });

    it('delivers to a page connected to one instance the replies produced on the other', async () => {
      const client = new DirectLineClient(a.baseUrl);
      await client.join();
      const stream = await client.openStream();
      await stream.waitFor((activities) => activities.some((activity) => activity.from?.role === 'bot'));
      await client.via(b.baseUrl).say('Şifreli Giriş');
      const streamed = await stream.waitFor((activities) => /Kimlik/.test(texts(activities.slice(-3))));
      expect(streamed.some((activity) => activity.text === 'Şifreli Giriş' && activity.from?.role === 'user')).toBe(true);
      // Polling either instance reads the same stream.
      const fromA = await new DirectLineClient(a.baseUrl).request(
        'GET',
        `/conversations/${client.conversationId}/activities`,
        undefined,
        client.token,
      );
      expect(texts(((await fromA.json()) as { activities: { text?: string }[] }).activities)).toMatch(/Kimlik/);
      await stream.close();
    });
  });
});
