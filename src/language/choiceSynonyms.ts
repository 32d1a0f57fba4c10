/**
 * The natural words for each choice the dialogs offer, in Turkish and English, beside its label:
 * what people type instead of the button ("sil", "çalındı", "soyadım değişti", "pin", "save").
 * Recognition data, never shown; matchChoice compares them whole (and loosely, as it does labels).
 */

import type { MessageKey } from './messages';

// prettier-ignore
const SYNONYMS: Partial<Record<MessageKey, readonly string[]>> = {
  'start.choice.forgot': [
    'unuttum', 'sözcüğümü unuttum', 'şifremi unuttum', 'güvenlik sözcüğü', 'sözcüğü yenile', 'sıfırla', 'yenile',
    'forgot', 'i forgot', 'forgot my word', 'forgot my security word', 'reset', 'reset my word', 'new security word',
  ],
  'start.choice.login': ['giriş', 'giriş yap', 'oturum aç', 'şifreli', 'login', 'log in', 'sign in'],
  'start.choice.help': ['bilgi', 'nasıl', 'info', 'how'],

  'sms.choice.confirm': [
    'onayla', 'onaylıyorum', 'gönder', 'kod gönder', 'benim', 'numara benim', 'bana ait', 'evet benim',
    'confirm', 'i confirm', 'send', 'send code', 'send the code', 'mine', 'it is mine', 'its mine',
  ],
  'sms.choice.notMine': [
    'bana ait değil', 'benim değil', 'numara benim değil', 'bu numara benim değil', 'yanlış numara', 'değil',
    'not mine', 'not my number', 'wrong number', 'its not mine', 'it is not mine',
  ],
  'sms.choice.newCode': [
    'yeni kod', 'yeni kod gönder', 'gönder', 'tekrar gönder', 'yeniden gönder', 'kod gelmedi',
    'new code', 'send', 'send again', 'resend', 'send a new one',
  ],
  'sms.choice.stop': ['dur', 'istemiyorum', 'gerek yok', 'stop', 'no thanks', 'never mind'],

  'menu.choice.activate': ['aç', 'kullanıma aç', 'etkinleştir', 'aktifleştir', 'aktif et', 'activate', 'enable', 'turn on'],
  'menu.choice.revoke': ['sertifika iptal', 'sertifikamı iptal', 'iptal et', 'iptal ettir', 'revoke', 'revoke certificate', 'cancel certificate'],
  'menu.choice.update': [
    'güncelle', 'bilgilerimi güncelle', 'değiştir', 'e-posta değiştir', 'telefon değiştir', 'numara değiştir',
    'update', 'update details', 'change', 'change details', 'change email', 'change phone',
  ],
  'menu.choice.list': ['listele', 'sertifikalarım', 'sertifikalar', 'liste', 'list', 'my certificates', 'certificates', 'show certificates'],
  'menu.choice.pinPuk': ['pin', 'puk', 'pin puk', 'pinim', 'pukum', 'parola', 'parolalar', 'parolalarım', 'pin göster', 'show pin', 'my pin'],
  'menu.choice.unlock': ['kilit', 'kilit çöz', 'kilidi aç', 'kilidi çöz', 'kart bloke', 'kartım bloke', 'unlock', 'unblock', 'unlock card'],
  'menu.choice.logout': ['çıkış yap', 'oturumu kapat', 'exit', 'quit', 'bye'],

  'pinPuk.choice.save': [
    'kaydet', 'sakla', 'tut', 'kayıtlı kalsın', 'saklansın', 'not ettim', 'not aldım',
    'save', 'keep', 'keep them', 'store', 'written down',
  ],
  'pinPuk.choice.delete': ['sil', 'silin', 'silinsin', 'sil onları', 'parolaları sil', 'delete', 'remove', 'erase', 'delete them'],
  'pinPuk.choice.back': ['geri', 'geri dön', 'dön', 'işlemler', 'back', 'go back', 'return'],

  'revoke.reason.lost-or-stolen': [
    'kayıp', 'kayboldu', 'kaybettim', 'kaybolmuş', 'kartım kayboldu', 'kartımı kaybettim',
    'çalındı', 'çalıntı', 'çalınmış', 'çaldırdım', 'kartım çalındı',
    'lost', 'stolen', 'i lost it', 'lost my card', 'it was stolen', 'my card was stolen',
  ],
  'revoke.reason.details-changed': [
    'bilgi değişti', 'bilgilerim değişti', 'soyadım değişti', 'soyadı değişikliği', 'adım değişti', 'ad değişikliği',
    'isim değişikliği', 'evlendim', 'boşandım',
    'details changed', 'my details changed', 'name changed', 'my name changed', 'surname changed', 'i got married',
  ],
  'revoke.reason.key-compromise': [
    'anahtar', 'pinim çalındı', 'pinimi biri gördü', 'başkası kullandı', 'ele geçirildi', 'başkasının eline geçti',
    'compromised', 'key compromised', 'someone has my pin', 'someone used my card',
  ],
  'revoke.reason.other': ['diğer', 'başka', 'başka bir neden', 'other', 'something else', 'another reason'],

  'update.choice.email': ['e-posta', 'eposta', 'e-posta adresim', 'mail', 'e-mail', 'email', 'mail adresi', 'email address'],
  'update.choice.phone': ['telefon', 'cep', 'telefon numarası', 'numara', 'numaram', 'gsm', 'phone', 'mobile', 'number', 'phone number'],
};

/** The natural words for a choice, besides its label in either language. */
export function choiceSynonymsOf(key: MessageKey): readonly string[] {
  return SYNONYMS[key] ?? [];
}
