import { createServer, type Server } from 'node:http';
import { createLogger } from '../src/logger';
import { startTestApp, type TestApp } from './support/testApp';

type Line = Record<string, unknown> & { msg: string; level: string };

const parse = (lines: string[]) => lines.map((line) => JSON.parse(line) as Line);

describe('when something with secrets in it is logged', () => {
  const lines: string[] = [];
  const logger = createLogger('debug', (line) => lines.push(line));

  beforeAll(() => {
    logger.warn('everything at once', {
      securityWord: 'Lale.Bahce.42',
      login: { attempt: 2, newWord: 'Gizli.Sozcuk.9', code: '482915' },
      sms: { code: 615203, pin: 907134 },
      body: 'https://example.org/guvenlik-sozcugu/0123456789abcdef',
      activity: { type: 'message', text: 'Kestane.Kebap.7', value: { securityWord: 'Kestane.Kebap.7' } },
      headers: { authorization: 'Bearer eyJhbGciOi', 'x-twilio-signature': 'c2lnbmF0dXJl', host: 'bot.example.org' },
      cards: [{ serial: 'KSM0000001', pin: '482915', puk: '73920481' }],
      failure: { name: 'RestException', status: 400, code: 21211 },
      cause: { code: 'ECONNREFUSED' },
      purged: { unlockCodes: 3, resetLinks: 1 },
      error: new Error('The number +905321234567 for 10000000146 is not valid'),
      channel: 'emulator',
    });
  });

  test('then one JSON line is written, with the time, the level and the message', () => {
    expect(lines).toHaveLength(1);
    const [line] = parse(lines);
    expect(line).toMatchObject({ level: 'warn', msg: 'everything at once', channel: 'emulator' });
    expect(new Date(line!['time'] as string).toISOString()).toBe(line!['time']);
  });

  test('then no secret is in it, at any depth, and the fields around them stay', () => {
    const [line] = parse(lines);
    for (const secret of [
      'Lale.Bahce.42',
      'Gizli.Sozcuk.9',
      '482915',
      '615203',
      '907134',
      '73920481',
      '0123456789abcdef',
      'Kestane.Kebap.7',
      'eyJhbGciOi',
      'c2lnbmF0dXJl',
    ]) {
      expect(lines[0]).not.toContain(secret);
    }
    expect(line).toMatchObject({
      securityWord: '[redacted]',
      login: { attempt: 2, newWord: '[redacted]', code: '[redacted]' },
      sms: { code: '[redacted]', pin: '[redacted]' },
      body: '[redacted]',
      activity: { type: 'message', text: '[redacted]', value: '[redacted]' },
      headers: { authorization: '[redacted]', 'x-twilio-signature': '[redacted]', host: 'bot.example.org' },
      cards: [{ serial: 'KSM0000001', pin: '[redacted]', puk: '[redacted]' }],
    });
  });

  test("then an error keeps its name and message with the numbers masked, and errors' own codes and nested counts stay", () => {
    const [line] = parse(lines);
    expect(line!['error']).toEqual({ name: 'Error', message: 'The number +90***67 for 100***46 is not valid' });
    expect(line!['failure']).toEqual({ name: 'RestException', status: 400, code: 21211 });
    expect(line!['cause']).toEqual({ code: 'ECONNREFUSED' });
    expect(line!['purged']).toEqual({ unlockCodes: 3, resetLinks: 1 });
  });

  test('when the level is warn, then info and debug lines are not written', () => {
    const quiet: string[] = [];
    const warnOnly = createLogger('warn', (line) => quiet.push(line));
    warnOnly.info('not written');
    warnOnly.debug('not written either');
    warnOnly.error('written');
    expect(parse(quiet).map((line) => line.msg)).toEqual(['written']);
  });
});

describe('when HTTP requests reach a started app', () => {
  let running: TestApp;
  let serviceUrl: string;
  let replies: Server;

  beforeAll(async () => {
    running = await startTestApp();
    // Where the bot's replies go; the bot only needs them answered.
    replies = createServer((req, res) => req.resume().on('end', () => res.end('{}')));
    await new Promise<void>((done) => replies.listen(0, '127.0.0.1', done));
    serviceUrl = `http://127.0.0.1:${(replies.address() as { port: number }).port}`;
  });
  afterAll(async () => {
    await running.close();
    await new Promise((done) => replies.close(done));
  });

  const postActivity = (conversationId: string, headers: Record<string, string>) =>
    fetch(`${running.baseUrl}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({
        type: 'conversationUpdate',
        channelId: 'emulator',
        serviceUrl,
        conversation: { id: conversationId },
        from: { id: 'user-1' },
        recipient: { id: 'bot' },
        membersAdded: [{ id: 'user-1' }],
        locale: 'tr-TR',
      }),
    });

  const linesOf = (requestId: string) => parse(running.logs).filter((line) => line['requestId'] === requestId);

  test('when a turn is posted with an X-Request-Id, then the answer echoes it and the lines of its turn carry it with a turn id', async () => {
    const response = await postActivity('conv-request-id', { 'X-Request-Id': 'lb-7f3a9c.1' });
    expect(response.status).toBe(200);
    expect(response.headers.get('x-request-id')).toBe('lb-7f3a9c.1');
    const turnLines = linesOf('lb-7f3a9c.1').filter((line) => line.msg === 'turn done');
    expect(turnLines).toHaveLength(1);
    expect(turnLines[0]).toMatchObject({
      channel: 'emulator',
      type: 'conversationUpdate',
      turnId: expect.stringMatching(/^[A-Za-z0-9_-]{16}$/),
    });
  });

  test('when two turns are handled at the same time, then each line carries its own request and turn id', async () => {
    const ids = ['concurrent-a', 'concurrent-b', 'concurrent-c'];
    const responses = await Promise.all(ids.map((id) => postActivity(`conv-${id}`, { 'X-Request-Id': id })));
    expect(responses.map((response) => response.headers.get('x-request-id'))).toEqual(ids);
    const turnIds = ids.map((id) => {
      const [line, ...others] = linesOf(id).filter((entry) => entry.msg === 'turn done');
      expect(others).toHaveLength(0);
      return line!['turnId'];
    });
    expect(new Set(turnIds).size).toBe(ids.length);
  });

  test.each([
    ['none', undefined],
    ['one with a space and quotes', 'a b"c'],
    ['one far too long', 'x'.repeat(200)],
    ['one holding a national ID number', 'req-10000000146'],
  ])('when the X-Request-Id is %s, then a fresh id is made, echoed, and on the line the request logged', async (_kind, incoming) => {
    const response = await fetch(`${running.baseUrl}/no-such-page`, {
      headers: incoming === undefined ? {} : { 'X-Request-Id': incoming },
    });
    expect(response.status).toBe(404);
    const requestId = response.headers.get('x-request-id')!;
    expect(requestId).toMatch(/^[A-Za-z0-9_-]{16}$/);
    expect(linesOf(requestId).map((line) => line.msg)).toEqual(['request refused']);
    expect(running.logs.join('\n')).not.toContain('10000000146');
  });
});
