import type { FakeTwilio, QueuedMessage, WebhookParams } from './fakeTwilio';
import { solveTextChallenge } from './solveChallenge';
import type { TestApp } from './testApp';

export const TWILIO_ACCOUNT_SID = `AC${'0123456789abcdef'.repeat(2)}`;
export const TWILIO_AUTH_TOKEN = 'test-auth-token-5f1c2d';
/** The Twilio number citizens text, and the one SMS codes come from. */
export const TWILIO_NUMBER = '+15005550006';
export const TWILIO_WHATSAPP = 'whatsapp:+14155238886';
export const WEBHOOK_PATH = '/api/twilio/messages';

/** The environment of an app whose SMS and WhatsApp go through the fake. */
export function twilioChannelEnv(apiBaseUrl: string): Record<string, string> {
  return {
    TWILIO_ACCOUNT_SID,
    TWILIO_AUTH_TOKEN,
    TWILIO_SMS_FROM: TWILIO_NUMBER,
    TWILIO_WHATSAPP_FROM: TWILIO_WHATSAPP,
    TWILIO_API_BASE_URL: apiBaseUrl,
  };
}

/**
 * A citizen writing to the assistant by SMS ("+90…") or WhatsApp ("whatsapp:+90…"): each message
 * goes to POST /api/twilio/messages signed as Twilio signs it, and the bot's replies are read back
 * from what the fake's REST API recorded for this address.
 */
export class PhoneCitizen {
  constructor(
    private readonly fake: FakeTwilio,
    private readonly running: TestApp,
    /** The address Twilio gives as From: "+905321234567" or "whatsapp:+905321234567". */
    readonly address: string,
    /** The public URL the number's webhook is configured with; the app's own address by default. */
    private readonly signedUrl = `${running.baseUrl}${WEBHOOK_PATH}`,
  ) {}

  get ourNumber(): string {
    return this.address.startsWith('whatsapp:') ? TWILIO_WHATSAPP : TWILIO_NUMBER;
  }

  /** Posts one message as Twilio would; the answer comes before the turn has run. */
  post(body: string, extra: WebhookParams = {}): Promise<Response> {
    return this.fake.postWebhook(
      `${this.running.baseUrl}${WEBHOOK_PATH}`,
      this.fake.inboundParams(this.address, this.ourNumber, body, extra),
      {
        signedUrl: this.signedUrl,
      },
    );
  }

  /** Sends one message, waits for its turn, and returns every message the bot sent this address meanwhile. */
  async say(body: string, extra: WebhookParams = {}): Promise<string[]> {
    return this.during(async () => {
      const response = await this.post(body, extra);
      if (response.status !== 200) throw new Error(`the webhook answered ${response.status}: ${await response.text()}`);
    });
  }

  async sayText(body: string, extra: WebhookParams = {}): Promise<string> {
    return (await this.say(body, extra)).join('\n');
  }

  /** Runs `action`, waits for the work it started, and returns the messages this address got meanwhile. */
  async during(action: () => Promise<unknown>): Promise<string[]> {
    const before = this.fake.messages.length;
    await action();
    await this.running.app.background.drain();
    return this.fake.messages
      .slice(before)
      .filter((message) => message.to === this.address)
      .map((message) => message.body);
  }

  /** Every message the bot has sent this address. */
  received(): QueuedMessage[] {
    return this.fake.messages.filter((message) => message.to === this.address);
  }
}

/**
 * Şifreli Giriş by text up to the İşlemler Menüsü: Kimlik No, the text human check, the security
 * word, Onay, then the SMS code read from the message sent to `registeredPhone`.
 */
export async function logInByPhone(
  citizen: PhoneCitizen,
  fake: FakeTwilio,
  who: { id: string; word: string; phone: string },
): Promise<string> {
  await citizen.say('Şifreli Giriş');
  const challenge = await citizen.sayText(who.id);
  const wordPrompt = await citizen.sayText(solveTextChallenge(challenge));
  if (!wordPrompt.includes('Güvenlik Sözcüğünüzü yazın')) throw new Error(`no security word prompt: ${wordPrompt}`);
  const onay = await citizen.sayText(who.word);
  if (!onay.includes('1) Onay')) throw new Error(`no SMS Onay: ${onay}`);
  await citizen.say('1');
  const codeMessage = fake.messages.filter((message) => message.to === who.phone && /Kodunuz/.test(message.body)).at(-1);
  if (!codeMessage) throw new Error('no SMS code was sent');
  const menu = await citizen.sayText(codeMessage.body.match(/\d{6}/)![0]);
  if (!menu.includes('İşlemler Menüsü')) throw new Error(`the login did not reach the menu: ${menu}`);
  return menu;
}
