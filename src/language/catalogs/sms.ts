/**
 * Texts sent as SMS messages themselves (codes, notices and expiry reminders), not chat replies. They are written
 * without Turkish letters, so they go out in GSM-7 rather than UCS-2.
 * Placeholders are written {name}; {callCenter} is filled in by translate().
 */

export const tr = {
  'sms.codeMessage': 'Kamu SM SMS Onay Kodunuz: {code}. 5 dk gecerlidir, kimseyle paylasmayin.',
  'update.phone.codeMessage': 'Kamu SM telefon numarasi dogrulama kodunuz: {code}. 5 dk gecerlidir, kimseyle paylasmayin.',
  'sms.phoneChanged':
    'Kamu SM: Bireysel islemler hesabinizin cep telefonu numarasi {phone} olarak degistirildi. Bu islemi siz yapmadiysaniz {callCenter} numarali Cagri Merkezini arayin.',
  'sms.expiry':
    'Kamu SM: Seri no sonu {tail} olan e-imza sertifikanizin suresi {date} tarihinde doluyor ({remaining}). Yenilemek icin yeni sertifika basvurusu gerekir: www.kamusm.gov.tr Bilgi: {callCenter}',
  'sms.expiry.days': '{days} gun kaldi',
  'sms.expiry.oneDay': '1 gun kaldi',
  'sms.expiry.today': 'bugun son gun',
} as const;

export const en: Record<keyof typeof tr, string> = {
  'sms.codeMessage': 'Kamu SM confirmation code: {code}. Valid for 5 minutes. Do not share it.',
  'update.phone.codeMessage': 'Kamu SM phone number confirmation code: {code}. Valid for 5 minutes. Do not share it.',
  'sms.phoneChanged':
    'Kamu SM: the mobile number of your individual certificate services account has been changed to {phone}. If this was not you, call {callCenter}.',
  'sms.expiry':
    'Kamu SM: your e-signature certificate with serial ending {tail} expires on {date} ({remaining}). To renew it, apply for a new certificate: www.kamusm.gov.tr Info: {callCenter}',
  'sms.expiry.days': '{days} days left',
  'sms.expiry.oneDay': '1 day left',
  'sms.expiry.today': 'last day today',
};
