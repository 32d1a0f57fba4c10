/**
 * What the assistant says to a citizen in the conversation, on every channel: the journeys, their
 * prompts, help and refusals, and the citizen's side of a hand-off to an agent.
 * Placeholders are written {name}; {callCenter} is filled in by translate().
 */

export const tr = {
  'start.greeting':
    'Merhaba, ben e-İmza Yardımcısı. Kamu SM nitelikli elektronik sertifikanızla ilgili işlemlerde size yol gösteririm. Ne yapmak istersiniz?',
  'start.again': 'Başka ne yapmak istersiniz?',
  'start.choice.forgot': 'Güvenlik Sözcüğümü Unuttum',
  'start.choice.login': 'Şifreli Giriş',
  'start.choice.help': 'Yardım',
  'start.help':
    'Güvenlik sözcüğünüzü hatırlamıyorsanız "Güvenlik Sözcüğümü Unuttum" ile kayıtlı e-posta adresinize bir yenileme bağlantısı isteyebilirsiniz. Güvenlik sözcüğünüzü biliyorsanız "Şifreli Giriş" ile giriş yapıp SMS onayından sonra İşlemler Menüsü\'ne ulaşırsınız.\nHer an "iptal" yazarak işlemi bırakabilir, "yardım" yazarak o adımla ilgili açıklama alabilir, "menü" yazarak başa dönebilir, "English" yazarak dili değiştirebilirsiniz. Bir temsilciye ulaşmak için "temsilci" yazın.',

  'start.choice.agent': 'Temsilci',
  'understanding.miss':
    'Bunu anlayamadım; güvenlik sözcüğünüzü yenilemenize, Şifreli Giriş ile PIN / PUK, iptal, kilit çözme ve bilgi güncelleme işlemlerine yardım edebilir, e-imza sorularınızı yanıtlayabilirim.',
  'understanding.missAgain':
    'Yine anlayamadım, kusura bakmayın. Bir temsilciyle görüşmek için "Temsilci"yi ya da aşağıdakilerden birini seçebilirsiniz.',
  'understanding.outOfScope':
    'Bu konuda yardımcı olamıyorum; ben Kamu SM e-imza işlemlerinizde (güvenlik sözcüğü, Şifreli Giriş, PIN / PUK, iptal, kilit çözme, bilgi güncelleme) ve bunlarla ilgili sorularınızda yardımcı olurum.',
  'understanding.password': '"Şifre" derken hangisini kastediyorsunuz?',
  'understanding.password.word': 'Güvenlik sözcüğüm ile giriş',
  'understanding.password.pin': 'Kartımın PIN / PUK kodu',
  'understanding.password.reset': 'Güvenlik sözcüğümü unuttum',
  'understanding.didYouMean': 'Şunu mu demek istediniz: "{first}" mi, "{second}" mi?',
  'smallTalk.thanks': 'Rica ederim! Başka bir konuda yardımcı olabilirsem yazmanız yeterli.',
  'smallTalk.greeting': 'Merhaba! Size nasıl yardımcı olabilirim? Ne yapmak istediğinizi kendi cümlelerinizle yazabilirsiniz.',
  'smallTalk.goodbye': 'Görüşmek üzere, iyi günler dilerim.',
  'wish.pinPuk':
    "PIN ve PUK bilgilerinizi gösterebilmem için önce Şifreli Giriş ile kimliğinizi doğrulamanız gerekiyor; SMS onayından sonra doğrudan PIN / PUK Bilgisi'ne geçeceğiz.",
  'wish.unlock':
    "Kartınızın kilidini çözebilmem için önce Şifreli Giriş ile kimliğinizi doğrulamanız gerekiyor; SMS onayından sonra doğrudan Kilit Çözme'ye geçeceğiz.",
  'wish.revoke':
    'Sertifikanızı iptal edebilmem için önce Şifreli Giriş ile kimliğinizi doğrulamanız gerekiyor; SMS onayından sonra doğrudan iptal işlemine geçeceğiz.',
  'wish.activate':
    "Sertifikanızı kullanıma açabilmem için önce Şifreli Giriş ile kimliğinizi doğrulamanız gerekiyor; SMS onayından sonra doğrudan Kullanıma Aç'a geçeceğiz.",
  'wish.update':
    "Bilgilerinizi güncelleyebilmem için önce Şifreli Giriş ile kimliğinizi doğrulamanız gerekiyor; SMS onayından sonra doğrudan Bilgi Güncelle'ye geçeceğiz.",
  'wish.list':
    "Sertifikalarınızı listeleyebilmem için önce Şifreli Giriş ile kimliğinizi doğrulamanız gerekiyor; SMS onayından sonra doğrudan Sertifika Listele'ye geçeceğiz.",
  'wish.expiry':
    'Sertifikalarınızın kaç günü kaldığını gösterebilmem için önce Şifreli Giriş ile kimliğinizi doğrulamanız gerekiyor; SMS onayından sonra her sertifikanızın son gününü ve yenileme adımlarını göstereceğim. Giriş yapmadan yalnızca yenileme hakkında bilgi almak isterseniz "iptal" yazıp "sertifika nasıl yenilenir" diye sorun.',
  'intent.forgotWord': 'Güvenlik Sözcüğümü Unuttum',
  'intent.login': 'Şifreli Giriş',
  'intent.pinPuk': 'PIN / PUK Bilgisi',
  'intent.unlock': 'Kilit Çözme',
  'intent.revoke': 'Sertifikamı İptal Et',
  'intent.activate': 'Kullanıma Aç',
  'intent.updatePhone': 'Telefon numaramı güncelle',
  'intent.updateEmail': 'E-posta adresimi güncelle',
  'intent.listCertificates': 'Sertifika Listele',
  'intent.certificateExpiry': 'Sertifikamın kalan süresi',
  'intent.agent': 'Temsilci',
  'intent.help': 'Yardım',
  'intent.thanks': 'Teşekkür',
  'intent.greeting': 'Selamlaşma',
  'intent.goodbye': 'Çıkış',
  'intent.languageEnglish': 'English',
  'intent.languageTurkish': 'Türkçe',
  'intent.faqSecurityWord': 'Güvenlik sözcüğü nedir?',
  'intent.faqPinVsPuk': 'PIN ile PUK farkı',
  'intent.faqBlocked': 'PIN / PUK bloke olursa',
  'intent.faqCallCenter': 'Çağrı Merkezi',
  'intent.faqFees': 'Sertifika ücreti',
  'intent.faqCardReader': 'Kart okuyucu sorunları',
  'intent.faqValidity': 'Bağlantı ve kod süreleri',
  'intent.faqNewCertificate': 'Yeni sertifika başvurusu',
  'intent.faqRenewal': 'Sertifika yenileme',
  'intent.outOfScope': 'Başka bir konu',

  'global.cancelled': 'İşlemi iptal ettim.',
  'global.nothingToCancel': 'Şu anda iptal edilecek bir işlem yok.',
  'global.languageChanged': 'Türkçe devam ediyoruz.',
  'global.agent':
    "Bir temsilciyle görüşmek için Kamu SM Çağrı Merkezi'ni arayabilirsiniz: {callCenter}. Kaldığınız yerden devam etmek için yanıtınızı yazabilirsiniz.",
  'global.tooLong': 'Mesajınız çok uzun. Lütfen daha kısa yazın.',
  'global.notText': 'Yalnızca yazılı mesajları anlayabiliyorum. Lütfen yanıtınızı yazın.',
  'global.tooManyMessages': 'Çok hızlı mesaj gönderiyorsunuz. Lütfen {seconds} saniye sonra tekrar yazın.',
  'global.paused':
    'Çok sayıda hatalı deneme yapıldığından işlemler güvenliğiniz için {minutes} dakika durduruldu. Yardım için Çağrı Merkezi: {callCenter}.',
  'global.sourcePaused':
    'Çok sayıda hatalı deneme yapıldığından yeni giriş denemeleri güvenlik amacıyla {minutes} dakika durduruldu. Yardım için Çağrı Merkezi: {callCenter}.',
  'global.error': 'Üzgünüm, bir sorun oluştu. Lütfen biraz sonra tekrar deneyin.',
  'global.notUnderstood': 'Bunu anlayamadım.',

  'choice.retry': 'Lütfen seçeneklerden birini yazın ya da numarasını girin.',
  'choice.onlyCertificate': 'Bu işlem için tek uygun sertifikanız {serial}; onu seçtim.',
  'choice.onlyCard': 'Adınıza kayıtlı tek kart {serial}; onu seçtim.',
  'choice.outOfRange': 'Bu numarada bir seçenek yok. Lütfen 1–{max} arasında bir numara girin ya da seçeneklerden birini yazın.',

  'identification.prompt': 'Kimlik No: T.C. Kimlik Numaranızı ya da Pasaport Numaranızı yazın.',
  'identification.help':
    'T.C. vatandaşıysanız 11 haneli T.C. Kimlik Numaranızı, yabancı uyrukluysanız pasaport numaranızı yazın. Boşluk ve tire kullanabilirsiniz.',
  'identification.invalid.empty': 'Kimlik No boş olamaz.',
  'identification.invalid.tckn-length': 'T.C. Kimlik Numarası 11 hane olmalı.',
  'identification.invalid.tckn-first-digit': 'T.C. Kimlik Numarası 0 ile başlayamaz.',
  'identification.invalid.tckn-checksum': 'Bu T.C. Kimlik Numarasının kontrol haneleri tutmuyor; rakamları kontrol edin.',
  'identification.invalid.passport-format': 'Pasaport numarası 6–12 harf ve rakamdan oluşmalı.',
  'identification.tryAgain': 'Lütfen tekrar yazın ({left} deneme hakkınız kaldı).',
  'identification.giveUp':
    'Kimlik No üç kez geçersiz girildi. T.C. Kimlik Numaranızı kimlik kartınızdan kontrol edebilirsiniz. Yardım için Çağrı Merkezi: {callCenter}.',

  'humanCheck.text.prompt': 'Güvenlik kontrolü: şu sayıyı rakamla yazın: {words}',
  'humanCheck.image.prompt':
    'Güvenlik kontrolü (Resimdeki Yazı): resimdeki karakterleri yazın. Resmi göremiyorsanız "erişilebilir" yazın, size yazıyla bir soru sorayım.',
  'humanCheck.image.alt': 'Güvenlik kontrolü resmi',
  'humanCheck.image.accessibleChoice': 'Erişilebilir soru (resim yerine yazı)',
  'humanCheck.image.accessibleWord': 'erişilebilir',
  'humanCheck.help.text':
    'Bu adımla isteği bir insanın gönderdiğinden emin oluyoruz. Yazıyla verilen sayıyı rakamla yazın; örneğin "iki bin beş yüz on" için 2510.',
  'humanCheck.help.image':
    'Bu adımla isteği bir insanın gönderdiğinden emin oluyoruz. Resimdeki harf ve rakamları soldan sağa yazın; büyük küçük harf fark etmez. Resmi göremiyorsanız "erişilebilir" yazın.',
  'humanCheck.wrong': 'Yanıt doğru değil. {left} hakkınız kaldı.',
  'humanCheck.failed': 'Güvenlik kontrolü üç kez yanlış yanıtlandı. İşlemi baştan başlatabilirsiniz.',
  'humanCheck.expired': 'Güvenlik kontrolünün süresi doldu. Yeni bir soru soruyorum.',

  'forgot.sent':
    'Bu kimlik numarası sistemimizde kayıtlıysa, kayıtlı e-posta adresinize bir Güvenlik Sözcüğü Güncelleme bağlantısı gönderildi. Bağlantı 30 dakika geçerlidir ve bir kez kullanılabilir. E-postayı göremiyorsanız biraz bekleyin ve istenmeyen (spam) klasörüne bakın.',
  'forgot.canLogInNow':
    'Güvenlik sözcüğünüz güncellendi. Artık "Şifreli Giriş" ile yeni güvenlik sözcüğünüzü kullanarak giriş yapabilirsiniz.',
  'forgot.changedStillBlocked':
    "Güvenlik sözcüğünüz güncellendi. Ancak hesabınız hatalı denemeler nedeniyle hâlâ bloke; blokeyi yalnızca Çağrı Merkezi kaldırabilir. Giriş yapabilmek için {callCenter} numaralı Çağrı Merkezi'mizi arayın.",

  'yesNo.yes': 'Evet',
  'yesNo.no': 'Hayır',
  'yesNo.retry': 'Lütfen "evet" ya da "hayır" yazın.',

  'login.wordPrompt': 'Güvenlik Sözcüğünüzü yazın.',
  'login.wordCardTitle': 'Şifreli Giriş',
  'login.wordCardLabel': 'Güvenlik Sözcüğü',
  'login.wordCardSubmit': 'Giriş',
  'login.wordCardRequired': 'Lütfen güvenlik sözcüğünüzü yazın.',
  'login.wordHelp':
    'Güvenlik sözcüğü, e-imza başvurusunda belirlediğiniz ve NES Başvuru Formu\'nda yer alan sözcüktür. Hatırlamıyorsanız "unuttum" yazın; deneme hakkınız azalmaz ve size yenileme yolunu gösteririm. 3 kez hatalı girilen güvenlik sözcüğü hesabınızı bloke eder.',
  'login.wrong':
    'Kimlik No ya da Güvenlik Sözcüğü hatalı. {left} deneme hakkınız kaldı; 3 hatalı denemeden sonra hesabınız güvenlik nedeniyle bloke olur.',
  'login.wrongLastTry':
    'Kimlik No ya da Güvenlik Sözcüğü hatalı. {left} deneme hakkınız kaldı; bir hatalı deneme daha hesabınızı güvenlik nedeniyle bloke eder. Sözcüğünüzü hatırlamıyorsanız tahmin etmeyin: "unuttum" yazın ya da "Güvenlik Sözcüğümü Unuttum"u seçin, kayıtlı e-posta adresinize bir yenileme bağlantısı gönderelim.',
  'login.forgotOffer':
    'Sorun değil, deneme hakkınız azalmadı. Yeni bir güvenlik sözcüğü belirlemek için "Güvenlik Sözcüğümü Unuttum"u seçin; kayıtlı e-posta adresinize bir yenileme bağlantısı gönderelim.',
  'login.blocked':
    "Hesabınız 3 kez hatalı girilen güvenlik sözcüğü nedeniyle bloke edilmiştir. Blokeyi kaldırmak için {callCenter} numaralı Çağrı Merkezi'mizi arayın.",

  'sms.confirmPrompt':
    'SMS Onay. Telefon Numaranız: {phone}\nİşlemler Menüsü\'ne girebilmeniz için bu numaraya bir SMS Onay Kodu gönderilecek (SMS ücretsizdir). Numara size aitse "Onay"ı seçin.',
  'sms.choice.confirm': 'Onay',
  'sms.choice.notMine': 'Bu numara bana ait değil',
  'sms.confirmHelp':
    'Kayıtlı cep telefonunuza 6 haneli bir SMS Onay Kodu göndereceğiz. Numara size ait değilse "Bu numara bana ait değil"i seçin; SMS gönderilmez.',
  'sms.notMine':
    "SMS gönderilmedi. Kayıtlı numara size ait değilse bilgilerinizi güncellemek için {callCenter} numaralı Çağrı Merkezi'mizi arayın.",
  'sms.codePrompt': 'Cep telefonunuza gelen SMS Onay Kodunu yazın. Kalan süre: {seconds} saniye.',
  'sms.codePromptAgain': 'Cep telefonunuza gelen SMS Onay Kodunu yazın.',
  'sms.codeHelp':
    'SMS Onay Kodu, kayıtlı cep telefonunuza gönderilen 6 haneli sayıdır; 300 saniye geçerlidir. Kod gelmediyse 60 saniye sonra "yeni kod" yazabilirsiniz (bir girişte en fazla 3 kod).',
  'sms.codeFormat': 'SMS Onay Kodu 6 rakamdan oluşur.',
  'sms.codeWrong': 'SMS Onay Kodu hatalı. {left} deneme hakkınız kaldı.',
  'sms.codeDead': 'SMS Onay Kodu 3 kez hatalı girildiği için geçersiz sayıldı. Güvenliğiniz için lütfen yeniden giriş yapın.',
  'sms.expiredPrompt': 'SMS Onay Kodunun süresi doldu. Yeni bir kod gönderilsin mi?',
  'sms.choice.newCode': 'Yeni kod gönder',
  'sms.choice.stop': 'Vazgeç',
  'sms.wait': 'Yeni kod için {seconds} saniye daha beklemeniz gerekiyor.',
  'sms.limit': 'Bu giriş için en fazla 3 kod gönderilebilir. Lütfen daha sonra yeniden giriş yapın.',
  'sms.dailyLimit':
    "Bu telefon numarasına bugün gönderilebilecek en fazla kod sayısına ulaşıldı, yeni kod gönderemiyorum. Yarın yeniden deneyebilir ya da Çağrı Merkezi'ni arayabilirsiniz: {callCenter}.",
  'sms.sendFailed': "SMS şu anda gönderilemedi. Lütfen biraz sonra yeniden deneyin ya da {callCenter} numaralı Çağrı Merkezi'mizi arayın.",

  'menu.prompt': "Sayın {name}, İşlemler Menüsü'nden yapmak istediğiniz işlemi seçin.",
  'menu.choice.activate': 'Kullanıma Aç',
  'menu.choice.revoke': 'Sertifikamı İptal Et',
  'menu.choice.update': 'Bilgi Güncelle',
  'menu.choice.list': 'Sertifika Listele',
  'menu.choice.pinPuk': 'PIN / PUK Bilgisi',
  'menu.choice.unlock': 'Kilit Çözme',
  'menu.choice.logout': 'Çıkış',
  'menu.help':
    "İşlemler Menüsü'nden bekleyen sertifikanızı kullanıma açabilir (Kullanıma Aç), sertifikanızı iptal ettirebilir (Sertifikamı İptal Et), e-posta adresinizi ya da cep telefonu numaranızı değiştirebilir (Bilgi Güncelle), sertifikalarınızı listeleyebilir, kartınızın PIN / PUK bilgisini görebilir ya da silebilir ve PIN'i ile PUK'u bloke olmuş kartınız için kilit çözme kodu alabilirsiniz (Kilit Çözme). Oturumunuz 5 dakika işlem yapılmazsa ya da 15 dakika sonunda kapanır. Çıkmak için \"Çıkış\" yazın.",

  'identification.expired': 'Bu işlem uzun süre beklediği için sona erdi. Lütfen baştan başlayın.',

  'session.expired':
    'Oturumunuzun süresi doldu (5 dakika işlem yapılmadığında ya da 15 dakika sonunda oturum kapanır). Lütfen yeniden giriş yapın.',
  'session.loggedOut': 'Oturumunuz kapatıldı.',

  'certificates.none': 'Kayıtlı sertifikanız bulunmuyor.',
  'certificates.header': 'Sertifikalarınız:',
  'certificates.line': '• {serial} ({kind}) — Geçerlilik: {from} – {to}{remaining} — Durum: {status} — {published}',
  'certificates.remaining': ' ({days} gün kaldı)',
  'certificates.remainingToday': ' (bugün sona eriyor)',
  'certificates.remainingExpired': ' (süresi doldu)',
  'certificates.expiresSoon': '{serial} sertifikanızın süresi {date} tarihinde doluyor ({days} gün kaldı).',
  'certificates.expired': '{serial} sertifikanızın süresi {date} tarihinde doldu; bu sertifikayla artık e-imza atamazsınız.',
  'certificates.pinPukState':
    "PIN ve PUK: Kartınızın PIN'inin ya da PUK'unun bloke olup olmadığı bu listede görünmez, kart yazılımında görünür. Yalnızca PIN bloke olduysa kart yazılımında PUK'unuzla açabilirsiniz; ikisi de bloke olduysa İşlemler Menüsü'nden \"Kilit Çözme\"yi seçin.",
  'certificates.status.pending': 'Kullanıma açılmayı bekliyor',
  'certificates.status.active': 'Kullanımda',
  'certificates.status.revoked': 'İptal edildi',
  'certificates.published': 'İnternette yayınlanıyor',
  'certificates.notPublished': 'İnternette yayınlanmıyor',
  'expiry.header': 'Sertifikalarınızın son geçerlilik günleri:',
  'expiry.line': '• {serial}: son gün {date}{remaining}',
  'expiry.none': 'Kullanımda ya da kullanıma açılmayı bekleyen bir sertifikanız bulunmuyor.',
  'renewal.steps':
    "Sertifika yenileme nasıl yapılır:\n1. Nitelikli elektronik sertifikanın süresi uzatılmaz; yenilemek, Kamu SM'ye yeni bir sertifika başvurusu yapmak demektir.\n2. Başvuruyu www.kamusm.gov.tr adresindeki Başvuru bölümünden yapın; başvuru yolları ve gerekli belgeler orada anlatılır. Sertifikanızın süresi dolmadan başvurmanızı öneririz.\n3. Yeni sertifikanın güncel ücreti www.kamusm.gov.tr adresinde yayımlanır.\nSorularınız için Çağrı Merkezi: {callCenter}.",
  'start.topic.renewal':
    'Merhaba, ben e-İmza Yardımcısı. Sertifikanızın süresi dolmak üzereyse ya da dolduysa, yenilemek için yapmanız gerekenler aşağıda.',

  'pinPuk.title': 'PIN ve PUK Bilgileri',
  'pinPuk.hidden':
    'PIN ve PUK bilgileriniz güvenliğiniz için bu ekrandan gizlendi. Yeniden görmek için İşlemler Menüsü’nden PIN / PUK Bilgisi’ni seçebilirsiniz.',
  'pinPuk.notes':
    '• "Parolaları Sil" seçildiğinde PIN ve PUK bilgileriniz bir daha Kamu SM tarafından da erişilemeyecek şekilde kalıcı olarak silinir.\n• Dikkat: PIN ve PUK bilgilerinizi sildikten sonra unutursanız SERTİFİKANIZIN İPTAL EDİLEREK yeniden ÜCRET KARŞILIĞINDA üretilmesi gerekir.\n• Kamu SM, güvenliğiniz için PIN / PUK bilgilerinizin hiçbir yerde kayıtlı kalmamasını, silinmesini önerir.\n• Çevrimdışı PIN / PUK bilgilerinde yapılan güncelleme sonrası burada gösterilen PIN / PUK bilgileri geçerliliğini yitirir.',
  'pinPuk.card': 'Kart Seri Numarası: {serial}\nPIN: {pin}\nPUK: {puk}',
  'pinPuk.offlineChanged': '(Bu kartın PIN / PUK bilgileri çevrimdışı güncellenmiş; yukarıdaki değerler artık geçerli değil.)',
  'pinPuk.deletedCard':
    "Kart Seri Numarası: {serial} — PIN ve PUK bilgileri silinmiş. Unuttuysanız sertifikanızın iptal edilip ücret karşılığında yeniden üretilmesi gerekir; bunun için Sertifikamı İptal Et işlemini kullanabilir ya da {callCenter} numaralı Çağrı Merkezi'mizi arayabilirsiniz.",
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
  'pinPuk.notSavedHidden':
    "PIN ve PUK bilgilerinizi güvenliğiniz için ekrandan kaldırdım; kayıtlı kalıyorlar. Not almak için İşlemler Menüsü'nden PIN / PUK Bilgisi'ni yeniden seçebilirsiniz.",
  'pinPuk.deleteConfirm':
    'Dikkat: {cards} kartınızın PIN ve PUK bilgileri kalıcı olarak silinecek; Kamu SM de bir daha erişemeyecek. Sildikten sonra unutursanız SERTİFİKANIZIN İPTAL EDİLEREK yeniden ÜCRET KARŞILIĞINDA üretilmesi gerekir. Silmek istediğinizden emin misiniz?',
  'pinPuk.deleteConfirmMany':
    'Dikkat: {cards} kartlarınızın PIN ve PUK bilgileri kalıcı olarak silinecek; Kamu SM de bir daha erişemeyecek. Sildikten sonra unutursanız SERTİFİKALARINIZIN İPTAL EDİLEREK yeniden ÜCRET KARŞILIĞINDA üretilmesi gerekir. Silmek istediğinizden emin misiniz?',
  'pinPuk.deleteHelp': 'Yalnızca "evet" yanıtı silme işlemini yapar; başka her yanıt silmeden geri döner.',
  'pinPuk.deleted': 'PIN ve PUK bilgileriniz kalıcı olarak silindi.',
  'pinPuk.notDeleted': 'Silme işlemi yapılmadı; PIN ve PUK bilgileriniz kayıtlı duruyor.',
  'pinPuk.textChannel.never':
    'Güvenliğiniz için PIN ve PUK bilgileri SMS ve WhatsApp\'ta gösterilmez. Görmek için web sohbetinden ya da Microsoft Teams\'ten "Şifreli Giriş" yapın.',
  'pinPuk.textChannel.notRegisteredPhone':
    "PIN ve PUK bilgileri SMS ve WhatsApp'ta yalnızca kayıtlı cep telefonunuzdan yazdığınızda gösterilir. Kayıtlı numaranızdan yazın ya da web sohbeti veya Teams'ten giriş yapın.",

  'unlock.textChannel.never':
    'Güvenliğiniz için kilit çözme kodu SMS ve WhatsApp\'ta gösterilmez. Kodu almak için web sohbetinden ya da Microsoft Teams\'ten "Şifreli Giriş" yapın.',
  'unlock.textChannel.notRegisteredPhone':
    "Kilit çözme kodu SMS ve WhatsApp'ta yalnızca kayıtlı cep telefonunuzdan yazdığınızda gösterilir. Kayıtlı numaranızdan yazın ya da web sohbeti veya Teams'ten giriş yapın.",

  'certificates.unknown': '{serial} seri numaralı bir sertifikanız bulunamadı.',

  'activate.none': 'Kullanıma açılmayı bekleyen bir sertifikanız bulunmuyor.',
  'activate.prompt': 'Kullanıma Aç: kullanıma açmak istediğiniz sertifikayı seçin.',
  'activate.help':
    'Yeni sertifikanız, Kullanıma Aç ile etkinleştirilene kadar e-imza için kullanılamaz. Listedeki sertifikanın seri numarasını ya da sıra numarasını yazın.',
  'activate.unavailable.active': '{serial} zaten kullanımda; kullanıma açmanıza gerek yok.',
  'activate.unavailable.revoked':
    '{serial} iptal edilmiş. İptal edilen bir sertifika yeniden kullanıma açılamaz; yeni bir sertifika için başvuru yapmanız gerekir.',
  'activate.confirm': '{serial} seri numaralı sertifikanız kullanıma açılacak. Onaylıyor musunuz?',
  'activate.confirmHelp': 'Yalnızca "evet" yanıtı sertifikayı kullanıma açar; başka her yanıtta sertifika beklemede kalır.',
  'activate.notActivated': '{serial} kullanıma açılmadı; sertifikanız beklemede kalıyor.',
  'activate.done': '{serial} seri numaralı sertifikanız kullanıma açıldı. Artık e-imza atmak için kullanabilirsiniz.',

  'revoke.none': 'İptal edilebilecek bir sertifikanız bulunmuyor.',
  'revoke.prompt': 'Sertifikamı İptal Et: iptal etmek istediğiniz sertifikayı seçin.',
  'revoke.help':
    'Listedeki sertifikanın seri numarasını ya da sıra numarasını yazın. Ardından iptal nedenini soracağım; son adımda seri numarasının son dört karakterini yazmadıkça sertifikanız iptal edilmez.',
  'revoke.unavailable.revoked': '{serial} zaten iptal edilmiş.',
  'revoke.reasonPrompt': '{serial} sertifikanızı hangi nedenle iptal ettirmek istiyorsunuz?',
  'revoke.reasonHelp':
    'Kartınız kaybolduysa ya da çalındıysa "Kayıp / Çalıntı", sertifikadaki bilgileriniz (örneğin soyadınız) değiştiyse "Bilgi Değişikliği", kartınızın ya da PIN\'inizin başkasının eline geçtiğinden şüpheleniyorsanız "Anahtar Güvenliği", başka bir neden için "Diğer"i seçin.',
  'revoke.reason.lost-or-stolen': 'Kayıp / Çalıntı',
  'revoke.reason.details-changed': 'Bilgi Değişikliği',
  'revoke.reason.key-compromise': 'Anahtar Güvenliği',
  'revoke.reason.other': 'Diğer',
  'revoke.notePrompt': 'İptal nedeninizi kısaca yazın (en fazla {max} karakter).',
  'revoke.noteHelp': 'Sertifikanızı neden iptal ettirdiğinizi birkaç sözcükle yazın; en fazla {max} karakter olabilir.',
  'revoke.note.empty': 'Lütfen iptal nedeninizi birkaç sözcükle yazın.',
  'revoke.note.too-long': 'İptal nedeni en fazla {max} karakter olabilir; lütfen daha kısa yazın.',
  'revoke.warning':
    'Dikkat: {serial} sertifikanızın iptali GERİ ALINAMAZ. İptalden sonra bu sertifikayla e-imza atamazsınız; yeni bir sertifikayı ancak yeniden başvurarak ve ÜCRET KARŞILIĞINDA alabilirsiniz.\nİptali onaylıyorsanız seri numarasının son dört karakterini yazın: {lastFour}. Başka bir şey yazarsanız ("iptal" dahil) işlem sonlanır ve sertifikanızda değişiklik yapılmaz.',
  'revoke.warningHelp':
    'Sertifikanızı iptal ettirmek için yalnızca {serial} seri numarasının son dört karakterini yazın: {lastFour}. "İptal" ve "vazgeç" dahil başka her yanıt işlemi sonlandırır; sertifikanızda değişiklik yapılmaz.',
  'revoke.notRevoked': 'İptal işlemi yapılmadı; {serial} sertifikanızda değişiklik yok.',
  'revoke.done':
    "{serial} seri numaralı sertifikanız iptal edildi. Kayıtlı e-posta adresinize bilgilendirme e-postası gönderdik. Yeni sertifika başvurusu için {callCenter} numaralı Çağrı Merkezi'mizi arayabilirsiniz.",

  'update.prompt': 'Bilgi Güncelle: hangi bilginizi değiştirmek istersiniz?',
  'update.help':
    '"E-posta Adresi" ile kayıtlı e-posta adresinizi, "Cep Telefonu" ile SMS gönderdiğimiz cep telefonu numaranızı değiştirebilirsiniz. Yeni bilgi ancak doğrulandıktan sonra kaydedilir.',
  'update.choice.email': 'E-posta Adresi',
  'update.choice.phone': 'Cep Telefonu',
  'update.phone.prompt': 'Yeni cep telefonu numaranızı yazın (örneğin 0532 123 45 67).',
  'update.phone.help':
    "Türkiye'deki bir cep telefonu numarası yazın: 0532 123 45 67, 532 123 45 67 ya da +90 532 123 45 67 biçiminde olabilir. Numarayı doğrulamak için ona bir SMS Onay Kodu göndereceğim.",
  'update.phone.invalid.format': 'Telefon numarası yalnızca rakamlardan oluşmalı; boşluk, tire ve baştaki + işareti olabilir.',
  'update.phone.invalid.length': 'Cep telefonu numarası, baştaki 0 olmadan 10 haneli olmalı (örneğin 532 123 45 67).',
  'update.phone.invalid.not-mobile':
    'Bu bir cep telefonu numarası değil: cep telefonu numaraları 5 ile başlar (örneğin 0532 …). Sabit hatlara SMS gönderilemez.',
  'update.phone.invalid.foreign':
    "Yalnızca Türkiye'deki (+90) cep telefonu numaraları kaydedilebilir. Yurt dışı numarası için {callCenter} numaralı Çağrı Merkezi'mizi arayın.",
  'update.phone.same': 'Bu numara zaten kayıtlı cep telefonu numaranız.',
  'update.phone.codeSent': '{phone} numarasına bir SMS Onay Kodu gönderdim. Numaranız bu kodu yazdığınızda değişecek.',
  'update.phone.codePrompt': 'Yeni numaranıza gelen SMS Onay Kodunu yazın. Kalan süre: {seconds} saniye.',
  'update.phone.codePromptAgain': 'Yeni numaranıza gelen SMS Onay Kodunu yazın.',
  'update.phone.codeHelp':
    'SMS Onay Kodu, yeni cep telefonu numaranıza gönderilen 6 haneli sayıdır; 300 saniye geçerlidir. Kod gelmediyse 60 saniye sonra "yeni kod" yazabilirsiniz (bir girişte en fazla 3 kod). Kod doğrulanmadan numaranız değişmez.',
  'update.phone.codeDead': 'SMS Onay Kodu 3 kez hatalı girildiği için geçersiz sayıldı. Cep telefonu numaranız değiştirilmedi.',
  'update.phone.changed': "Cep telefonu numaranız güncellendi. Eski numaranıza da bilgilendirme SMS'i gönderdim.",
  'update.email.prompt': 'Yeni e-posta adresinizi yazın.',
  'update.email.help':
    'Yeni adresinize bir doğrulama bağlantısı göndereceğim. E-posta adresiniz bağlantıyı açıp onayladığınızda değişir; bağlantı 30 dakika geçerlidir ve bir kez kullanılabilir.',
  'update.email.invalid': 'Bu bir e-posta adresine benzemiyor (örneğin ad.soyad@ornek.com.tr). Lütfen tekrar yazın.',
  'update.email.same': 'Bu adres zaten kayıtlı e-posta adresiniz.',
  'update.email.sent':
    '{email} adresine bir doğrulama bağlantısı gönderdim. Bağlantıyı 30 dakika içinde açıp onayladığınızda e-posta adresiniz değişecek; o zamana kadar kayıtlı adresiniz geçerli.',
  'update.email.limited':
    '24 saat içinde en fazla 3 doğrulama bağlantısı gönderilebilir. Lütfen size en son gönderilen bağlantıyı kullanın ya da daha sonra yeniden deneyin.',
  'update.email.changedTold':
    "E-posta adresiniz {email} olarak değiştirildi; eski adresinize de e-postayla haber verdik. Bu değişikliği siz yapmadıysanız Çağrı Merkezi'ni arayın: {callCenter}",

  'unlock.none': 'Adınıza kayıtlı bir kart bulunmuyor.',
  'unlock.prompt': 'Kilit Çözme: kilidini çözmek istediğiniz kartın seri numarasını seçin.',
  'unlock.help':
    "PIN'i ve PUK'u bloke olmuş kartınız için kart yazılımında kullanacağınız tek kullanımlık bir kilit çözme kodu oluşturuyorum. Kart Seri Numarası kartınızın üzerinde yazılıdır.",
  'unlock.blockedPrompt': "{card} kartınızın hem PIN'i hem de PUK'u bloke oldu mu?",
  'unlock.blockedHelp':
    "Kilit çözme kodu yalnızca PIN'i ve PUK'u birlikte bloke olmuş kartlar içindir. Yalnızca PIN'iniz bloke olduysa kart yazılımında PUK'unuzla açabilirsiniz; o durumda \"hayır\" yazın.",
  'unlock.notBlocked':
    "Kilit çözme kodu oluşturulmadı. Yalnızca PIN'iniz bloke olduysa kart yazılımında PUK'unuzu kullanarak PIN'inizin blokesini kaldırabilirsiniz.",
  'unlock.code':
    '{card} kartınızın kilit çözme kodu:\n{code}\nBu kodu kart yazılımında Kilit Çözme adımında kullanın. Kod yalnızca bu kart için, 24 saat boyunca ve bir kez geçerlidir. Güvenliğiniz için kod yalnızca şimdi gösterilir, bir daha gösterilemez; lütfen not alın. Yeni bir kod isterseniz bu kod geçersiz olur.',
  'unlock.unknownCard': '{card} seri numaralı bir kartınız bulunamadı.',

  'handOff.queued':
    'Sizi bir çağrı merkezi temsilcisine aktarıyorum. Sıranız: {position}. Tahmini bekleme: {wait}. Temsilci bağlanınca burada yazışabilirsiniz. Beklemek istemezseniz Çağrı Merkezi\'ni {callCenterHours} {callCenter} numarasından arayabilirsiniz. Sıradan çıkmak için "iptal" yazın.',
  'handOff.stillQueued':
    'Temsilci sırasındasınız. Sıranız: {position}. Tahmini bekleme: {wait}. Sıradan çıkmak için "iptal" yazın. Çağrı Merkezi ({callCenterHours}): {callCenter}.',
  'handOff.wait.minutes': 'yaklaşık {minutes} dakika',
  'handOff.wait.long': '30 dakikadan uzun',
  'handOff.left': 'Temsilci sırasından çıktınız.',
  'handOff.full': "Şu anda bütün temsilcilerimiz meşgul. Lütfen Çağrı Merkezi'ni arayın: {callCenter}.",
  'handOff.connected':
    'Bir çağrı merkezi temsilcisi bağlandı; yazdıklarınız temsilciye iletilecek. Temsilcimiz güvenlik sözcüğünüzü, kodlarınızı ya da PIN/PUK\'unuzu asla sormaz; bunları yazmayın. Bitirmek için "bitir" yazın.',
  'handOff.fromAgent': 'Temsilci: {text}',
  'handOff.withheld':
    "Bu mesaj bir koda, PIN'e ya da güvenlik sözcüğüne benzediği için temsilciye iletilmedi. Güvenlik sözcüğünüzü, kodlarınızı ve PIN/PUK'unuzu kimseyle paylaşmayın.",
  'handOff.onlyText': 'Görüşmede yalnızca yazılı mesajlar iletilir.',
  'handOff.notDelivered': 'Mesajınız karşı tarafa iletilemedi. Lütfen tekrar deneyin.',
  'handOff.endedForCitizen': 'Temsilciyle görüşme sona erdi. Kaldığınız yerden devam edebilir ya da "menü" yazarak başa dönebilirsiniz.',
} as const;

export const en: Record<keyof typeof tr, string> = {
  'start.greeting':
    "Hello, I'm the e-İmza Assistant. I guide you through the self-service for your Kamu SM qualified electronic certificate. What would you like to do?",
  'start.again': 'What else would you like to do?',
  'start.choice.forgot': 'Güvenlik Sözcüğümü Unuttum (forgot my security word)',
  'start.choice.login': 'Şifreli Giriş (log in)',
  'start.choice.help': 'Help',
  'start.help':
    'If you forgot your security word (güvenlik sözcüğü), choose "Güvenlik Sözcüğümü Unuttum" and a reset link is sent to your registered e-mail address. If you know it, "Şifreli Giriş" logs you in and, after an SMS confirmation, opens the İşlemler Menüsü.\nAt any time type "cancel" to stop, "help" for an explanation of the current step, "menu" to start over, or "Türkçe" to switch to Turkish. Type "agent" to reach a person.',

  'start.choice.agent': 'Agent (temsilci)',
  'understanding.miss':
    "I didn't understand that; I can help you reset your security word, log in (Şifreli Giriş) for PIN / PUK, revocation, unlocking and updating your details, and answer questions about e-signatures.",
  'understanding.missAgain': 'Sorry, I still did not understand. To talk to a person choose "Agent", or pick one of the options below.',
  'understanding.outOfScope':
    'I cannot help with that; I help with your Kamu SM e-signature (security word, Şifreli Giriş, PIN / PUK, revocation, unlocking, updating your details) and questions about it.',
  'understanding.password': 'By "password", which one do you mean?',
  'understanding.password.word': 'Log in with my security word',
  'understanding.password.pin': "My card's PIN / PUK",
  'understanding.password.reset': 'I forgot my security word',
  'understanding.didYouMean': 'Did you mean "{first}" or "{second}"?',
  'smallTalk.thanks': "You're welcome! Just write if I can help with anything else.",
  'smallTalk.greeting': 'Hello! How can I help you? You can write what you want to do in your own words.',
  'smallTalk.goodbye': 'Goodbye, have a nice day.',
  'wish.pinPuk':
    'To show your PIN and PUK I first need you to log in with Şifreli Giriş; after the SMS confirmation we go straight to PIN / PUK Bilgisi.',
  'wish.unlock':
    'To unlock your card I first need you to log in with Şifreli Giriş; after the SMS confirmation we go straight to Kilit Çözme (unlock).',
  'wish.revoke':
    'To revoke your certificate I first need you to log in with Şifreli Giriş; after the SMS confirmation we go straight to the revocation.',
  'wish.activate':
    'To activate your certificate I first need you to log in with Şifreli Giriş; after the SMS confirmation we go straight to Kullanıma Aç (activate).',
  'wish.update':
    'To update your details I first need you to log in with Şifreli Giriş; after the SMS confirmation we go straight to Bilgi Güncelle (update details).',
  'wish.list':
    'To list your certificates I first need you to log in with Şifreli Giriş; after the SMS confirmation we go straight to Sertifika Listele (list certificates).',
  'wish.expiry':
    'To show how many days your certificates have left I first need you to log in with Şifreli Giriş; after the SMS confirmation I show each certificate\'s last day and the renewal steps. To read about renewal without logging in, type "cancel" and ask "how do I renew my certificate".',
  'intent.forgotWord': 'Güvenlik Sözcüğümü Unuttum (forgot my security word)',
  'intent.login': 'Şifreli Giriş (log in)',
  'intent.pinPuk': 'PIN / PUK Bilgisi (PIN / PUK)',
  'intent.unlock': 'Kilit Çözme (unlock)',
  'intent.revoke': 'Sertifikamı İptal Et (revoke)',
  'intent.activate': 'Kullanıma Aç (activate)',
  'intent.updatePhone': 'Update my phone number',
  'intent.updateEmail': 'Update my e-mail address',
  'intent.listCertificates': 'Sertifika Listele (list certificates)',
  'intent.certificateExpiry': 'Days left on my certificates',
  'intent.agent': 'Agent (temsilci)',
  'intent.help': 'Help',
  'intent.thanks': 'Thanks',
  'intent.greeting': 'Greeting',
  'intent.goodbye': 'Log out',
  'intent.languageEnglish': 'English',
  'intent.languageTurkish': 'Türkçe',
  'intent.faqSecurityWord': 'What is the security word?',
  'intent.faqPinVsPuk': 'PIN vs PUK',
  'intent.faqBlocked': 'If PIN / PUK is blocked',
  'intent.faqCallCenter': 'Call center',
  'intent.faqFees': 'Certificate fees',
  'intent.faqCardReader': 'Card reader trouble',
  'intent.faqValidity': 'How long links and codes last',
  'intent.faqNewCertificate': 'Applying for a new certificate',
  'intent.faqRenewal': 'Renewing a certificate',
  'intent.outOfScope': 'Something else',

  'global.cancelled': 'I have cancelled that.',
  'global.nothingToCancel': 'There is nothing to cancel right now.',
  'global.languageChanged': "Let's continue in English.",
  'global.agent': 'To talk to a person, call the Kamu SM call center at {callCenter}. To carry on where you were, just type your answer.',
  'global.tooLong': 'Your message is too long. Please write a shorter one.',
  'global.notText': 'I can only read text messages. Please type your answer.',
  'global.tooManyMessages': 'You are sending messages too quickly. Please write again in {seconds} seconds.',
  'global.paused':
    'After too many failed attempts, this conversation is paused for {minutes} minutes for your security. For help call {callCenter}.',
  'global.sourcePaused':
    'After too many failed attempts, new sign-ins are paused for {minutes} minutes for security. For help call {callCenter}.',
  'global.error': 'Sorry, something went wrong. Please try again in a moment.',
  'global.notUnderstood': "I didn't understand that.",

  'choice.retry': 'Please type one of the options or its number.',
  'choice.onlyCertificate': 'Your only certificate for this is {serial}, so I have picked it.',
  'choice.onlyCard': 'The only card in your name is {serial}, so I have picked it.',
  'choice.outOfRange': 'There is no option with that number. Please type a number from 1–{max}, or one of the options.',

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
  'humanCheck.image.accessibleChoice': 'Accessible question (words instead of the picture)',
  'humanCheck.image.accessibleWord': 'accessible',
  'humanCheck.help.text':
    'This step makes sure a person is asking. Type the number written in words as digits; for "two thousand five hundred ten" type 2510.',
  'humanCheck.help.image':
    'This step makes sure a person is asking. Type the letters and digits in the picture from left to right; case does not matter. If you cannot see the picture, type "accessible".',
  'humanCheck.wrong': 'That is not right. {left} tries left.',
  'humanCheck.failed': 'The security check was answered wrongly three times. You can start again.',
  'humanCheck.expired': 'The security check has expired. Here is a new one.',

  'forgot.sent':
    'If this ID is registered with us, a link to set a new security word has been sent to the registered e-mail address. The link works once, for 30 minutes. If you cannot see the e-mail, wait a little and check your spam folder.',
  'forgot.canLogInNow': 'Your security word has been updated. You can now log in with "Şifreli Giriş" using your new security word.',
  'forgot.changedStillBlocked':
    'Your security word has been updated. Your account is still blocked after wrong tries, though, and only the call center can lift the block. To be able to log in, call the Kamu SM call center at {callCenter}.',

  'yesNo.yes': 'Yes',
  'yesNo.no': 'No',
  'yesNo.retry': 'Please answer "yes" or "no".',

  'login.wordPrompt': 'Please type your security word (Güvenlik Sözcüğü).',
  'login.wordCardTitle': 'Şifreli Giriş (log in)',
  'login.wordCardLabel': 'Security word (Güvenlik Sözcüğü)',
  'login.wordCardSubmit': 'Log in',
  'login.wordCardRequired': 'Please type your security word.',
  'login.wordHelp':
    'The security word is the word you chose when applying for your e-signature; it is on your NES application form (NES Başvuru Formu). If you do not remember it, type "I forgot": it uses up no try, and I will show you how to set a new one. Three wrong security words block the account.',
  'login.wrong':
    'The ID number or the security word is wrong. {left} tries left; after 3 wrong tries the account is blocked for your security.',
  'login.wrongLastTry':
    'The ID number or the security word is wrong. {left} try left; one more wrong try blocks the account for your security. If you do not remember the word, do not guess: type "I forgot" or choose "Güvenlik Sözcüğümü Unuttum", and we will send a reset link to your registered e-mail address.',
  'login.forgotOffer':
    'No problem, that used up no try. To set a new security word, choose "Güvenlik Sözcüğümü Unuttum"; we will send a reset link to your registered e-mail address.',
  'login.blocked':
    'This account is blocked after 3 wrong security words. To have it unblocked, call the Kamu SM call center at {callCenter}.',

  'sms.confirmPrompt':
    'SMS confirmation. Your phone number: {phone}\nTo open the İşlemler Menüsü we will send an SMS confirmation code to this number (free of charge). If the number is yours, choose "Onay".',
  'sms.choice.confirm': 'Onay (confirm)',
  'sms.choice.notMine': 'Bu numara bana ait değil (not my number)',
  'sms.confirmHelp':
    'We send a 6-digit SMS confirmation code to your registered mobile number. If the number is not yours, choose "Bu numara bana ait değil"; no SMS is sent.',
  'sms.notMine': 'No SMS was sent. If the registered number is not yours, call the Kamu SM call center at {callCenter} to update it.',
  'sms.codePrompt': 'Type the SMS confirmation code sent to your phone. Time left: {seconds} seconds.',
  'sms.codePromptAgain': 'Type the SMS confirmation code sent to your phone.',
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
  'sms.dailyLimit':
    'This phone number has been sent as many codes as allowed today, so I cannot send another. You can try again tomorrow or call the Kamu SM call center at {callCenter}.',
  'sms.sendFailed': 'The SMS could not be sent right now. Please try again shortly or call the Kamu SM call center at {callCenter}.',

  'menu.prompt': 'Dear {name}, choose an operation from the İşlemler Menüsü.',
  'menu.choice.activate': 'Kullanıma Aç (activate)',
  'menu.choice.revoke': 'Sertifikamı İptal Et (revoke)',
  'menu.choice.update': 'Bilgi Güncelle (update details)',
  'menu.choice.list': 'Sertifika Listele (list certificates)',
  'menu.choice.pinPuk': 'PIN / PUK Bilgisi (PIN / PUK)',
  'menu.choice.unlock': 'Kilit Çözme (unlock)',
  'menu.choice.logout': 'Çıkış (log out)',
  'menu.help':
    'From the İşlemler Menüsü you can activate a certificate that is waiting (Kullanıma Aç), revoke a certificate (Sertifikamı İptal Et), change your e-mail address or mobile number (Bilgi Güncelle), list your certificates, see or delete the PIN / PUK of your card, and get an unlock code for a card whose PIN and PUK are blocked (Kilit Çözme). The session closes after 5 minutes without activity or after 15 minutes in all. Type "logout" to leave.',

  'identification.expired': 'This step waited too long and has ended. Please start again.',

  'session.expired':
    'Your session has expired (it closes after 5 minutes without activity or after 15 minutes in all). Please log in again.',
  'session.loggedOut': 'You have been logged out.',

  'certificates.none': 'You have no certificates on record.',
  'certificates.header': 'Your certificates:',
  'certificates.line': '• {serial} ({kind}) — valid {from} – {to}{remaining} — status: {status} — {published}',
  'certificates.remaining': ' ({days} days left)',
  'certificates.remainingToday': ' (last day today)',
  'certificates.remainingExpired': ' (expired)',
  'certificates.expiresSoon': 'Your certificate {serial} expires on {date} ({days} days left).',
  'certificates.expired': 'Your certificate {serial} expired on {date}; you can no longer sign with it.',
  'certificates.pinPukState':
    'PIN and PUK: whether your card\'s PIN or PUK is blocked does not show in this list; the card software shows it. If only the PIN is blocked, unblock it with your PUK in the card software; if both are blocked, choose "Kilit Çözme" in the İşlemler Menüsü.',
  'certificates.status.pending': 'waiting for activation',
  'certificates.status.active': 'in use',
  'certificates.status.revoked': 'revoked',
  'certificates.published': 'published on the internet',
  'certificates.notPublished': 'not published',
  'expiry.header': 'The last day of each of your certificates:',
  'expiry.line': '• {serial}: last day {date}{remaining}',
  'expiry.none': 'You have no certificate in use or waiting for activation.',
  'renewal.steps':
    'How to renew a certificate:\n1. A qualified electronic certificate is not extended; renewing means applying to Kamu SM for a new certificate.\n2. Apply in the Başvuru (application) section of www.kamusm.gov.tr, which describes how to apply and which documents you need. We recommend applying before your certificate expires.\n3. The current fee for a new certificate is published on www.kamusm.gov.tr.\nFor questions, the call center: {callCenter}.',
  'start.topic.renewal':
    "Hello, I'm the e-İmza Assistant. If your certificate is about to expire or has expired, here is what to do to renew it.",

  'pinPuk.title': 'PIN and PUK',
  'pinPuk.hidden':
    'Your PIN and PUK have been hidden from this screen for your safety. To see them again, choose PIN / PUK Bilgisi in the İşlemler menu.',
  'pinPuk.notes':
    '• "Parolaları Sil" deletes your PIN and PUK permanently; not even Kamu SM can read them afterwards.\n• Warning: if you forget your PIN and PUK after deleting them, YOUR CERTIFICATE MUST BE REVOKED and issued again FOR A FEE.\n• For your security, Kamu SM recommends that your PIN / PUK are not kept anywhere and are deleted.\n• After an offline PIN / PUK change, the values shown here are no longer valid.',
  'pinPuk.card': 'Card serial number (Kart Seri Numarası): {serial}\nPIN: {pin}\nPUK: {puk}',
  'pinPuk.offlineChanged': '(The PIN / PUK of this card were changed offline; the values above are no longer valid.)',
  'pinPuk.deletedCard':
    'Card serial number (Kart Seri Numarası): {serial} — the PIN and PUK have been deleted. If you forgot them, the certificate must be revoked and issued again for a fee; use Sertifikamı İptal Et or call {callCenter}.',
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
  'pinPuk.notSavedHidden':
    'For your safety I have taken your PIN and PUK off the screen; they stay stored. To write them down, choose PIN / PUK Bilgisi in the İşlemler Menüsü again.',
  'pinPuk.deleteConfirm':
    'Warning: the PIN and PUK of card {cards} will be deleted permanently; not even Kamu SM can read them afterwards. If you forget them after deleting, YOUR CERTIFICATE MUST BE REVOKED and issued again FOR A FEE. Are you sure you want to delete them?',
  'pinPuk.deleteConfirmMany':
    'Warning: the PINs and PUKs of cards {cards} will be deleted permanently; not even Kamu SM can read them afterwards. If you forget them after deleting, YOUR CERTIFICATES MUST BE REVOKED and issued again FOR A FEE. Are you sure you want to delete them?',
  'pinPuk.deleteHelp': 'Only "yes" deletes; any other answer goes back without deleting.',
  'pinPuk.deleted': 'Your PIN and PUK have been deleted permanently.',
  'pinPuk.notDeleted': 'Nothing was deleted; your PIN and PUK are still stored.',
  'pinPuk.textChannel.never':
    'For your security, PIN and PUK are not shown over SMS or WhatsApp. To see them, log in with "Şifreli Giriş" in the web chat or in Microsoft Teams.',
  'pinPuk.textChannel.notRegisteredPhone':
    'Over SMS and WhatsApp, PIN and PUK are shown only when you write from your registered mobile number. Write from that number, or log in in the web chat or Teams.',

  'unlock.textChannel.never':
    'For your security, unlock codes are not shown over SMS or WhatsApp. To get one, log in with "Şifreli Giriş" in the web chat or in Microsoft Teams.',
  'unlock.textChannel.notRegisteredPhone':
    'Over SMS and WhatsApp, an unlock code is shown only when you write from your registered mobile number. Write from that number, or log in in the web chat or Teams.',

  'certificates.unknown': 'You have no certificate with the serial number {serial}.',

  'activate.none': 'You have no certificate waiting for activation.',
  'activate.prompt': 'Kullanıma Aç (activate): choose the certificate to activate.',
  'activate.help':
    'A new certificate cannot be used for e-signatures until it is activated with Kullanıma Aç. Type the serial number of a certificate in the list, or its number.',
  'activate.unavailable.active': '{serial} is already in use; there is no need to activate it.',
  'activate.unavailable.revoked':
    '{serial} has been revoked. A revoked certificate cannot be activated again; you need to apply for a new one.',
  'activate.confirm': 'Your certificate {serial} will be activated. Do you confirm?',
  'activate.confirmHelp': 'Only "yes" activates the certificate; with any other answer it keeps waiting.',
  'activate.notActivated': '{serial} was not activated; it keeps waiting for activation.',
  'activate.done': 'Your certificate {serial} is now activated. You can use it for e-signatures from now on.',

  'revoke.none': 'You have no certificate that can be revoked.',
  'revoke.prompt': 'Sertifikamı İptal Et (revoke): choose the certificate to revoke.',
  'revoke.help':
    'Type the serial number of a certificate in the list, or its number. I will then ask for the reason; nothing is revoked unless you type the last four characters of its serial number at the last step.',
  'revoke.unavailable.revoked': '{serial} has already been revoked.',
  'revoke.reasonPrompt': 'Why do you want certificate {serial} revoked?',
  'revoke.reasonHelp':
    'Choose "Kayıp / Çalıntı" if your card was lost or stolen, "Bilgi Değişikliği" if the details in the certificate (your surname, for example) have changed, "Anahtar Güvenliği" if you suspect someone else has had your card or PIN, and "Diğer" for any other reason.',
  'revoke.reason.lost-or-stolen': 'Kayıp / Çalıntı (lost or stolen)',
  'revoke.reason.details-changed': 'Bilgi Değişikliği (details changed)',
  'revoke.reason.key-compromise': 'Anahtar Güvenliği (key compromise)',
  'revoke.reason.other': 'Diğer (other)',
  'revoke.notePrompt': 'Please give the reason in a few words (at most {max} characters).',
  'revoke.noteHelp': 'Say in a few words why you want the certificate revoked; at most {max} characters.',
  'revoke.note.empty': 'Please give the reason in a few words.',
  'revoke.note.too-long': 'The reason can be at most {max} characters long; please make it shorter.',
  'revoke.warning':
    'Warning: revoking certificate {serial} CANNOT BE UNDONE. You will no longer be able to sign with it, and a new certificate means applying again and paying a FEE.\nIf you are sure, type the last four characters of its serial number: {lastFour}. Anything else ("cancel" included) ends this without changing your certificate.',
  'revoke.warningHelp':
    'To have the certificate revoked, type only the last four characters of serial number {serial}: {lastFour}. Any other answer, "cancel" and "iptal" included, ends this and leaves your certificate as it is.',
  'revoke.notRevoked': 'Nothing was revoked; certificate {serial} is unchanged.',
  'revoke.done':
    'Your certificate {serial} has been revoked. A notice has been sent to your registered e-mail address. To apply for a new certificate, call the Kamu SM call center at {callCenter}.',

  'update.prompt': 'Bilgi Güncelle (update details): what would you like to change?',
  'update.help':
    '"E-posta Adresi" changes your registered e-mail address, "Cep Telefonu" the mobile number we send SMS to. The new detail is saved only once it is confirmed.',
  'update.choice.email': 'E-posta Adresi (e-mail address)',
  'update.choice.phone': 'Cep Telefonu (mobile phone)',
  'update.phone.prompt': 'Please type your new mobile number (for example 0532 123 45 67).',
  'update.phone.help':
    'Type a Turkish mobile number: 0532 123 45 67, 532 123 45 67 or +90 532 123 45 67 all work. I will send an SMS confirmation code to it to make sure it is yours.',
  'update.phone.invalid.format': 'A phone number has only digits; spaces, dashes and a leading + are fine.',
  'update.phone.invalid.length': 'A mobile number has 10 digits without the leading 0 (for example 532 123 45 67).',
  'update.phone.invalid.not-mobile':
    'That is not a mobile number: Turkish mobile numbers start with 5 (for example 0532 …). Landlines cannot receive SMS.',
  'update.phone.invalid.foreign':
    'Only Turkish (+90) mobile numbers can be registered. For a number abroad, call the Kamu SM call center at {callCenter}.',
  'update.phone.same': 'That is already your registered mobile number.',
  'update.phone.codeSent': 'I have sent an SMS confirmation code to {phone}. Your number changes once you type that code.',
  'update.phone.codePrompt': 'Type the SMS confirmation code sent to your new number. Time left: {seconds} seconds.',
  'update.phone.codePromptAgain': 'Type the SMS confirmation code sent to your new number.',
  'update.phone.codeHelp':
    'The SMS confirmation code is the 6-digit number sent to your new mobile number; it is valid for 300 seconds. If it did not arrive, type "new code" after 60 seconds (at most 3 codes per login). Your number does not change until the code is confirmed.',
  'update.phone.codeDead': 'The SMS confirmation code was wrong 3 times and is no longer valid. Your mobile number has not been changed.',
  'update.phone.changed': 'Your mobile number has been updated. Your old number has been sent a notice by SMS.',
  'update.email.prompt': 'Please type your new e-mail address.',
  'update.email.help':
    'I will send a confirmation link to the new address. Your e-mail address changes once you open the link and confirm; the link works once, for 30 minutes.',
  'update.email.invalid': 'That does not look like an e-mail address (for example name.surname@example.com). Please type it again.',
  'update.email.same': 'That is already your registered e-mail address.',
  'update.email.sent':
    'I have sent a confirmation link to {email}. Open it within 30 minutes and confirm, and your e-mail address will change; until then your registered address stays as it is.',
  'update.email.limited':
    'At most 3 confirmation links can be sent in 24 hours. Please use the latest link you were sent, or try again later.',
  'update.email.changedTold':
    'Your e-mail address has been changed to {email}. A notice has also been sent to your old address. If this was not you, call our call center at {callCenter}.',

  'unlock.none': 'There is no card registered in your name.',
  'unlock.prompt': 'Kilit Çözme (unlock): choose the serial number of the card to unlock.',
  'unlock.help':
    'For a card whose PIN and PUK are blocked, I create a one-time unlock code to use in the card software. The card serial number (Kart Seri Numarası) is printed on the card.',
  'unlock.blockedPrompt': 'Are both the PIN and the PUK of card {card} blocked?',
  'unlock.blockedHelp':
    'The unlock code is only for a card whose PIN and PUK are both blocked. If only the PIN is blocked, you can unblock it with your PUK in the card software; answer "no" then.',
  'unlock.notBlocked': 'No unlock code was created. If only your PIN is blocked, you can unblock it with your PUK in the card software.',
  'unlock.code':
    'The unlock code for card {card}:\n{code}\nUse it at the Kilit Çözme (unlock) step of the card software. It works only for this card, once, within 24 hours. For your security it is shown only now and can never be shown again, so please write it down. Asking for a new code makes this one invalid.',
  'unlock.unknownCard': 'You have no card with the serial number {card}.',

  'handOff.queued':
    'I am passing you to a call-center agent. Your place in the queue: {position}. Estimated wait: {wait}. When an agent joins, you can write to them here. If you would rather not wait, call the call center {callCenterHours} on {callCenter}. Type "cancel" to leave the queue.',
  'handOff.stillQueued':
    'You are in the queue for an agent. Your place: {position}. Estimated wait: {wait}. Type "cancel" to leave it. Call center ({callCenterHours}): {callCenter}.',
  'handOff.wait.minutes': 'about {minutes} minutes',
  'handOff.wait.long': 'more than 30 minutes',
  'handOff.left': 'You have left the queue for an agent.',
  'handOff.full': 'All our agents are busy at the moment. Please call the call center: {callCenter}.',
  'handOff.connected':
    'A call-center agent has joined; what you type is passed on to them. Our agents never ask for your security word, codes or PIN/PUK, so do not type them. Type "end" to finish.',
  'handOff.fromAgent': 'Agent: {text}',
  'handOff.withheld':
    'This message looks like a code, a PIN or a security word, so it was not passed on to the agent. Never share your security word, codes or PIN/PUK with anyone.',
  'handOff.onlyText': 'Only text messages are passed on in this conversation.',
  'handOff.notDelivered': 'Your message could not be passed on. Please try again.',
  'handOff.endedForCitizen': 'The conversation with the agent has ended. You can carry on where you were, or type "menu" to start over.',
};
