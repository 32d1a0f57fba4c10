import type { Locale } from './recognize';

/**
 * Every sentence a citizen reads, in Turkish and English. The screen labels of Kamu SM's pages
 * (Kimlik No, Güvenlik Sözcüğü, Şifreli Giriş …) are kept as citizens know them.
 * Placeholders are written {name}.
 */
const tr = {
  'callCenter.number': '0262 648 18 18',

  'start.greeting':
    'Merhaba, ben e-İmza Yardımcısı. Kamu SM nitelikli elektronik sertifikanızla ilgili işlemlerde size yol gösteririm. Ne yapmak istersiniz?',
  'start.again': 'Başka ne yapmak istersiniz?',
  'start.choice.forgot': 'Güvenlik Sözcüğümü Unuttum',
  'start.choice.login': 'Şifreli Giriş',
  'start.choice.help': 'Yardım',
  'start.help':
    'Güvenlik sözcüğünüzü hatırlamıyorsanız "Güvenlik Sözcüğümü Unuttum" ile kayıtlı e-posta adresinize bir yenileme bağlantısı isteyebilirsiniz. Güvenlik sözcüğünüzü biliyorsanız "Şifreli Giriş" ile giriş yapıp SMS onayından sonra İşlemler Menüsü\'ne ulaşırsınız.\nHer an "iptal" yazarak işlemi bırakabilir, "yardım" yazarak o adımla ilgili açıklama alabilir, "menü" yazarak başa dönebilir, "English" yazarak dili değiştirebilirsiniz. Bir temsilciye ulaşmak için "temsilci" yazın.',

  'global.cancelled': 'İşlemi iptal ettim.',
  'global.languageChanged': 'Türkçe devam ediyoruz.',
  'global.agent':
    'Bir temsilciyle görüşmek için Kamu SM Çağrı Merkezi\'ni arayabilirsiniz: {callCenter}. Kaldığınız yerden devam etmek için yanıtınızı yazabilirsiniz.',
  'global.tooLong': 'Mesajınız çok uzun. Lütfen daha kısa yazın.',
  'global.notText': 'Yalnızca yazılı mesajları anlayabiliyorum. Lütfen yanıtınızı yazın.',
  'global.tooManyMessages': 'Çok hızlı mesaj gönderiyorsunuz. Lütfen {seconds} saniye sonra tekrar yazın.',
  'global.paused':
    'Çok sayıda hatalı deneme yapıldığı için işlemler güvenliğiniz için {minutes} dakika durduruldu. Yardım için Çağrı Merkezi: {callCenter}.',
  'global.error': 'Üzgünüm, bir sorun oluştu. Lütfen biraz sonra tekrar deneyin.',
  'global.notUnderstood': 'Bunu anlayamadım.',

  'choice.retry': 'Lütfen seçeneklerden birini yazın ya da numarasını girin.',

  'identification.prompt': 'Kimlik No: T.C. Kimlik Numaranızı ya da Pasaport Numaranızı yazın.',
  'identification.help':
    'T.C. vatandaşıysanız 11 haneli T.C. Kimlik Numaranızı, yabancı uyruklu iseniz pasaport numaranızı yazın. Boşluk ve tire kullanabilirsiniz.',
  'identification.invalid.empty': 'Kimlik No boş olamaz.',
  'identification.invalid.tckn-length': 'T.C. Kimlik Numarası 11 hane olmalı.',
  'identification.invalid.tckn-first-digit': 'T.C. Kimlik Numarası 0 ile başlayamaz.',
  'identification.invalid.tckn-checksum': 'Bu T.C. Kimlik Numarasının kontrol haneleri tutmuyor; lütfen rakamları kontrol edin.',
  'identification.invalid.passport-format': 'Pasaport numarası 6–12 harf ve rakamdan oluşmalı.',
  'identification.tryAgain': 'Lütfen tekrar yazın ({left} deneme hakkınız kaldı).',
  'identification.giveUp':
    'Kimlik No üç kez geçersiz girildi. T.C. Kimlik Numaranızı nüfus cüzdanınızdan kontrol edebilirsiniz. Yardım için Çağrı Merkezi: {callCenter}.',

  'humanCheck.text.prompt': 'Güvenlik kontrolü: şu sayıyı rakamla yazın: {words}',
  'humanCheck.image.prompt':
    'Güvenlik kontrolü (Resimdeki Yazı): resimdeki karakterleri yazın. Resmi göremiyorsanız "erişilebilir" yazın, size yazıyla bir soru sorayım.',
  'humanCheck.image.alt': 'Güvenlik kontrolü resmi',
  'humanCheck.help.text':
    'Bu adım, isteği bir insanın yaptığını doğrular. Yazıyla verilen sayıyı rakamla yazın; örneğin "iki bin beş yüz on" için 2510.',
  'humanCheck.help.image':
    'Bu adım, isteği bir insanın yaptığını doğrular. Resimdeki harf ve rakamları soldan sağa yazın; büyük küçük harf fark etmez. Resmi göremiyorsanız "erişilebilir" yazın.',
  'humanCheck.wrong': 'Yanıt doğru değil. {left} hakkınız kaldı.',
  'humanCheck.failed': 'Güvenlik kontrolü üç kez yanlış yanıtlandı. İşlemi baştan başlatabilirsiniz.',
  'humanCheck.expired': 'Güvenlik kontrolünün süresi doldu. Yeni bir soru soruyorum.',

  'forgot.sent':
    'Bu kimlik numarası sistemimizde kayıtlıysa, kayıtlı e-posta adresinize bir Güvenlik Sözcüğü Güncelleme bağlantısı gönderildi. Bağlantı 30 dakika geçerlidir ve bir kez kullanılabilir. E-postayı göremiyorsanız biraz bekleyin ve istenmeyen (spam) klasörüne bakın.',
  'forgot.canLogInNow':
    'Güvenlik sözcüğünüz güncellendi. Artık "Şifreli Giriş" ile yeni güvenlik sözcüğünüzü kullanarak giriş yapabilirsiniz.',

  'mail.resetLink.subject': 'Güvenlik Sözcüğü Güncelleme bağlantınız',
  'mail.resetLink.body':
    'Sayın {name},\n\nAşağıdaki bağlantıyı kullanarak Bireysel Nitelikli Elektronik Sertifika İşlemleri için gerekli olan Güvenlik Sözcüğünüzü oluşturabilirsiniz:\n\n{link}\n\nBağlantı 30 dakika geçerlidir ve yalnızca bir kez kullanılabilir. Bu isteği siz yapmadıysanız bu e-postayı dikkate almayın; güvenlik sözcüğünüz değişmez.\n\nSorularınız için Kamu SM Çağrı Merkezi: 0262 648 18 18\n\nSaygılarımızla,\nKamu SM, Kamu Sertifikasyon Merkezi',
  'mail.wordChanged.subject': 'Güvenlik sözcüğünüz değiştirildi',
  'mail.wordChanged.body':
    'Sayın {name},\n\nBireysel Nitelikli Elektronik Sertifika İşlemleri güvenlik sözcüğünüz az önce değiştirildi.\n\nBu değişikliği siz yapmadıysanız hemen Kamu SM Çağrı Merkezi\'ni arayın: 0262 648 18 18\n\nSaygılarımızla,\nKamu SM, Kamu Sertifikasyon Merkezi',

  'page.title': 'Güvenlik Sözcüğü Güncelleme Ekranı',
  'page.header': 'Bireysel Nitelikli Elektronik Sertifika İşlemleri',
  'page.intro':
    'Güvenlik sözcüğünüzü güncellemek için lütfen aşağıdaki alanları eksiksiz olarak doldurunuz. Güvenlik sözcüğünüzü belirlerken, sayı ve büyük/küçük harflerden oluşan kombinasyonları tercih etmenizi öneririz.',
  'page.rules': 'Güvenlik sözcüğü 8–64 karakter olmalı, kimlik numaranızı içermemeli, yaygın bir parola ya da sözcük olmamalı ve şu anki güvenlik sözcüğünüzden farklı olmalıdır.',
  'page.word': 'Güvenlik Sözcüğü',
  'page.wordHint': 'Lütfen Güvenlik Sözcüğünüzü Giriniz',
  'page.repeat': 'Güvenlik Sözcüğü Tekrarı',
  'page.repeatHint': 'Lütfen Güvenlik Sözcüğünüzü Tekrar Giriniz',
  'page.submit': 'Gönder',
  'page.resultTitle': 'Sonuç',
  'page.success': 'Güvenlik sözcüğünüz başarıyla güncellendi. Artık sohbette "Şifreli Giriş" ile giriş yapabilirsiniz.',
  'page.refused': 'Güvenlik sözcüğü kabul edilmedi:',
  'page.rule.too-short': 'En az 8 karakter olmalı.',
  'page.rule.too-long': 'En fazla 64 karakter olabilir.',
  'page.rule.contains-id': 'Kimlik numaranızı içeremez.',
  'page.rule.common': 'Çok yaygın bir parola ya da sözcük; tahmin edilmesi kolay.',
  'page.rule.same-as-current': 'Şu anki güvenlik sözcüğünüzle aynı olamaz.',
  'page.rule.mismatch': 'İki alana yazdıklarınız aynı değil.',
  'page.link.expired': 'Bu bağlantının süresi dolmuş (bağlantılar 30 dakika geçerlidir). Sohbetten yeni bir bağlantı isteyebilirsiniz.',
  'page.link.used': 'Bu bağlantı daha önce kullanılmış. Her bağlantı yalnızca bir kez kullanılabilir; gerekirse sohbetten yeni bir bağlantı isteyin.',
  'page.link.superseded': 'Bu bağlantının yerine daha yeni bir bağlantı gönderildi. Lütfen e-postanızdaki en son bağlantıyı kullanın.',
  'page.link.unknown': 'Bu bağlantı geçerli değil. Adresi e-postadan eksiksiz kopyaladığınızdan emin olun ya da sohbetten yeni bir bağlantı isteyin.',
  'page.csrf': 'Form süresi dolmuş ya da başka bir sayfadan gönderilmiş. Lütfen sayfayı yenileyip tekrar deneyin.',
  'page.tooLarge': 'Gönderilen form çok büyük.',
  'page.notFound': 'Aradığınız sayfa bulunamadı.',
  'page.footer': 'Yardım için Kamu SM Çağrı Merkezi: 0262 648 18 18',
  'page.languageSwitch': 'English',
  'yesNo.yes': 'Evet',
  'yesNo.no': 'Hayır',
  'yesNo.retry': 'Lütfen "evet" ya da "hayır" yazın.',

  'login.wordPrompt': 'Güvenlik Sözcüğünüzü yazın.',
  'login.wordCardTitle': 'Şifreli Giriş',
  'login.wordCardLabel': 'Güvenlik Sözcüğü',
  'login.wordCardSubmit': 'Giriş',
  'login.wordHelp':
    'Güvenlik sözcüğü, e-imza başvurusunda belirlediğiniz ve NES Başvuru Formu\'nda yer alan sözcüktür. Hatırlamıyorsanız "menü" yazıp "Güvenlik Sözcüğümü Unuttum"u seçin. 3 kez hatalı girilen güvenlik sözcüğü hesabınızı bloke eder.',
  'login.wrong':
    'Kimlik No ya da Güvenlik Sözcüğü hatalı. {left} deneme hakkınız kaldı; 3 hatalı denemeden sonra hesabınız güvenlik nedeniyle bloke olur.',
  'login.blocked':
    'Hesabınız 3 kez hatalı girilen güvenlik sözcüğü nedeniyle bloke edilmiştir. Blokeyi kaldırmak için 0262 648 18 18 numaralı Çağrı Merkezi\'mizi arayın.',

  'sms.confirmPrompt':
    'SMS Onay. Telefon Numaranız: {phone}\nİşlemler Menüsü\'ne girebilmeniz için bu numaraya bir SMS Onay Kodu gönderilecek (SMS ücretsizdir). Numara size aitse "Onay"ı seçin.',
  'sms.choice.confirm': 'Onay',
  'sms.choice.notMine': 'Bu numara bana ait değil',
  'sms.confirmHelp':
    'Kayıtlı cep telefonunuza 6 haneli bir SMS Onay Kodu göndereceğiz. Numara size ait değilse "Bu numara bana ait değil"i seçin; SMS gönderilmez.',
  'sms.notMine':
    'SMS gönderilmedi. Kayıtlı numara size ait değilse bilgilerinizi güncellemek için 0262 648 18 18 numaralı Çağrı Merkezi\'mizi arayın.',
  'sms.codeMessage': 'Kamu SM SMS Onay Kodunuz: {code}. 5 dk gecerlidir, kimseyle paylasmayin.',
  'sms.codePrompt': 'Cep telefonunuza gelen SMS Onay Kodunu yazın. Kalan süre: {seconds} saniye.',
  'sms.codeHelp':
    'SMS Onay Kodu, kayıtlı cep telefonunuza gönderilen 6 haneli sayıdır; 300 saniye geçerlidir. Kod gelmediyse 60 saniye sonra "yeni kod" yazabilirsiniz (bir girişte en fazla 3 kod).',
  'sms.codeFormat': 'SMS Onay Kodu 6 rakamdan oluşur.',
  'sms.codeWrong': 'SMS Onay Kodu hatalı. {left} deneme hakkınız kaldı.',
  'sms.codeDead': 'SMS Onay Kodu 3 kez hatalı girildiği için geçersiz oldu. Güvenliğiniz için lütfen yeniden giriş yapın.',
  'sms.expiredPrompt': 'SMS Onay Kodunun süresi doldu. Yeni bir kod gönderilsin mi?',
  'sms.choice.newCode': 'Yeni kod gönder',
  'sms.choice.stop': 'Vazgeç',
  'sms.wait': 'Yeni kod için {seconds} saniye daha beklemeniz gerekiyor.',
  'sms.limit': 'Bu giriş için en fazla 3 kod gönderilebilir. Lütfen daha sonra yeniden giriş yapın.',
  'sms.sendFailed':
    'SMS şu anda gönderilemedi. Lütfen biraz sonra yeniden deneyin ya da 0262 648 18 18 numaralı Çağrı Merkezi\'mizi arayın.',

  'menu.prompt': 'Sayın {name}, İşlemler Menüsü\'nden yapmak istediğiniz işlemi seçin.',
  'menu.choice.activate': 'Kullanıma Aç',
  'menu.choice.revoke': 'Sertifikamı İptal Et',
  'menu.choice.update': 'Bilgi Güncelle',
  'menu.choice.list': 'Sertifika Listele',
  'menu.choice.pinPuk': 'PIN / PUK Bilgisi',
  'menu.choice.unlock': 'Kilit Çözme',
  'menu.choice.logout': 'Çıkış',
  'menu.help':
    'İşlemler Menüsü\'nden sertifikalarınızı listeleyebilir, kartınızın PIN / PUK bilgisini görebilir ya da silebilirsiniz. Oturumunuz 5 dakika işlem yapılmazsa ya da 15 dakika sonunda kapanır. Çıkmak için "Çıkış" yazın.',
  'menu.notYet':
    '"{operation}" işlemi bu sohbette henüz yapılamıyor. Bu işlem için 0262 648 18 18 numaralı Çağrı Merkezi\'mizi arayabilirsiniz.',
  'session.expired':
    'Oturumunuzun süresi doldu (5 dakika işlem yapılmadığında ya da 15 dakika sonunda oturum kapanır). Lütfen yeniden giriş yapın.',
  'session.loggedOut': 'Oturumunuz kapatıldı.',

  'certificates.none': 'Kayıtlı sertifikanız bulunmuyor.',
  'certificates.header': 'Sertifikalarınız:',
  'certificates.line': '• {serial} ({kind}) — Geçerlilik: {from} – {to} — Durum: {status} — {published}',
  'certificates.status.pending': 'Kullanıma açılmayı bekliyor',
  'certificates.status.active': 'Kullanımda',
  'certificates.status.revoked': 'İptal edildi',
  'certificates.published': 'İnternette yayınlanıyor',
  'certificates.notPublished': 'İnternette yayınlanmıyor',

  'pinPuk.title': 'PIN ve PUK Bilgileri',
  'pinPuk.notes':
    '• "Parolaları Sil" seçildiğinde PIN ve PUK bilgileriniz bir daha Kamu SM tarafından da erişilemeyecek şekilde kalıcı olarak silinir.\n• Dikkat: PIN ve PUK bilgilerinizi sildikten sonra unutursanız SERTİFİKANIZIN İPTAL EDİLEREK yeniden ÜCRET KARŞILIĞINDA üretilmesi gerekir.\n• Kamu SM, güvenliğiniz için PIN / PUK bilgilerinizin hiçbir yerde kayıtlı kalmamasını, silinmesini önerir.\n• Çevrimdışı PIN / PUK bilgilerinde yapılan güncelleme sonrası burada gösterilen PIN / PUK bilgileri geçerliliğini yitirir.',
  'pinPuk.card': 'Kart Seri Numarası: {serial}\nPIN: {pin}\nPUK: {puk}',
  'pinPuk.offlineChanged': '(Bu kartın PIN / PUK bilgileri çevrimdışı güncellenmiş; yukarıdaki değerler artık geçerli değil.)',
  'pinPuk.deletedCard':
    'Kart Seri Numarası: {serial} — PIN ve PUK bilgileri silinmiş. Unuttuysanız sertifikanızın iptal edilip ücret karşılığında yeniden üretilmesi gerekir; bunun için Sertifikamı İptal Et işlemini kullanabilir ya da 0262 648 18 18 numaralı Çağrı Merkezi\'mizi arayabilirsiniz.',
  'pinPuk.none': 'Adınıza kayıtlı bir kart bulunmuyor.',
  'pinPuk.prompt': 'Ne yapmak istersiniz?',
  'pinPuk.help':
    '"Parolaları Kaydet": değerleri not ettiğinizi onaylarsınız, değerler kayıtlı kalır. "Parolaları Sil": değerler kalıcı olarak silinir ve bir daha gösterilemez.',
  'pinPuk.choice.save': 'Parolaları Kaydet',
  'pinPuk.choice.delete': 'Parolaları Sil',
  'pinPuk.choice.back': 'İşlemler Menüsü',
  'pinPuk.saveConfirm': 'PIN ve PUK bilgilerinizi güvenli bir yere not ettiniz mi?',
  'pinPuk.saveHelp': 'Değerleri not ettiyseniz "evet" yazın; değerler kayıtlı kalır.',
  'pinPuk.saved': 'Parolalarınız kayıtlı kalmaya devam ediyor. Kamu SM, not ettikten sonra silmenizi önerir.',
  'pinPuk.notSaved': 'Lütfen PIN ve PUK bilgilerinizi güvenli bir yere not edin.',
  'pinPuk.deleteConfirm':
    'Dikkat: {cards} kartınızın PIN ve PUK bilgileri kalıcı olarak silinecek; Kamu SM de bir daha erişemeyecek. Sildikten sonra unutursanız SERTİFİKANIZIN İPTAL EDİLEREK yeniden ÜCRET KARŞILIĞINDA üretilmesi gerekir. Silmek istediğinizden emin misiniz?',
  'pinPuk.deleteHelp': 'Yalnızca "evet" yanıtı silme işlemini yapar; başka her yanıt silmeden geri döner.',
  'pinPuk.deleted': 'PIN ve PUK bilgileriniz kalıcı olarak silindi.',
  'pinPuk.notDeleted': 'Silme işlemi yapılmadı; PIN ve PUK bilgileriniz kayıtlı.',

  'mail.blocked.subject': 'Hesabınız bloke edildi',
  'mail.blocked.body':
    'Sayın {name},\n\nBireysel Nitelikli Elektronik Sertifika İşlemleri hesabınız, güvenlik sözcüğü 3 kez hatalı girildiği için bloke edildi.\n\nBu denemeleri siz yapmadıysanız ya da blokeyi kaldırmak istiyorsanız Kamu SM Çağrı Merkezi\'ni arayın: 0262 648 18 18\n\nSaygılarımızla,\nKamu SM, Kamu Sertifikasyon Merkezi',
} as const;

export type MessageKey = keyof typeof tr;

const en: Record<MessageKey, string> = {
  'callCenter.number': '+90 262 648 18 18',

  'start.greeting':
    "Hello, I'm the e-İmza Assistant. I guide you through the self-service for your Kamu SM qualified electronic certificate. What would you like to do?",
  'start.again': 'What else would you like to do?',
  'start.choice.forgot': 'Güvenlik Sözcüğümü Unuttum (forgot my security word)',
  'start.choice.login': 'Şifreli Giriş (log in)',
  'start.choice.help': 'Help',
  'start.help':
    'If you forgot your security word (güvenlik sözcüğü), choose "Güvenlik Sözcüğümü Unuttum" and a reset link is sent to your registered e-mail address. If you know it, "Şifreli Giriş" logs you in and, after an SMS confirmation, opens the İşlemler Menüsü.\nAt any time type "cancel" to stop, "help" for an explanation of the current step, "menu" to start over, or "Türkçe" to switch to Turkish. Type "agent" to reach a person.',

  'global.cancelled': 'I have cancelled that.',
  'global.languageChanged': "Let's continue in English.",
  'global.agent':
    'To talk to a person, call the Kamu SM call center at {callCenter}. To carry on where you were, just type your answer.',
  'global.tooLong': 'Your message is too long. Please write a shorter one.',
  'global.notText': 'I can only read text messages. Please type your answer.',
  'global.tooManyMessages': 'You are sending messages too quickly. Please write again in {seconds} seconds.',
  'global.paused':
    'After too many failed attempts, this conversation is paused for {minutes} minutes for your security. For help call {callCenter}.',
  'global.error': 'Sorry, something went wrong. Please try again in a moment.',
  'global.notUnderstood': "I didn't understand that.",

  'choice.retry': 'Please type one of the options or its number.',

  'identification.prompt': 'Kimlik No: please type your Turkish ID number (T.C. Kimlik No) or your passport number.',
  'identification.help':
    'Turkish citizens type the 11-digit T.C. Kimlik Numarası; foreign nationals type their passport number. Spaces and dashes are fine.',
  'identification.invalid.empty': 'The ID number cannot be empty.',
  'identification.invalid.tckn-length': 'A T.C. Kimlik Numarası has 11 digits.',
  'identification.invalid.tckn-first-digit': 'A T.C. Kimlik Numarası cannot start with 0.',
  'identification.invalid.tckn-checksum': "This T.C. Kimlik Numarası's check digits don't match; please check the digits.",
  'identification.invalid.passport-format': 'A passport number has 6 to 12 letters and digits.',
  'identification.tryAgain': 'Please type it again ({left} tries left).',
  'identification.giveUp':
    'The ID number was invalid three times. You can find your T.C. Kimlik Numarası on your identity card. For help call {callCenter}.',

  'humanCheck.text.prompt': 'Security check: type this number in digits: {words}',
  'humanCheck.image.prompt':
    'Security check: type the characters in the picture. If you cannot see the picture, type "accessible" and I will ask you in words instead.',
  'humanCheck.image.alt': 'Security check picture',
  'humanCheck.help.text':
    'This step makes sure a person is asking. Type the number written in words as digits; for "two thousand five hundred ten" type 2510.',
  'humanCheck.help.image':
    'This step makes sure a person is asking. Type the letters and digits in the picture from left to right; case does not matter. If you cannot see the picture, type "accessible".',
  'humanCheck.wrong': 'That is not right. {left} tries left.',
  'humanCheck.failed': 'The security check was answered wrongly three times. You can start again.',
  'humanCheck.expired': 'The security check has expired. Here is a new one.',

  'forgot.sent':
    'If this ID is registered with us, a link to set a new security word has been sent to the registered e-mail address. The link works once, for 30 minutes. If you cannot see the e-mail, wait a little and check your spam folder.',
  'forgot.canLogInNow':
    'Your security word has been updated. You can now log in with "Şifreli Giriş" using your new security word.',

  'mail.resetLink.subject': 'Your link to set a new security word',
  'mail.resetLink.body':
    'Dear {name},\n\nUse the link below to set the security word (güvenlik sözcüğü) for the Kamu SM individual certificate services:\n\n{link}\n\nThe link works once, for 30 minutes. If you did not ask for it, ignore this e-mail; your security word stays as it is.\n\nQuestions: Kamu SM call center, +90 262 648 18 18\n\nKind regards,\nKamu SM, Public Certification Authority',
  'mail.wordChanged.subject': 'Your security word was changed',
  'mail.wordChanged.body':
    'Dear {name},\n\nThe security word (güvenlik sözcüğü) of your Kamu SM individual certificate services account has just been changed.\n\nIf this was not you, call the Kamu SM call center at once: +90 262 648 18 18\n\nKind regards,\nKamu SM, Public Certification Authority',

  'page.title': 'Set a new security word (Güvenlik Sözcüğü Güncelleme)',
  'page.header': 'Kamu SM individual certificate services',
  'page.intro':
    'Please fill in both fields to set your new security word. We recommend a mix of digits and upper- and lower-case letters.',
  'page.rules': 'The security word must be 8–64 characters long, must not contain your ID number, must not be a common password or word, and must differ from your current one.',
  'page.word': 'Security word (Güvenlik Sözcüğü)',
  'page.wordHint': 'Type your new security word',
  'page.repeat': 'Repeat the security word',
  'page.repeatHint': 'Type it again',
  'page.submit': 'Submit',
  'page.resultTitle': 'Result',
  'page.success': 'Your security word has been updated. You can now log in with "Şifreli Giriş" in the chat.',
  'page.refused': 'The security word was not accepted:',
  'page.rule.too-short': 'It must be at least 8 characters long.',
  'page.rule.too-long': 'It can be at most 64 characters long.',
  'page.rule.contains-id': 'It must not contain your ID number.',
  'page.rule.common': 'It is a very common password or word, easy to guess.',
  'page.rule.same-as-current': 'It must differ from your current security word.',
  'page.rule.mismatch': 'The two fields do not match.',
  'page.link.expired': 'This link has expired (links work for 30 minutes). You can ask for a new one in the chat.',
  'page.link.used': 'This link has already been used. Each link works once; ask for a new one in the chat if needed.',
  'page.link.superseded': 'A newer link has been sent instead of this one. Please use the latest link in your e-mail.',
  'page.link.unknown': 'This link is not valid. Make sure you copied the whole address from the e-mail, or ask for a new link in the chat.',
  'page.csrf': 'This form has expired or was sent from another page. Please reload the page and try again.',
  'page.tooLarge': 'The form you sent is too large.',
  'page.notFound': 'The page you are looking for was not found.',
  'page.footer': 'Help: Kamu SM call center, +90 262 648 18 18',
  'page.languageSwitch': 'Türkçe',
  'yesNo.yes': 'Yes',
  'yesNo.no': 'No',
  'yesNo.retry': 'Please answer "yes" or "no".',

  'login.wordPrompt': 'Please type your security word (Güvenlik Sözcüğü).',
  'login.wordCardTitle': 'Şifreli Giriş (log in)',
  'login.wordCardLabel': 'Security word (Güvenlik Sözcüğü)',
  'login.wordCardSubmit': 'Log in',
  'login.wordHelp':
    'The security word is the word you chose when applying for your e-signature; it is on your NES application form (NES Başvuru Formu). If you do not remember it, type "menu" and choose "Güvenlik Sözcüğümü Unuttum". Three wrong security words block the account.',
  'login.wrong':
    'The ID number or the security word is wrong. {left} tries left; after 3 wrong tries the account is blocked for your security.',
  'login.blocked':
    'This account is blocked after 3 wrong security words. To have it unblocked, call the Kamu SM call center at +90 262 648 18 18.',

  'sms.confirmPrompt':
    'SMS confirmation. Your phone number: {phone}\nTo open the İşlemler Menüsü we will send an SMS confirmation code to this number (free of charge). If the number is yours, choose "Onay".',
  'sms.choice.confirm': 'Onay (confirm)',
  'sms.choice.notMine': 'Bu numara bana ait değil (not my number)',
  'sms.confirmHelp':
    'We send a 6-digit SMS confirmation code to your registered mobile number. If the number is not yours, choose "Bu numara bana ait değil"; no SMS is sent.',
  'sms.notMine':
    'No SMS was sent. If the registered number is not yours, call the Kamu SM call center at +90 262 648 18 18 to update it.',
  'sms.codeMessage': 'Kamu SM confirmation code: {code}. Valid for 5 minutes. Do not share it.',
  'sms.codePrompt': 'Type the SMS confirmation code sent to your phone. Time left: {seconds} seconds.',
  'sms.codeHelp':
    'The SMS confirmation code is the 6-digit number sent to your registered mobile; it is valid for 300 seconds. If it did not arrive, type "new code" after 60 seconds (at most 3 codes per login).',
  'sms.codeFormat': 'The SMS confirmation code has 6 digits.',
  'sms.codeWrong': 'The SMS confirmation code is wrong. {left} tries left.',
  'sms.codeDead': 'The SMS confirmation code was wrong 3 times and is no longer valid. For your security, please log in again.',
  'sms.expiredPrompt': 'The SMS confirmation code has expired. Shall I send a new one?',
  'sms.choice.newCode': 'Send a new code',
  'sms.choice.stop': 'Stop',
  'sms.wait': 'Please wait {seconds} more seconds before asking for a new code.',
  'sms.limit': 'At most 3 codes can be sent for one login. Please log in again later.',
  'sms.sendFailed':
    'The SMS could not be sent right now. Please try again shortly or call the Kamu SM call center at +90 262 648 18 18.',

  'menu.prompt': 'Dear {name}, choose an operation from the İşlemler Menüsü.',
  'menu.choice.activate': 'Kullanıma Aç (activate)',
  'menu.choice.revoke': 'Sertifikamı İptal Et (revoke)',
  'menu.choice.update': 'Bilgi Güncelle (update details)',
  'menu.choice.list': 'Sertifika Listele (list certificates)',
  'menu.choice.pinPuk': 'PIN / PUK Bilgisi (PIN / PUK)',
  'menu.choice.unlock': 'Kilit Çözme (unlock)',
  'menu.choice.logout': 'Çıkış (log out)',
  'menu.help':
    'From the İşlemler Menüsü you can list your certificates and see or delete the PIN / PUK of your card. The session closes after 5 minutes without activity or after 15 minutes in all. Type "logout" to leave.',
  'menu.notYet':
    '"{operation}" is not yet available in this chat. For this operation call the Kamu SM call center at +90 262 648 18 18.',
  'session.expired':
    'Your session has expired (it closes after 5 minutes without activity or after 15 minutes in all). Please log in again.',
  'session.loggedOut': 'You have been logged out.',

  'certificates.none': 'You have no certificates on record.',
  'certificates.header': 'Your certificates:',
  'certificates.line': '• {serial} ({kind}) — valid {from} – {to} — status: {status} — {published}',
  'certificates.status.pending': 'waiting for activation',
  'certificates.status.active': 'in use',
  'certificates.status.revoked': 'revoked',
  'certificates.published': 'published on the internet',
  'certificates.notPublished': 'not published',

  'pinPuk.title': 'PIN and PUK',
  'pinPuk.notes':
    '• "Parolaları Sil" deletes your PIN and PUK permanently; not even Kamu SM can read them afterwards.\n• Warning: if you forget your PIN and PUK after deleting them, YOUR CERTIFICATE MUST BE REVOKED and issued again FOR A FEE.\n• For your security, Kamu SM recommends that your PIN / PUK are not kept anywhere and are deleted.\n• After an offline PIN / PUK change, the values shown here are no longer valid.',
  'pinPuk.card': 'Card serial number (Kart Seri Numarası): {serial}\nPIN: {pin}\nPUK: {puk}',
  'pinPuk.offlineChanged': '(The PIN / PUK of this card were changed offline; the values above are no longer valid.)',
  'pinPuk.deletedCard':
    'Card serial number (Kart Seri Numarası): {serial} — the PIN and PUK have been deleted. If you forgot them, the certificate must be revoked and issued again for a fee; use Sertifikamı İptal Et or call +90 262 648 18 18.',
  'pinPuk.none': 'There is no card registered in your name.',
  'pinPuk.prompt': 'What would you like to do?',
  'pinPuk.help':
    '"Parolaları Kaydet": you confirm you have written the values down; they stay stored. "Parolaları Sil": the values are deleted for good and can never be shown again.',
  'pinPuk.choice.save': 'Parolaları Kaydet (keep)',
  'pinPuk.choice.delete': 'Parolaları Sil (delete)',
  'pinPuk.choice.back': 'İşlemler Menüsü (back)',
  'pinPuk.saveConfirm': 'Have you written your PIN and PUK down somewhere safe?',
  'pinPuk.saveHelp': 'If you have written the values down, answer "yes"; they stay stored.',
  'pinPuk.saved': 'Your PIN and PUK stay stored. Kamu SM recommends deleting them once you have written them down.',
  'pinPuk.notSaved': 'Please write your PIN and PUK down somewhere safe.',
  'pinPuk.deleteConfirm':
    'Warning: the PIN and PUK of card {cards} will be deleted permanently; not even Kamu SM can read them afterwards. If you forget them after deleting, YOUR CERTIFICATE MUST BE REVOKED and issued again FOR A FEE. Are you sure you want to delete them?',
  'pinPuk.deleteHelp': 'Only "yes" deletes; any other answer goes back without deleting.',
  'pinPuk.deleted': 'Your PIN and PUK have been deleted permanently.',
  'pinPuk.notDeleted': 'Nothing was deleted; your PIN and PUK are still stored.',

  'mail.blocked.subject': 'Your account has been blocked',
  'mail.blocked.body':
    'Dear {name},\n\nYour Kamu SM individual certificate services account has been blocked because the security word was entered wrongly 3 times.\n\nIf these tries were not yours, or to have the account unblocked, call the Kamu SM call center: +90 262 648 18 18\n\nKind regards,\nKamu SM, Public Certification Authority',
};

const catalogs: Record<Locale, Record<MessageKey, string>> = { tr, en };

/** The text of a message in a language, with its {placeholders} filled in. */
export function translate(locale: Locale, key: MessageKey, params: Record<string, string | number> = {}): string {
  const template = catalogs[locale][key];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    if (name === 'callCenter') return catalogs[locale]['callCenter.number'];
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
}

/** "tr-TR", "tr", "en-GB" … → the catalog to use; anything unknown falls back. */
export function localeOf(tag: unknown, fallback: Locale): Locale {
  const language = typeof tag === 'string' ? tag.toLowerCase().split(/[-_]/)[0] : undefined;
  return language === 'en' || language === 'tr' ? language : fallback;
}

export const LANGUAGE_TAGS: Record<Locale, string> = { tr: 'tr-TR', en: 'en-US' };
