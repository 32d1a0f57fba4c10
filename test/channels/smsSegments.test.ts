import { MENU } from '../../src/dialogs/operationsMenuDialog';
import { countSegments, MAX_SEGMENTS_PER_MESSAGE, splitForSms } from '../../src/channels/smsSegments';
import { renderPlainText } from '../../src/channels/plainText';
import * as chat from '../../src/language/catalogs/chat';
import * as mail from '../../src/language/catalogs/mail';
import * as sms from '../../src/language/catalogs/sms';
import * as textChannel from '../../src/language/catalogs/textChannel';
import { MESSAGE_KEYS, textChannelKey, translate, type MessageKey } from '../../src/language/messages';

describe('counting SMS segments', () => {
  test.each([
    ['an empty text', 'GSM-7', 0, 0, ''],
    ['plain ASCII of 160 characters', 'GSM-7', 160, 1, 'a'.repeat(160)],
    ['plain ASCII of 161 characters', 'GSM-7', 161, 2, 'a'.repeat(161)],
    ['GSM-7 of 459 characters', 'GSM-7', 459, 3, 'a'.repeat(459)],
    ['GSM-7 of 460 characters', 'GSM-7', 460, 4, 'a'.repeat(460)],
    ['ö, ü and Ç (which GSM-7 has) in 160 characters', 'GSM-7', 160, 1, 'Ödül Ünlü Çay'.padEnd(160, 'x')],
    ['80 braces (two GSM-7 units each)', 'GSM-7', 160, 1, '{'.repeat(80)],
    ['one ç (which GSM-7 lacks) in 70 characters', 'UCS-2', 70, 1, 'ç'.padEnd(70, 'a')],
    ['one ı in 71 characters', 'UCS-2', 71, 2, 'ı'.padEnd(71, 'a')],
    ['Turkish of 201 characters', 'UCS-2', 201, 3, 'ğ'.repeat(201)],
    ['Turkish of 202 characters', 'UCS-2', 202, 4, 'İ'.repeat(202)],
    ['an emoji', 'UCS-2', 2, 1, '👍'],
  ])('when the text is %s, then it is %s, %i units, %i segments', (_name, encoding, units, segments, text) => {
    expect(countSegments(text)).toEqual({ encoding, units, segments });
  });

  test('when a split text would cut an emoji between two segments, then the emoji moves to the next one', () => {
    // 66 units of text and a two-unit emoji do not fit the 67 units of one part of a split message.
    expect(countSegments('ş'.repeat(66) + '👍' + 'ş'.repeat(10)).segments).toBe(2);
    expect(countSegments('ş'.repeat(65) + '👍' + 'ş'.repeat(10)).segments).toBe(2);
    expect(countSegments('ş'.repeat(66) + '👍' + 'ş'.repeat(66)).segments).toBe(3);
  });
});

describe('splitting a long reply into SMS messages', () => {
  test('when a reply fits in three segments, then it goes as one message', () => {
    expect(splitForSms('Merhaba, ben e-İmza Yardımcısı.')).toEqual(['Merhaba, ben e-İmza Yardımcısı.']);
  });

  test('when a reply is too long, then it is cut at the farthest sentence end that fits, and nothing is lost', () => {
    const sentences = [
      'Bu birinci cümledir ve biraz uzundur, çünkü sınamak gerekir.',
      'İkinci cümle şöyle.',
      'Üçüncü cümle de var.',
      'Dördüncü cümle ise çok daha uzun olacak şekilde yazılmıştır ki sığmasın.',
    ];
    const text = [...sentences, ...sentences].join(' ');
    const parts = splitForSms(text);
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) expect(countSegments(part).segments).toBeLessThanOrEqual(MAX_SEGMENTS_PER_MESSAGE);
    for (const part of parts) expect(part).toMatch(/[.]$/);
    expect(parts.join(' ')).toBe(text);
  });

  test('when "T.C." or "dk." appears, then the message is not cut after it', () => {
    const text = `${'Lütfen yazın. '.repeat(9)}T.C. Kimlik Numaranızı ve 5 dk. içinde gelen kodu yazın.`;
    const parts = splitForSms(text);
    expect(parts.some((part) => part.endsWith('T.C.') || part.endsWith('dk.'))).toBe(false);
  });

  test('when one sentence alone is too long, then it is cut after a clause, and only without any clause between words', () => {
    const clauses = splitForSms(`${'Bir, iki, üç, dört, beş, altı, yedi, sekiz, dokuz, on, '.repeat(5)}bitti.`);
    for (const part of clauses.slice(0, -1)) expect(part).toMatch(/,$/);
    const words = splitForSms(`${'kelime '.repeat(60)}son.`);
    for (const part of words) expect(countSegments(part).segments).toBeLessThanOrEqual(MAX_SEGMENTS_PER_MESSAGE);
    expect(words.join(' ')).toBe(`${'kelime '.repeat(60)}son.`);
  });

  test('when a question with numbered choices is too long, then the choices stay together with the sentence before them', () => {
    const question =
      'SMS Onay. Telefon Numaranız: +90 5** *** ** 67\nİşlemler Menüsü\'ne girebilmeniz için bu numaraya bir SMS Onay Kodu gönderilecek (SMS ücretsizdir). Numara size aitse "Onay"ı seçin.';
    const parts = splitForSms(`${question}\n1) Onay\n2) Bu numara bana ait değil`);
    expect(parts).toHaveLength(2);
    expect(parts[1]).toBe('Numara size aitse "Onay"ı seçin.\n1) Onay\n2) Bu numara bana ait değil');
  });

  test('when the choices alone fit in one message but not with their question, then they go as one message after it', () => {
    const choices = [
      'Kullanıma Aç',
      'Sertifikamı İptal Et',
      'Bilgi Güncelle',
      'Sertifika Listele',
      'PIN / PUK Bilgisi',
      'Kilit Çözme',
      'Çıkış',
    ];
    const lines = choices.map((label, index) => `${index + 1}) ${label}`).join('\n');
    const parts = splitForSms(`Sayın Ayşe Gülşen Yılmaz Çağlayan, İşlemler Menüsü'nden yapmak istediğiniz işlemi seçin.\n${lines}`);
    expect(parts).toEqual(["Sayın Ayşe Gülşen Yılmaz Çağlayan, İşlemler Menüsü'nden yapmak istediğiniz işlemi seçin.", lines]);
  });

  test('when a 1,600-character text without spaces comes, then it is cut into parts that fit', () => {
    const parts = splitForSms('ş'.repeat(1600));
    expect(parts.join('')).toBe('ş'.repeat(1600));
    for (const part of parts) expect(countSegments(part).segments).toBeLessThanOrEqual(MAX_SEGMENTS_PER_MESSAGE);
  });
});

describe('rendering an activity for a text-only channel', () => {
  test('when an activity carries suggested actions, then they become numbered lines', () => {
    const rendered = renderPlainText({
      text: 'Ne yapmak istersiniz?',
      suggestedActions: {
        to: [],
        actions: [
          { type: 'imBack', title: '1. Onay', value: 'Onay' },
          { type: 'imBack', title: '2. Vazgeç', value: 'Vazgeç' },
        ],
      },
    });
    expect(rendered).toEqual({ text: 'Ne yapmak istersiniz?\n1) Onay\n2) Vazgeç', dropped: [] });
  });

  test('when the text already lists the choices as numbered lines, then they are not repeated', () => {
    const text = 'Ne yapmak istersiniz?\n1) Onay\n2) Vazgeç';
    const rendered = renderPlainText({
      text,
      suggestedActions: {
        to: [],
        actions: [
          { type: 'imBack', title: 'Onay', value: 'Onay' },
          { type: 'imBack', title: 'Vazgeç', value: 'Vazgeç' },
        ],
      },
    });
    expect(rendered.text).toBe(text);
  });

  test('when an activity carries an Adaptive Card, a hero card and a picture, then the cards become text and the picture is left out', () => {
    const rendered = renderPlainText({
      text: 'Güvenlik Sözcüğünüzü yazın.',
      attachments: [
        {
          contentType: 'application/vnd.microsoft.card.adaptive',
          content: {
            type: 'AdaptiveCard',
            body: [
              { type: 'TextBlock', text: 'Şifreli Giriş' },
              { type: 'TextBlock', text: 'Güvenlik Sözcüğünüzü yazın.' },
              { type: 'Input.Text', id: 'securityWord', style: 'password' },
            ],
            actions: [{ type: 'Action.Submit', title: 'Giriş' }],
          },
        },
        {
          contentType: 'application/vnd.microsoft.card.hero',
          content: { title: 'Kart', text: 'Seçin', buttons: [{ type: 'imBack', title: 'Tamam', value: 'Tamam' }] },
        },
        { contentType: 'image/png', contentUrl: 'data:image/png;base64,AAAA' },
      ],
    });
    expect(rendered.text).toBe('Güvenlik Sözcüğünüzü yazın.\nŞifreli Giriş\nKart\nSeçin\n1) Tamam');
    expect(rendered.dropped).toEqual(['image/png']);
  });
});

/**
 * Realistic values for every placeholder of the catalogs, at their longest: the longest number in
 * words, a full name with Turkish letters, a whole reset link.
 */
const REALISTIC: Record<string, string | number> = {
  name: 'Ayşe Gülşen Yılmaz Çağlayan',
  phone: '+90 5** *** ** 67',
  seconds: 300,
  left: 2,
  minutes: 15,
  max: 500,
  code: '482915',
  serial: 'KSM0000001',
  lastFour: '0001',
  date: '01.01.2028',
  days: 15,
  card: 'KSM0000001',
  cards: 'KSM0000002, KSM0000003',
  pin: '482915',
  puk: '73920481',
  operation: 'Sertifikamı İptal Et (revoke)',
  link: `https://eimza.example.gov.tr/guvenlik-sozcugu/${'x'.repeat(43)}?lang=en`,
  kind: 'NES',
  from: '2025-01-01',
  to: '2028-01-01',
  status: 'Kullanıma açılmayı bekliyor',
  published: 'İnternette yayınlanmıyor',
  wait: 'yaklaşık 15 dakika',
  tail: '0006',
  remaining: '15 gun kaldi',
  when: '15 gün sonra',
  dateInWords: '1 Jan 2028',
};
const WORDS = { tr: 'sekiz bin sekiz yüz seksen sekiz', en: 'seven thousand seven hundred seventy-seven' };
/** A placeholder added later without a value above still gets a long Turkish one, so the check stays meaningful. */
const FALLBACK = 'Güvenlik Sözcüğü Güncelleme';

function render(locale: 'tr' | 'en', key: MessageKey): string {
  const template = translate(locale, key);
  const params = Object.fromEntries(
    [...template.matchAll(/\{(\w+)\}/g)].map(([, name]) => [name!, name === 'words' ? WORDS[locale] : (REALISTIC[name!] ?? FALLBACK)]),
  );
  return translate(locale, key, params);
}

describe('the SMS budget of every catalog message', () => {
  const rows = (['tr', 'en'] as const).flatMap((locale) => MESSAGE_KEYS.map((key) => [locale, key] as const));

  test.each(rows)(
    'when %s "%s" goes out by SMS, then each message is at most three segments and cut only between sentences or clauses',
    (locale, key) => {
      const text = render(locale, key);
      const parts = splitForSms(text);
      expect(parts.length).toBeGreaterThan(0);
      for (const part of parts) expect(countSegments(part).segments).toBeLessThanOrEqual(MAX_SEGMENTS_PER_MESSAGE);
      // Nothing is lost: the parts are the text, cut where there was whitespace.
      expect(parts.join(' ').replace(/\s+/g, ' ')).toBe(text.trim().replace(/\s+/g, ' '));
      // A cut comes after a sentence, a line or a clause, never in the middle of one.
      let offset = 0;
      for (const part of parts.slice(0, -1)) {
        offset = text.indexOf(part, offset) + part.length;
        expect(/[.!?…:;,—)"'”]$/.test(part) || text[offset] === '\n').toBe(true);
      }
    },
  );

  test('when the longest replies go out, then none needs more than five messages', () => {
    // E-mails are never sent as text messages: a reminder's letter may be longer than any reply.
    const longest = rows
      .filter(([, key]) => !(key in mail.tr))
      .map(([locale, key]) => ({ locale, key, parts: splitForSms(render(locale, key)).length }))
      .sort((a, b) => b.parts - a.parts);
    expect(longest[0]!.parts).toBeLessThanOrEqual(5);
  });
});

describe('the SMS form of every message a citizen gets in the conversation', () => {
  // The chat catalog and the SMS notices are what reaches a phone; pages, mails, Teams texts and the agents' side never do.
  const onlyOnTextChannels = Object.keys(textChannel.tr).filter((key) => !key.endsWith('.sms'));
  const keys = [...Object.keys(chat.tr), ...Object.keys(sms.tr), ...onlyOnTextChannels] as MessageKey[];
  const rows = (['tr', 'en'] as const).flatMap((locale) => keys.map((key) => [locale, key] as const));

  test.each(rows)(
    'when %s "%s" goes out by SMS or WhatsApp, then its text-channel form fits in one message of at most three segments',
    (locale, key) => {
      const text = render(locale, textChannelKey(key));
      expect(countSegments(text).segments).toBeLessThanOrEqual(MAX_SEGMENTS_PER_MESSAGE);
    },
  );

  // The questions with the most numbered choices, each as the plain-text channel draws it: the question, then "1) …" lines.
  const questions: [MessageKey, MessageKey[]][] = [
    ['start.greeting', ['start.choice.forgot', 'start.choice.login', 'start.choice.help']],
    ['sms.confirmPrompt', ['sms.choice.confirm', 'sms.choice.notMine']],
    ['menu.prompt', [...MENU]],
    ['pinPuk.prompt', ['pinPuk.choice.save', 'pinPuk.choice.delete', 'pinPuk.choice.back']],
    ['pinPuk.deleteConfirmMany', ['yesNo.yes', 'yesNo.no']],
    [
      'revoke.reasonPrompt',
      ['revoke.reason.lost-or-stolen', 'revoke.reason.details-changed', 'revoke.reason.key-compromise', 'revoke.reason.other'],
    ],
  ];
  // Each question as SMS shows it: its short form and its choices' short labels where they have them.
  const questionRows = (['tr', 'en'] as const).flatMap((locale) => questions.map(([key, choices]) => [locale, key, choices] as const));

  test.each(questionRows)(
    'when %s "%s" is asked by SMS with its numbered choices, then it fits in one message of at most three segments',
    (locale, key, choices) => {
      const lines = choices.map((choice, index) => `${index + 1}) ${translate(locale, textChannelKey(choice))}`);
      const text = [render(locale, textChannelKey(key)), ...lines].join('\n');
      expect(countSegments(text).segments).toBeLessThanOrEqual(MAX_SEGMENTS_PER_MESSAGE);
    },
  );

  test.each(['tr', 'en'] as const)(
    'when %s PIN / PUK Bilgisi shows two cards, both changed offline, by SMS, then the values come first in GSM-7 within two segments',
    (locale) => {
      const card = (serial: string, pin: string, puk: string) =>
        [translate(locale, 'pinPuk.card.sms', { serial, pin, puk }), translate(locale, 'pinPuk.offlineChanged.sms')].join('\n');
      const text = [
        card('KSM0000002', '615203', '40918273'),
        card('KSM0000003', '907134', '55120984'),
        translate(locale, 'pinPuk.notes.sms'),
      ].join('\n\n');
      expect(text.indexOf('PIN: 615203')).toBeLessThan(30);
      expect(countSegments(text)).toMatchObject({ encoding: 'GSM-7' });
      expect(countSegments(text).segments).toBeLessThanOrEqual(2);
    },
  );

  test('when a message has a text-channel form, then it keeps every placeholder but {callCenter} of the full one', () => {
    for (const key of keys) {
      const short = textChannelKey(key);
      if (short === key) continue;
      const placeholders = (text: string) =>
        [...text.matchAll(/\{(\w+)\}/g)].map(([, name]) => name).filter((name) => name !== 'callCenter');
      expect(new Set(placeholders(translate('tr', short)))).toEqual(new Set(placeholders(translate('tr', key))));
    }
  });
});
