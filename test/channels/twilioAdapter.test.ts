import { ActivityTypes, CardFactory, MessageFactory, TurnContext, type ConversationReference } from 'botbuilder';
import { TWILIO_SERVICE_URL, TwilioAdapter, verifiedPhoneOf, type InboundMessage } from '../../src/channels/twilioAdapter';
import { WhatsAppWindow } from '../../src/channels/whatsAppWindow';
import { countSegments } from '../../src/channels/smsSegments';
import { MemoryStore } from '../../src/data/memoryStore';
import { createLogger } from '../../src/logger';
import { cryptoRandom } from '../../src/lib/random';
import { FakeClock } from '../support/fakeClock';

type Sent = { to: string; from: string; body: string };

function setUp() {
  const clock = new FakeClock();
  const store = new MemoryStore(clock);
  const sent: Sent[] = [];
  const logs: string[] = [];
  const adapter = new TwilioAdapter({
    messages: {
      async create(message) {
        sent.push(message);
        return { sid: `SM${sent.length}` };
      },
    },
    senders: { sms: '+15005550006', whatsapp: 'whatsapp:+14155238886' },
    window: new WhatsAppWindow(store, clock, cryptoRandom),
    clock,
    logger: createLogger('debug', (line) => logs.push(line)),
  });
  const inbound = (channel: 'sms' | 'whatsapp', body = 'Merhaba'): InboundMessage => ({
    messageSid: `SM${'0'.repeat(32)}`,
    channel,
    phone: '+905321234567',
    to: channel === 'sms' ? '+15005550006' : 'whatsapp:+14155238886',
    body,
    numMedia: 0,
  });
  return { adapter, clock, store, sent, logs, inbound };
}

describe('the SMS/WhatsApp adapter', () => {
  test('when an SMS arrives, then the turn sees a message of channel sms in the conversation "sms:+90…", with the verified number', async () => {
    const { adapter, inbound } = setUp();
    let seen: Partial<TurnContext['activity']> | undefined;
    let phone: string | undefined;
    await adapter.processInbound(inbound('sms'), async (context) => {
      seen = context.activity;
      phone = verifiedPhoneOf(context);
    });
    expect(seen).toMatchObject({
      type: 'message',
      channelId: 'sms',
      text: 'Merhaba',
      conversation: { id: 'sms:+905321234567' },
      from: { id: '+905321234567' },
    });
    expect(phone).toBe('+905321234567');
  });

  test('when the bot replies on WhatsApp, then the message goes to whatsapp:+90… from the WhatsApp sender written to', async () => {
    const { adapter, inbound, sent } = setUp();
    await adapter.processInbound(inbound('whatsapp'), (context) => context.sendActivity('Merhaba!').then(() => undefined));
    expect(sent).toEqual([{ to: 'whatsapp:+905321234567', from: 'whatsapp:+14155238886', body: 'Merhaba!' }]);
  });

  test('when a reply carries a card, suggested actions and a picture, then only text goes out, and the picture is logged as left out', async () => {
    const { adapter, inbound, sent, logs } = setUp();
    await adapter.processInbound(inbound('sms'), async (context) => {
      await context.sendActivity(MessageFactory.suggestedActions(['Onay', 'Vazgeç'], 'Devam edelim mi?'));
      await context.sendActivity(MessageFactory.attachment(CardFactory.heroCard('Kart', 'Açıklama')));
      await context.sendActivity({
        type: ActivityTypes.Message,
        attachments: [{ contentType: 'image/png', contentUrl: 'data:image/png;base64,AAAA' }],
      });
    });
    expect(sent.map((message) => message.body)).toEqual(['Devam edelim mi?\n1) Onay\n2) Vazgeç', 'Kart\nAçıklama']);
    expect(logs.some((line) => line.includes('attachment left out') && line.includes('image/png'))).toBe(true);
  });

  test('when a reply is longer than three segments, then it goes as several messages in order, each within three segments', async () => {
    const { adapter, inbound, sent } = setUp();
    const long = Array.from({ length: 12 }, (_, index) => `Bu ${index + 1}. cümle, Türkçe harflerle yazılmış bir açıklamadır.`).join(' ');
    await adapter.processInbound(inbound('sms'), (context) => context.sendActivity(long).then(() => undefined));
    expect(sent.length).toBeGreaterThan(1);
    expect(sent.map((message) => message.body).join(' ')).toBe(long);
    for (const message of sent) expect(countSegments(message.body).segments).toBeLessThanOrEqual(3);
  });

  test('when a typing indicator or a delay is sent, then nothing goes to Twilio', async () => {
    const { adapter, inbound, sent } = setUp();
    await adapter.processInbound(inbound('sms'), async (context) => {
      await context.sendActivities([{ type: ActivityTypes.Typing }, { type: 'delay', value: 1000 }]);
    });
    expect(sent).toEqual([]);
  });

  test('when the bot tries to update or delete a sent message, then nothing happens and the turn goes on', async () => {
    const { adapter, inbound, sent } = setUp();
    await adapter.processInbound(inbound('sms'), async (context) => {
      const response = await context.sendActivity('PIN: 482915');
      await context.updateActivity({ id: response?.id, type: ActivityTypes.Message, text: 'gizlendi' });
      await context.deleteActivity(response!.id);
      await context.sendActivity('devam');
    });
    expect(sent.map((message) => message.body)).toEqual(['PIN: 482915', 'devam']);
  });

  test('when a proactive message goes to an SMS conversation, then it is sent from the number the citizen wrote to', async () => {
    const { adapter, sent } = setUp();
    const reference: Partial<ConversationReference> = {
      channelId: 'sms',
      serviceUrl: TWILIO_SERVICE_URL,
      conversation: { id: 'sms:+905321234567', isGroup: false, conversationType: 'personal', name: '' },
      user: { id: '+905321234567', name: '' },
      bot: { id: '+15005550099', name: '' },
    };
    await adapter.continueConversation(reference, (context) => context.sendActivity('Artık giriş yapabilirsiniz.').then(() => undefined));
    expect(sent).toEqual([{ to: '+905321234567', from: '+15005550099', body: 'Artık giriş yapabilirsiniz.' }]);
  });

  test('when a proactive WhatsApp message finds the window closed, then it waits, and goes out once, first, at the next inbound message', async () => {
    const { adapter, clock, sent, inbound } = setUp();
    await adapter.processInbound(inbound('whatsapp'), async () => undefined);
    clock.advance(24 * 60 * 60_000);
    const reference = TurnContext.getConversationReference({
      channelId: 'whatsapp',
      serviceUrl: TWILIO_SERVICE_URL,
      conversation: { id: 'whatsapp:+905321234567', isGroup: false, conversationType: 'personal', name: '' },
      from: { id: '+905321234567', name: '' },
      recipient: { id: 'whatsapp:+14155238886', name: '' },
    });
    await adapter.continueConversation(reference, (context) => context.sendActivity('Birinci bildirim.').then(() => undefined));
    await adapter.continueConversation(reference, (context) => context.sendActivity('İkinci bildirim.').then(() => undefined));
    expect(sent).toEqual([]);

    await adapter.processInbound(inbound('whatsapp'), (context) => context.sendActivity('Yanıt.').then(() => undefined));
    expect(sent.map((message) => message.body)).toEqual(['Birinci bildirim.', 'İkinci bildirim.', 'Yanıt.']);
    await adapter.processInbound(inbound('whatsapp'), (context) => context.sendActivity('Yanıt.').then(() => undefined));
    expect(sent.map((message) => message.body)).toEqual(['Birinci bildirim.', 'İkinci bildirim.', 'Yanıt.', 'Yanıt.']);
  });

  test('when the turn fails, then onTurnError gets it and can still answer the citizen', async () => {
    const { adapter, inbound, sent } = setUp();
    adapter.onTurnError = async (context) => {
      await context.sendActivity('Üzgünüm, bir sorun oluştu.');
    };
    await adapter.processInbound(inbound('sms'), async () => {
      throw new Error('boom');
    });
    expect(sent.map((message) => message.body)).toEqual(['Üzgünüm, bir sorun oluştu.']);
  });
});
