import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { EmulatorClient } from '../support/emulator';
import { waitFor } from '../support/resetPage';
import { solveTextChallenge } from '../support/solveChallenge';
import { startTestApp, type TestApp } from '../support/testApp';

const AYSE = { id: '10000000146', email: 'ayse.yilmaz@example.org' };
const MEHMET = { id: '10000000214', email: 'mehmet.demir@example.org' };

/** An SMTP server that accepts every mail at once, except those to `slowRecipient`, which it answers only when released. */
class HangingSmtp {
  readonly delivered: ParsedMail[] = [];
  readonly held: (() => void)[] = [];
  private server?: SMTPServer;
  url = '';

  constructor(private readonly slowRecipient: string) {}

  async start(): Promise<void> {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData: (stream, _session, callback) => {
        simpleParser(stream)
          .then((mail) => {
            const accept = () => {
              this.delivered.push(mail);
              callback();
            };
            if (JSON.stringify(mail.to).includes(this.slowRecipient)) this.held.push(accept);
            else accept();
          })
          .catch(callback);
      },
    });
    await new Promise<void>((done) => this.server!.listen(0, '127.0.0.1', done));
    this.url = `smtp://127.0.0.1:${(this.server.server.address() as { port: number }).port}`;
  }

  release(): void {
    this.held.splice(0).forEach((accept) => accept());
  }

  async stop(): Promise<void> {
    this.release();
    await new Promise<void>((done) => (this.server ? this.server.close(() => done()) : done()));
  }

  mailTo(address: string): ParsedMail | undefined {
    return this.delivered.find((mail) => JSON.stringify(mail.to).includes(address));
  }
}

async function askForLink(baseUrl: string, nationalId: string): Promise<void> {
  const client = new EmulatorClient(baseUrl);
  await client.start();
  try {
    await client.join();
    await client.say('Güvenlik Sözcüğümü Unuttum');
    const challenge = await client.sayText(nationalId);
    expect(await client.sayText(solveTextChallenge(challenge))).toContain('kayıtlı e-posta adresinize');
  } finally {
    await client.stop();
  }
}

describe("when the SMTP server takes its time over one citizen's mail", () => {
  let smtp: HangingSmtp;
  let running: TestApp;

  beforeAll(async () => {
    smtp = new HangingSmtp(MEHMET.email);
    await smtp.start();
    running = await startTestApp({ SMTP_URL: smtp.url });
  });
  afterAll(async () => {
    await smtp.stop();
    await running.close();
  });

  test("then another citizen's reset link is delivered meanwhile, and the slow mail follows once the server answers", async () => {
    await askForLink(running.baseUrl, MEHMET.id);
    await waitFor(() => (smtp.held.length === 1 ? true : undefined));

    await askForLink(running.baseUrl, AYSE.id);
    const ayse = await waitFor(() => smtp.mailTo(AYSE.email));
    expect(ayse.text).toMatch(/\/guvenlik-sozcugu\//);
    expect(smtp.mailTo(MEHMET.email)).toBeUndefined();

    smtp.release();
    const mehmet = await waitFor(() => smtp.mailTo(MEHMET.email));
    expect(mehmet.text).toMatch(/\/guvenlik-sozcugu\//);
  });
});
