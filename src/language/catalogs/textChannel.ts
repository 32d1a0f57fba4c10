/**
 * Short forms of chat messages for channels that carry only text to a phone (SMS, WhatsApp),
 * chosen by the key `<key>.sms` where one exists (messages.ts textChannelKey, used by text() in
 * dialogs/turn.ts). Each fits in one message of three SMS segments (201 characters with Turkish
 * letters): what matters comes first. The PIN / PUK lines are written without the letters GSM-7
 * lacks (ç, ş, ğ, ı, İ) so the values go in GSM-7, two segments holding two cards and their notes.
 * The İşlemler Menüsü's labels have short forms too, so the question and its seven numbered lines
 * go as one message: the Turkish ones are the labels themselves, the English ones drop the Turkish
 * name the web chat shows beside them (both are still understood when typed).
 */

export const tr = {
  'start.help.sms':
    '"Şifreli Giriş": güvenlik sözcüğü ve SMS koduyla İşlemler Menüsü. "Güvenlik Sözcüğümü Unuttum": e-postanıza yenileme bağlantısı. Her an yazabilirsiniz: iptal, menü, yardım, temsilci, English.',
  'forgot.sent.sms':
    'Bu kimlik numarası kayıtlıysa, kayıtlı e-posta adresinize Güvenlik Sözcüğü Güncelleme bağlantısı gönderildi (30 dakika geçerli, tek kullanımlık). Gelmezse istenmeyen (spam) klasörüne bakın.',
  'login.wordHelp.sms':
    'Güvenlik sözcüğü, e-imza başvurusunda belirlediğiniz sözcüktür. Hatırlamıyorsanız "menü" yazıp "Güvenlik Sözcüğümü Unuttum"u seçin. 3 hatalı deneme hesabınızı bloke eder.',
  'menu.help.sms':
    "Kullanıma Aç: yeni sertifikanızı etkinleştirir. Bilgi Güncelle: e-posta, cep telefonu. Kilit Çözme: PIN'i ve PUK'u bloke kart için kod. Oturum 5 dakika işlemsiz kalınca kapanır.",
  'pinPuk.card.sms': 'Kart {serial}\nPIN: {pin}\nPUK: {puk}',
  'pinPuk.notes.sms': 'Bu SMS siz silene kadar telefonunuzda durur; gizlenemez.',
  'pinPuk.offlineChanged.sms': 'Bu PIN ve PUK eskidir: kartta sonradan güncellendi.',
  'pinPuk.deletedCard.sms':
    'Kart {serial}: PIN ve PUK silindi. Unutulduysa sertifika iptal edilip ücretle yeniden üretilir. Bilgi: {callCenter}',
  'pinPuk.prompt.sms':
    'Kaydet: değerler kayıtlı kalır. Sil: kalıcı silinir; unutursanız sertifikanız ücretle yeniden üretilir. Ne yapmak istersiniz?',
  'menu.prompt.sms': 'Sayın {name}, İşlemler Menüsü:',
  'menu.choice.activate.sms': 'Kullanıma Aç',
  'menu.choice.revoke.sms': 'Sertifikamı İptal Et',
  'menu.choice.update.sms': 'Bilgi Güncelle',
  'menu.choice.list.sms': 'Sertifika Listele',
  'menu.choice.pinPuk.sms': 'PIN / PUK Bilgisi',
  'menu.choice.unlock.sms': 'Kilit Çözme',
  'menu.choice.logout.sms': 'Çıkış',
  'sms.confirmPrompt.sms':
    'SMS Onay. Telefon Numaranız: {phone}\nİşlemler Menüsü için bu numaraya ücretsiz bir SMS Onay Kodu göndereceğiz. Numara sizinse "Onay"ı seçin.',
  'start.greeting.sms':
    'Merhaba, ben e-İmza Yardımcısı. Kamu SM e-imza sertifikanızla ilgili işlemlerde yol gösteririm. Ne yapmak istersiniz?',
  'pinPuk.deleteConfirm.sms':
    'Dikkat: {cards} kartınızın PIN ve PUK bilgileri kalıcı olarak silinecek. Unutursanız sertifikanız iptal edilip ÜCRET KARŞILIĞINDA yeniden üretilir. Silinsin mi?',
  'pinPuk.deleteConfirmMany.sms':
    'Dikkat: {cards} kartlarınızın PIN ve PUK bilgileri kalıcı olarak silinecek. Unutursanız sertifikanız iptal edilip ÜCRET KARŞILIĞINDA yeniden üretilir. Silinsin mi?',
  'revoke.reasonHelp.sms':
    'Kayıp / Çalıntı: kart kayboldu ya da çalındı. Bilgi Değişikliği: soyadınız gibi bir bilginiz değişti. Anahtar Güvenliği: kart ya da PIN başkasının eline geçmiş olabilir. Diğer: başka bir neden.',
  'revoke.warning.sms':
    'Dikkat: {serial} iptali GERİ ALINAMAZ; yeni sertifika ÜCRETLİ başvuruyla alınır. Onay için seri numarasının son 4 karakterini yazın: {lastFour}. Başka yanıt durdurur.',
  'revoke.done.sms':
    '{serial} seri numaralı sertifikanız iptal edildi; kayıtlı e-posta adresinize bilgi gönderdik. Yeni sertifika başvurusu için Çağrı Merkezi: {callCenter}.',
  'update.phone.codeHelp.sms':
    'Yeni numaranıza gelen 6 haneli kodu yazın; 300 saniye geçerlidir. Gelmediyse 60 saniye sonra "yeni kod" yazın (en fazla 3 kod). Kod doğrulanmadan numaranız değişmez.',
  'unlock.code.sms':
    'Kilit çözme kodu ({card}): {code}\nKart yazılımında Kilit Çözme adımında girin; bu kart için 24 saat ve bir kez geçerlidir, bir daha gösterilmez. Bu SMS siz silene kadar telefonunuzda durur.',
  'handOff.queued.sms':
    'Temsilci sırasına aldım. Sıranız: {position}, tahmini bekleme {wait}. Çağrı Merkezi ({callCenterHours}): {callCenter}. Çıkmak için "iptal" yazın.',
  'forgot.changedStillBlocked.sms':
    'Güvenlik sözcüğünüz güncellendi, ancak hesabınız hâlâ bloke. Blokeyi yalnızca Çağrı Merkezi kaldırabilir: {callCenter}.',
  'login.wrongLastTry.sms':
    'Kimlik No ya da Güvenlik Sözcüğü hatalı. {left} deneme hakkınız kaldı; bir hata daha hesabı bloke eder. Hatırlamıyorsanız tahmin etmeyin, "unuttum" yazın.',
  'wish.expiry.sms':
    'Kalan günleri göstermem için önce Şifreli Giriş gerekiyor; ardından yenileme adımlarını da yazacağım. Giriş yapmadan bilgi için "iptal" yazıp "sertifika nasıl yenilenir" diye sorun.',
  'renewal.steps.sms':
    'Yenileme: sertifikanın süresi uzatılmaz; www.kamusm.gov.tr Başvuru bölümünden yeni sertifika başvurusu yapılır. Güncel ücret aynı sitede yayımlanır. Çağrı Merkezi: {callCenter}',
  'certificates.pinPukState.sms':
    "PIN/PUK blokesi bu listede değil, kart yazılımında görünür. Yalnız PIN bloke ise PUK ile açın; ikisi de bloke ise menüden Kilit Çözme'yi seçin.",
  'revoke.warningHelp.sms':
    'İptal için yalnızca {serial} seri numarasının son 4 karakterini yazın: {lastFour}. Başka her yanıt ("iptal" dahil) değişiklik yapmadan durdurur.',
} as const;

export const en: Record<keyof typeof tr, string> = {
  'start.help.sms':
    '"Şifreli Giriş": your security word and SMS code take you to the İşlemler Menüsü. "Güvenlik Sözcüğümü Unuttum": a reset link comes to your e-mail. Type any time: cancel, menu, help, agent, Türkçe.',
  'forgot.sent.sms':
    'If this ID is registered, a Güvenlik Sözcüğü Güncelleme link was sent to your registered e-mail (valid 30 minutes, single use). If it does not arrive, check your spam folder.',
  'login.wordHelp.sms':
    'The security word is the word you chose when you applied for your e-signature. If you do not remember it, type "menu" and choose "Güvenlik Sözcüğümü Unuttum". 3 wrong tries block your account.',
  'menu.help.sms':
    'Activate: turns on a new certificate. Update details: e-mail, mobile number. Unlock: a code for a card whose PIN and PUK are blocked. The session ends after 5 idle minutes.',
  'pinPuk.card.sms': 'Card {serial}\nPIN: {pin}\nPUK: {puk}',
  'pinPuk.notes.sms': 'This SMS stays on your phone until you delete it; it cannot be hidden.',
  'pinPuk.offlineChanged.sms': 'Out of date: this PIN and PUK were changed offline on the card.',
  'pinPuk.deletedCard.sms':
    'Card {serial}: PIN and PUK deleted. If forgotten, the certificate must be revoked and reissued for a fee. Help: {callCenter}',
  'pinPuk.prompt.sms':
    'Keep: the values stay stored. Delete: erased for good; if forgotten, the certificate is reissued for a fee. Your choice?',
  'menu.prompt.sms': 'Dear {name}, choose an operation:',
  'menu.choice.activate.sms': 'Activate',
  'menu.choice.revoke.sms': 'Revoke',
  'menu.choice.update.sms': 'Update details',
  'menu.choice.list.sms': 'List certificates',
  'menu.choice.pinPuk.sms': 'PIN / PUK',
  'menu.choice.unlock.sms': 'Unlock',
  'menu.choice.logout.sms': 'Log out',
  'sms.confirmPrompt.sms':
    'SMS confirmation. Your number: {phone}\nWe send it a free code to open the İşlemler Menüsü. If it is yours, choose "Onay".',
  'start.greeting.sms': "Hello, I'm the e-İmza Assistant for your Kamu SM e-signature certificate. What would you like to do?",
  'pinPuk.deleteConfirm.sms':
    'Warning: the PIN and PUK of card {cards} will be deleted for good. If you forget them, your certificate is revoked and reissued FOR A FEE. Delete them?',
  'pinPuk.deleteConfirmMany.sms':
    'Warning: the PINs and PUKs of cards {cards} will be deleted for good. If you forget them, your certificate is revoked and reissued FOR A FEE. Delete them?',
  'revoke.reasonHelp.sms':
    "Kayıp / Çalıntı: card lost or stolen. Bilgi Değişikliği: your details (e.g. surname) changed. Anahtar Güvenliği: your card or PIN may be in someone else's hands. Diğer: another reason.",
  'revoke.warning.sms':
    'Warning: revoking {serial} CANNOT BE UNDONE; a new certificate needs a new application FOR A FEE. To confirm, type the last 4 characters of the serial: {lastFour}. Anything else stops.',
  'revoke.done.sms':
    'Certificate {serial} has been revoked; we sent a notice to your registered e-mail. For a new certificate, call {callCenter}.',
  'update.phone.codeHelp.sms':
    'Type the 6-digit code sent to your new number; it is valid for 300 seconds. If none came, type "new code" after 60 seconds (at most 3 codes). Your number changes only once the code is confirmed.',
  'unlock.code.sms':
    'Unlock code ({card}): {code}\nEnter it at the unlock step of the card software; valid for this card, 24 hours, once, and not shown again. This SMS stays on your phone until you delete it.',
  'handOff.queued.sms':
    'You are in the queue for an agent. Your place: {position}, estimated wait {wait}. Call center ({callCenterHours}): {callCenter}. Type "cancel" to leave the queue.',
  'forgot.changedStillBlocked.sms':
    'Your security word is updated, but your account is still blocked. Only the call center can lift the block: {callCenter}.',
  'login.wrongLastTry.sms':
    'Wrong ID number or security word. {left} try left; one more wrong try blocks the account. If you do not remember the word, do not guess: type "I forgot".',
  'wish.expiry.sms':
    'To show the days left I first need you to log in (Şifreli Giriş); the renewal steps come with them. To read about renewal without logging in, type "cancel" and ask "how do I renew my certificate".',
  'renewal.steps.sms':
    'Renewal: a certificate is not extended; apply for a new one in the Başvuru section of www.kamusm.gov.tr. The current fee is published there. Call center: {callCenter}',
  'certificates.pinPukState.sms':
    'A blocked PIN or PUK shows in the card software, not in this list. Only the PIN: unblock it with the PUK there. Both: choose Unlock in the menu.',
  'revoke.warningHelp.sms':
    'To revoke, type only the last 4 characters of serial {serial}: {lastFour}. Any other answer, "cancel" included, stops without a change.',
};
