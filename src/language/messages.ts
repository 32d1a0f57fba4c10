import type { Locale } from './locale';

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
  'global.sourcePaused':
    'Çok sayıda hatalı deneme yapıldığından yeni giriş denemeleri güvenlik amacıyla {minutes} dakika durduruldu. Yardım için Çağrı Merkezi: {callCenter}.',
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
  'humanCheck.image.accessibleChoice': 'Erişilebilir soru (resim yerine yazı)',
  'humanCheck.image.accessibleWord': 'erişilebilir',
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
  'page.rule.notAllowed': 'Bu sözcük güvenlik sözcüğü olarak kullanılamaz; lütfen başka bir sözcük seçin.',
  'page.rule.mismatch': 'İki alana yazdıklarınız aynı değil.',
  'page.link.expired': 'Bu bağlantının süresi dolmuş (bağlantılar 30 dakika geçerlidir). Sohbetten yeni bir bağlantı isteyebilirsiniz.',
  'page.link.used': 'Bu bağlantı daha önce kullanılmış. Her bağlantı yalnızca bir kez kullanılabilir; gerekirse sohbetten yeni bir bağlantı isteyin.',
  'page.link.superseded': 'Bu bağlantının yerine daha yeni bir bağlantı gönderildi. Lütfen e-postanızdaki en son bağlantıyı kullanın.',
  'page.link.voided':
    'Bu bağlantıyla 5 kez kabul edilmeyen bir sözcük gönderildiği için bağlantı artık geçersiz. Sohbetten yeni bir bağlantı isteyebilirsiniz.',
  'page.link.unknown': 'Bu bağlantı geçerli değil. Adresi e-postadan eksiksiz kopyaladığınızdan emin olun ya da sohbetten yeni bir bağlantı isteyin.',
  'page.csrf': 'Form süresi dolmuş ya da başka bir sayfadan gönderilmiş. Lütfen sayfayı yenileyip tekrar deneyin.',
  'page.tooLarge': 'Gönderilen form çok büyük.',
  'page.notFound': 'Aradığınız sayfa bulunamadı.',
  'page.footer': 'Yardım için Kamu SM Çağrı Merkezi: 0262 648 18 18',
  'page.languageSwitch': 'English',
  'page.languageNav': 'Dil seçimi',
  'page.skipLink': 'Ana içeriğe geç',
  'page.callCenterLabel': 'Çağrı Merkezi',

  'chatPage.title': 'e-İmza Yardımcısı',
  'chatPage.intro':
    'Nitelikli elektronik sertifikanızla ilgili işlemleri bu sohbetle yapabilirsiniz: güvenlik sözcüğünüzü yenileyebilir, Şifreli Giriş ve SMS onayıyla İşlemler Menüsü’ne ulaşabilirsiniz.',
  'chatPage.skipLink': 'Sohbete geç',
  'chatPage.chatHeading': 'Sohbet',
  'chatPage.loading': 'Sohbet açılıyor…',
  'chatPage.unavailable': 'Sohbet şu anda açılamadı. Lütfen sayfayı yenileyin ya da Çağrı Merkezi’ni arayın: {callCenter}.',
  'chatPage.noscript': 'Sohbeti kullanmak için tarayıcınızda JavaScript açık olmalıdır. Yardım için Çağrı Merkezi: {callCenter}.',
  'chatPage.guideHeading': 'Neler yapabilirsiniz?',
  'chatPage.guide.forgot': '“Güvenlik Sözcüğümü Unuttum”: kayıtlı e-posta adresinize yeni güvenlik sözcüğü belirleme bağlantısı gönderilir.',
  'chatPage.guide.login': '“Şifreli Giriş”: Kimlik No, güvenlik sözcüğü ve SMS onay koduyla İşlemler Menüsü’ne ulaşırsınız.',
  'chatPage.guide.commands': 'Her adımda “yardım” yazarak açıklama alabilir, “iptal” yazarak işlemi bırakabilir, “menü” yazarak başa dönebilirsiniz.',
  'chatPage.privacy':
    'Yazışmalarınız yalnızca Kamu SM sunucularında işlenir ve kalıcı olarak saklanmaz. PIN ve PUK bilgileriniz 60 saniye sonra ekrandan gizlenir.',
  'chatPage.callCenter': 'Bir temsilciyle görüşmek isterseniz Kamu SM Çağrı Merkezi’ni arayabilirsiniz:',
  'chatPage.hiddenNote': 'Bu ileti güvenliğiniz için gizlendi.',
  'yesNo.yes': 'Evet',
  'yesNo.no': 'Hayır',
  'yesNo.retry': 'Lütfen "evet" ya da "hayır" yazın.',

  'login.wordPrompt': 'Güvenlik Sözcüğünüzü yazın.',
  'login.wordCardTitle': 'Şifreli Giriş',
  'login.wordCardLabel': 'Güvenlik Sözcüğü',
  'login.wordCardSubmit': 'Giriş',
  'login.wordCardRequired': 'Lütfen güvenlik sözcüğünüzü yazın.',
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
  'sms.dailyLimit':
    'Bu telefon numarasına bugün gönderilebilecek en fazla kod sayısına ulaşıldı, yeni kod gönderemiyorum. Yarın yeniden deneyebilir ya da Çağrı Merkezi\'ni arayabilirsiniz: 0262 648 18 18.',
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
    'İşlemler Menüsü\'nden bekleyen sertifikanızı kullanıma açabilir (Kullanıma Aç), sertifikanızı iptal ettirebilir (Sertifikamı İptal Et), e-posta adresinizi ya da cep telefonu numaranızı değiştirebilir (Bilgi Güncelle), sertifikalarınızı listeleyebilir, kartınızın PIN / PUK bilgisini görebilir ya da silebilir ve PIN\'i ile PUK\'u bloke olmuş kartınız için kilit çözme kodu alabilirsiniz (Kilit Çözme). Oturumunuz 5 dakika işlem yapılmazsa ya da 15 dakika sonunda kapanır. Çıkmak için "Çıkış" yazın.',
  'identification.expired': 'Bu işlem uzun süre beklediği için sona erdi. Lütfen baştan başlayın.',
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
  'agentConsole.title': 'Temsilci Konsolu',
  'agentConsole.intro': 'Çağrı merkezi temsilcilerinin sohbet ekranı: vatandaş sorgulama, bloke kaldırma, sıfırlama bağlantısı gönderme ve bekleyen talepler.',
  'agentConsole.signIn.title': 'Temsilci Konsolu Girişi',
  'agentConsole.signIn.body': 'Bu bağlantı size özeldir ve yalnızca bir kez, 15 dakika içinde kullanılabilir. Konsolu açmak için aşağıdaki düğmeye basın.',
  'agentConsole.signIn.button': 'Konsola giriş yap',
  'agentConsole.signIn.invalid': 'Bu giriş bağlantısı geçersiz, süresi dolmuş ya da daha önce kullanılmış. Yöneticinizden yeni bir bağlantı isteyin.',
  'agentConsole.needSignIn': 'Temsilci Konsolu’nu kullanmak için yöneticinizin size verdiği kişisel giriş bağlantısını açın.',
  'agentConsole.signedOut': 'Temsilci Konsolu’ndan çıkış yaptınız.',
  'agentConsole.signOut': 'Konsoldan çık',
  'agentConsole.guideHeading': 'Konsolda neler yapılır?',
  'agentConsole.guide.lookup': '“Vatandaş Sorgula” ile Kimlik No’dan maskeli bilgileri, bloke durumunu ve son güvenlik olaylarını görürsünüz; güvenlik sözcüğü, kod ve PIN/PUK hiçbir zaman gösterilmez.',
  'agentConsole.guide.handOff': '“Bekleyen Talepler” ile temsilci isteyen vatandaşların sırasını görür, bir talebi alıp vatandaşla yazışırsınız.',
  'agentConsole.guide.audit': 'Yaptığınız her işlem temsilci kimliğinizle ve gerekçesiyle denetim kaydına yazılır.',
  'pinPuk.hidden': 'PIN ve PUK bilgileriniz güvenliğiniz için bu ekrandan gizlendi. Yeniden görmek için İşlemler Menüsü’nden PIN / PUK Bilgisi’ni seçebilirsiniz.',
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
  'pinPuk.textChannel.never':
    'Güvenliğiniz için PIN ve PUK bilgileri SMS ve WhatsApp\'ta gösterilmez. Görmek için web sohbetinden ya da Microsoft Teams\'ten "Şifreli Giriş" yapın.',
  'pinPuk.textChannel.notRegisteredPhone':
    'PIN ve PUK bilgileri SMS ve WhatsApp\'ta yalnızca kayıtlı cep telefonunuzdan yazdığınızda gösterilir. Kayıtlı numaranızdan yazın ya da web sohbeti veya Teams\'ten giriş yapın.',
  'unlock.textChannel.never':
    'Güvenliğiniz için kilit çözme kodu SMS ve WhatsApp\'ta gösterilmez. Kodu almak için web sohbetinden ya da Microsoft Teams\'ten "Şifreli Giriş" yapın.',
  'unlock.textChannel.notRegisteredPhone':
    'Kilit çözme kodu SMS ve WhatsApp\'ta yalnızca kayıtlı cep telefonunuzdan yazdığınızda gösterilir. Kayıtlı numaranızdan yazın ya da web sohbeti veya Teams\'ten giriş yapın.',

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
    'Listedeki sertifikanın seri numarasını ya da sıra numarasını yazın. Ardından iptal nedenini soracağım; son adımda İPTAL yazmadıkça sertifikanız iptal edilmez.',
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
    'Dikkat: {serial} sertifikanızın iptali GERİ ALINAMAZ. İptalden sonra bu sertifikayla e-imza atamazsınız; yeni bir sertifikayı ancak yeniden başvurarak ve ÜCRET KARŞILIĞINDA alabilirsiniz.\nİptali onaylıyorsanız {word} yazın. Başka bir şey yazarsanız işlem sonlanır ve sertifikanızda değişiklik yapılmaz.',
  'revoke.warningHelp':
    'Sertifikanızı iptal ettirmek için yalnızca {word} sözcüğünü yazın. "Vazgeç" dahil başka her yanıt işlemi sonlandırır; sertifikanızda değişiklik yapılmaz.',
  'revoke.notRevoked': 'İptal işlemi yapılmadı; {serial} sertifikanızda değişiklik yok.',
  'revoke.done':
    '{serial} seri numaralı sertifikanız iptal edildi. Kayıtlı e-posta adresinize bilgilendirme e-postası gönderdik. Yeni sertifika başvurusu için 0262 648 18 18 numaralı Çağrı Merkezi\'mizi arayabilirsiniz.',

  'update.prompt': 'Bilgi Güncelle: hangi bilginizi değiştirmek istersiniz?',
  'update.help':
    '"E-posta Adresi" ile kayıtlı e-posta adresinizi, "Cep Telefonu" ile SMS gönderdiğimiz cep telefonu numaranızı değiştirebilirsiniz. Yeni bilgi ancak doğrulandıktan sonra kaydedilir.',
  'update.choice.email': 'E-posta Adresi',
  'update.choice.phone': 'Cep Telefonu',
  'update.phone.prompt': 'Yeni cep telefonu numaranızı yazın (örneğin 0532 123 45 67).',
  'update.phone.help':
    'Türkiye\'deki bir cep telefonu numarası yazın: 0532 123 45 67, 532 123 45 67 ya da +90 532 123 45 67 biçiminde olabilir. Numarayı doğrulamak için ona bir SMS Onay Kodu göndereceğim.',
  'update.phone.invalid.format': 'Telefon numarası yalnızca rakamlardan oluşmalı; boşluk, tire ve baştaki + işareti olabilir.',
  'update.phone.invalid.length': 'Cep telefonu numarası, baştaki 0 olmadan 10 haneli olmalı (örneğin 532 123 45 67).',
  'update.phone.invalid.not-mobile': 'Bu bir cep telefonu numarası değil: cep telefonu numaraları 5 ile başlar (örneğin 0532 …). Sabit hatlara SMS gönderilemez.',
  'update.phone.invalid.foreign':
    'Yalnızca Türkiye\'deki (+90) cep telefonu numaraları kaydedilebilir. Yurt dışı numarası için 0262 648 18 18 numaralı Çağrı Merkezi\'mizi arayın.',
  'update.phone.same': 'Bu numara zaten kayıtlı cep telefonu numaranız.',
  'update.phone.codeSent': '{phone} numarasına bir SMS Onay Kodu gönderdim. Numaranız, bu kodu yazdığınızda değişecek.',
  'update.phone.codePrompt': 'Yeni numaranıza gelen SMS Onay Kodunu yazın. Kalan süre: {seconds} saniye.',
  'update.phone.codeHelp':
    'SMS Onay Kodu, yeni cep telefonu numaranıza gönderilen 6 haneli sayıdır; 300 saniye geçerlidir. Kod gelmediyse 60 saniye sonra "yeni kod" yazabilirsiniz (bir girişte en fazla 3 kod). Kod doğrulanmadan numaranız değişmez.',
  'update.phone.codeDead': 'SMS Onay Kodu 3 kez hatalı girildiği için geçersiz oldu. Cep telefonu numaranız değiştirilmedi.',
  'update.phone.codeMessage': 'Kamu SM telefon numarasi dogrulama kodunuz: {code}. 5 dk gecerlidir, kimseyle paylasmayin.',
  'update.phone.changed': 'Cep telefonu numaranız güncellendi. Eski numaranıza da bilgilendirme SMS\'i gönderdim.',
  'update.email.prompt': 'Yeni e-posta adresinizi yazın.',
  'update.email.help':
    'Yeni adresinize bir doğrulama bağlantısı göndereceğim. E-posta adresiniz, bağlantıyı açıp onayladığınızda değişir; bağlantı 30 dakika geçerlidir ve bir kez kullanılabilir.',
  'update.email.invalid': 'Bu bir e-posta adresine benzemiyor (örneğin ad.soyad@ornek.com.tr). Lütfen tekrar yazın.',
  'update.email.same': 'Bu adres zaten kayıtlı e-posta adresiniz.',
  'update.email.sent':
    '{email} adresine bir doğrulama bağlantısı gönderdim. Bağlantıyı 30 dakika içinde açıp onayladığınızda e-posta adresiniz değişecek; o zamana kadar kayıtlı adresiniz geçerli.',
  'update.email.limited':
    '24 saat içinde en fazla 3 doğrulama bağlantısı gönderilebilir. Lütfen size en son gönderilen bağlantıyı kullanın ya da daha sonra yeniden deneyin.',

  'unlock.none': 'Adınıza kayıtlı bir kart bulunmuyor.',
  'unlock.prompt': 'Kilit Çözme: kilidini çözmek istediğiniz kartın seri numarasını seçin.',
  'unlock.help':
    'PIN\'i ve PUK\'u bloke olmuş kartınız için kart yazılımında kullanacağınız tek kullanımlık bir kilit çözme kodu oluşturuyorum. Kart Seri Numarası kartınızın üzerinde yazılıdır.',
  'unlock.blockedPrompt': '{card} kartınızın hem PIN\'i hem de PUK\'u bloke oldu mu?',
  'unlock.blockedHelp':
    'Kilit çözme kodu yalnızca PIN\'i ve PUK\'u birlikte bloke olmuş kartlar içindir. Yalnızca PIN\'iniz bloke olduysa kart yazılımında PUK\'unuzla açabilirsiniz; o durumda "hayır" yazın.',
  'unlock.notBlocked':
    'Kilit çözme kodu oluşturulmadı. Yalnızca PIN\'iniz bloke olduysa kart yazılımında PUK\'unuzu kullanarak PIN\'inizin blokesini kaldırabilirsiniz.',
  'unlock.code':
    '{card} kartınızın kilit çözme kodu:\n{code}\nBu kodu kart yazılımında Kilit Çözme adımında kullanın. Kod yalnızca bu kart için, 24 saat boyunca ve bir kez geçerlidir. Güvenliğiniz için kod yalnızca şimdi gösterilir, bir daha gösterilemez; lütfen not alın. Yeni bir kod isterseniz bu kod geçersiz olur.',
  'unlock.unknownCard': '{card} seri numaralı bir kartınız bulunamadı.',

  'mail.revoked.subject': 'Sertifikanız iptal edildi',
  'mail.revoked.body':
    'Sayın {name},\n\n{serial} seri numaralı nitelikli elektronik sertifikanız "{reason}" nedeniyle iptal edildi. İptal geri alınamaz; yeni bir sertifika için ücret karşılığında yeniden başvurmanız gerekir.\n\nBu işlemi siz yapmadıysanız hemen Kamu SM Çağrı Merkezi\'ni arayın: 0262 648 18 18\n\nSaygılarımızla,\nKamu SM, Kamu Sertifikasyon Merkezi',
  'mail.emailLink.subject': 'E-posta adresinizi doğrulayın',
  'mail.emailLink.body':
    'Sayın {name},\n\nBireysel Nitelikli Elektronik Sertifika İşlemleri hesabınızın e-posta adresi olarak bu adresin kaydedilmesi istendi. Onaylamak için aşağıdaki bağlantıyı açın:\n\n{link}\n\nBağlantı 30 dakika geçerlidir ve yalnızca bir kez kullanılabilir. Bu isteği siz yapmadıysanız bu e-postayı dikkate almayın; hiçbir bilginiz değişmez.\n\nSorularınız için Kamu SM Çağrı Merkezi: 0262 648 18 18\n\nSaygılarımızla,\nKamu SM, Kamu Sertifikasyon Merkezi',
  'mail.emailChanged.subject': 'E-posta adresiniz değiştirildi',
  'mail.emailChanged.body':
    'Sayın {name},\n\nBireysel Nitelikli Elektronik Sertifika İşlemleri hesabınızın e-posta adresi {email} olarak değiştirildi. Bundan sonraki e-postalarımızı bu adrese göndereceğiz.\n\nBu değişikliği siz yapmadıysanız hemen Kamu SM Çağrı Merkezi\'ni arayın: 0262 648 18 18\n\nSaygılarımızla,\nKamu SM, Kamu Sertifikasyon Merkezi',
  'sms.phoneChanged':
    'Kamu SM: Bireysel islemler hesabinizin cep telefonu numarasi {phone} olarak degistirildi. Bu islemi siz yapmadiysaniz 0262 648 18 18 numarali Cagri Merkezini arayin.',

  'emailPage.title': 'E-posta Adresi Doğrulama',
  'emailPage.intro': 'Hesabınızın e-posta adresi {email} olarak değiştirilecek. Onaylamak için aşağıdaki düğmeye basın.',
  'emailPage.submit': 'Onayla',
  'emailPage.success': 'E-posta adresiniz başarıyla güncellendi. Eski adresinize de bilgilendirme e-postası gönderdik.',

  'teams.name.short': 'e-İmza Yardımcısı',
  'teams.name.full': 'e-İmza Yardımcısı — Kamu SM Bireysel İşlemler',
  'teams.description.short': 'Güvenlik sözcüğü, Şifreli Giriş ve PIN / PUK işlemleri için Kamu SM yardımcısı',
  'teams.description.full':
    'Kamu SM nitelikli elektronik sertifikanızla ilgili Bireysel İşlemler\'i bir sohbetle yapmanızı sağlar. Güvenlik sözcüğünüzü unuttuysanız kayıtlı e-posta adresinize bir yenileme bağlantısı isteyebilirsiniz. Şifreli Giriş ve SMS onayından sonra sertifikalarınızı listeleyebilir, kullanıma açabilir ya da iptal edebilir, iletişim bilgilerinizi güncelleyebilir, PIN / PUK bilgilerinizi görebilir ya da kalıcı olarak silebilirsiniz. PIN ve PUK bilgilerinizi gösteren mesaj bir dakika sonra ekrandan gizlenir. Sorularınız için Kamu SM Çağrı Merkezi: {callCenter}.',
  'teams.command.menu': 'menü',
  'teams.command.menu.description': 'Başa dönün ve yapabileceklerinizi görün.',
  'teams.command.help': 'yardım',
  'teams.command.help.description': 'Bulunduğunuz adımla ilgili açıklama alın.',
  'teams.command.cancel': 'iptal',
  'teams.command.cancel.description': 'Yürüyen işlemi bırakın.',
  'teams.command.agent': 'temsilci',
  'teams.command.agent.description': 'Kamu SM Çağrı Merkezi\'ne nasıl ulaşacağınızı öğrenin.',
  'teams.command.logout': 'çıkış',
  'teams.command.logout.description': 'Oturumunuzu kapatın.',
  'teams.command.language': 'English',
  'teams.command.language.description': 'Konuşmaya İngilizce devam edin.',

  'mail.blocked.subject': 'Hesabınız bloke edildi',
  'mail.blocked.body':
    'Sayın {name},\n\nBireysel Nitelikli Elektronik Sertifika İşlemleri hesabınız, güvenlik sözcüğü 3 kez hatalı girildiği için bloke edildi.\n\nBu denemeleri siz yapmadıysanız ya da blokeyi kaldırmak istiyorsanız Kamu SM Çağrı Merkezi\'ni arayın: 0262 648 18 18\n\nSaygılarımızla,\nKamu SM, Kamu Sertifikasyon Merkezi',

  'agent.greeting': 'Merhaba {name}. Çağrı merkezi temsilcisi olarak tanındınız. Ne yapmak istersiniz?',
  'agent.again': 'Temsilci menüsü: ne yapmak istersiniz?',
  'agent.choice.lookup': 'Vatandaş Sorgula',
  'agent.choice.unblock': 'Blokeyi Kaldır',
  'agent.choice.resend': 'Sıfırlama Bağlantısı Gönder',
  'agent.choice.queue': 'Bekleyen Talepler',
  'agent.help':
    'Vatandaş Sorgula: maskeli bilgileri, bloke durumunu ve son güvenlik olaylarını gösterir; kısaca "ara" ve Kimlik No da yazabilirsiniz.\nBlokeyi Kaldır: gerekçeyle blokeyi kaldırır, vatandaşa e-posta gider.\nSıfırlama Bağlantısı Gönder: kayıtlı e-posta adresine yeni bir Güvenlik Sözcüğü Güncelleme bağlantısı gönderir.\nBekleyen Talepler: temsilci isteyen vatandaşlar.\nHer işleminiz, temsilci kimliğinizle denetim kaydına yazılır.',
  'agent.forAgents': 'Temsilci isteyen vatandaşları "Bekleyen Talepler" ile görebilirsiniz.',
  'agent.idPrompt': "Vatandaşın Kimlik No'sunu yazın (T.C. Kimlik Numarası ya da pasaport numarası).",
  'agent.idHelp': 'Vatandaşın 11 haneli T.C. Kimlik Numarasını ya da pasaport numarasını yazın. Menüye dönmek için "menü" yazın.',
  'agent.notFound': '{id} kimlik numarasıyla kayıtlı bir vatandaş bulunamadı.',
  'agent.view': 'Vatandaş {id}\nAd Soyad: {name}\nE-posta: {email}\nTelefon: {phone}\nDurum: {state}\nHatalı deneme: {attempts}/{max}',
  'agent.view.blocked': 'Bloke ({since} tarihinden beri)',
  'agent.view.notBlocked': 'Bloke değil',
  'agent.view.events': 'Son güvenlik olayları:',
  'agent.view.noEvents': 'Kayıtlı güvenlik olayı yok.',
  'agent.event.login.success': 'Başarılı giriş',
  'agent.event.login.failure': 'Hatalı güvenlik sözcüğü',
  'agent.event.login.refused-blocked': 'Bloke hesapla giriş denemesi',
  'agent.event.account.blocked': 'Hesap bloke edildi',
  'agent.event.account.unblocked': 'Bloke kaldırıldı',
  'agent.event.reset-link.sent': 'Sıfırlama bağlantısı gönderildi',
  'agent.event.reset-link.limited': 'Günlük bağlantı sınırına takıldı',
  'agent.event.security-word.changed': 'Güvenlik sözcüğü değiştirildi',
  'agent.event.sms-code.sent': 'SMS Onay kodu gönderildi',
  'agent.event.sms-code.failed': 'SMS gönderilemedi',
  'agent.event.pinpuk.shown': 'PIN / PUK görüntülendi',
  'agent.event.pinpuk.deleted': 'PIN / PUK silindi',
  'agent.event.certificate.revoked': 'Sertifika iptal edildi',
  'agent.event.contact.email-changed': 'E-posta adresi değiştirildi',
  'agent.event.contact.phone-changed': 'Telefon numarası değiştirildi',
  'agent.event.unlock-code.issued': 'Kilit çözme kodu verildi',
  'agent.event.agent.lookup': 'Temsilci sorgusu',
  'agent.unblock.notBlocked': '{id} numaralı vatandaşın hesabı bloke değil; kaldırılacak bir bloke yok.',
  'agent.unblock.reasonPrompt': '{id} numaralı vatandaşın blokesini neden kaldırıyorsunuz? Gerekçeyi yazın (en az {min} karakter); denetim kaydına yazılır.',
  'agent.unblock.reasonHelp': 'Gerekçe, blokenin neden kaldırıldığını anlatmalı; örneğin "Vatandaş aradı, kimliği sorularla doğrulandı". Vazgeçmek için "iptal" yazın.',
  'agent.unblock.reasonRefused': 'Gerekçe en az {min}, en çok {max} karakter olmalı.',
  'agent.unblock.done': '{id} numaralı vatandaşın blokesi kaldırıldı, hatalı deneme sayacı sıfırlandı. Vatandaşa {email} adresinden bilgi verildi.',
  'agent.resend.sent': '{id} numaralı vatandaşın kayıtlı e-posta adresine ({email}) yeni bir Güvenlik Sözcüğü Güncelleme bağlantısı gönderildi. Önceki bağlantılar geçersiz oldu.',
  'agent.resend.limited': '{id} numaralı vatandaşa son 24 saatte 3 bağlantı gönderilmiş; yeni bağlantı gönderilmedi.',
  'agent.queue.empty': 'Bekleyen talep yok.',
  'agent.queue.prompt': 'Bekleyen talepler: {count}. Hangisini alıyorsunuz?',
  'agent.queue.help': 'Talepler en uzun bekleyenden başlar. Numarasını yazdığınız talebin vatandaşıyla bağlanırsınız.',
  'agent.queue.entry': '{minutes} dakikadır bekliyor ({channel}, {language})',
  'agent.queue.back': 'Menüye dön',
  'agent.queue.taken':
    'Vatandaşla bağlandınız. Yazdıklarınız vatandaşa iletilir; vatandaşın yazdıkları "Vatandaş:" ile gelir. "ara" ve bir Kimlik No yalnızca size gösterilir, iletilmez. Bitirmek için "bitir" yazın.',
  'agent.queue.gone': 'Bu talep artık beklemiyor: başka bir temsilci aldı ya da vatandaş vazgeçti.',
  'agent.language.tr': 'Türkçe',
  'agent.language.en': 'İngilizce',

  'handOff.queued':
    'Sizi bir çağrı merkezi temsilcisine aktarıyorum. Sıradaki yeriniz: {position}. Temsilci bağlanınca burada yazışabilirsiniz. Beklemek istemezseniz Çağrı Merkezi: {callCenter}. Sıradan çıkmak için "iptal" yazın.',
  'handOff.stillQueued': 'Temsilci sırasındasınız; sıradaki yeriniz: {position}. Sıradan çıkmak için "iptal" yazın. Çağrı Merkezi: {callCenter}.',
  'handOff.left': 'Temsilci sırasından çıktınız.',
  'handOff.full': 'Şu anda bütün temsilcilerimiz meşgul. Lütfen Çağrı Merkezi\'ni arayın: {callCenter}.',
  'handOff.connected':
    'Bir çağrı merkezi temsilcisi bağlandı; yazdıklarınız temsilciye iletilecek. Temsilcimiz güvenlik sözcüğünüzü, kodlarınızı ya da PIN/PUK\'unuzu asla sormaz; bunları yazmayın. Bitirmek için "bitir" yazın.',
  'handOff.fromAgent': 'Temsilci: {text}',
  'handOff.fromCitizen': 'Vatandaş: {text}',
  'handOff.withheld': 'Bu mesaj bir koda ya da PIN\'e benzediği için temsilciye iletilmedi. Güvenlik sözcüğünüzü, kodlarınızı ve PIN/PUK\'unuzu kimseyle paylaşmayın.',
  'handOff.onlyText': 'Görüşmede yalnızca yazılı mesajlar iletilir.',
  'handOff.notDelivered': 'Mesajınız karşı tarafa iletilemedi. Lütfen tekrar deneyin.',
  'handOff.endedForCitizen': 'Temsilciyle görüşme sona erdi. Kaldığınız yerden devam edebilir ya da "menü" yazarak başa dönebilirsiniz.',
  'handOff.endedForAgent': 'Vatandaşla görüşme sona erdi.',
  'handOff.citizenEnded': 'Vatandaş görüşmeyi sonlandırdı. Temsilci menüsü için "menü" yazın.',

  'mail.unblocked.subject': 'Hesabınızın blokesi kaldırıldı',
  'mail.unblocked.body':
    'Sayın {name},\n\nBireysel Nitelikli Elektronik Sertifika İşlemleri hesabınızın blokesi Kamu SM Çağrı Merkezi tarafından kaldırıldı. Güvenlik sözcüğünüzle yeniden Şifreli Giriş yapabilirsiniz.\n\nBu işlemi siz istemediyseniz hemen Kamu SM Çağrı Merkezi\'ni arayın: 0262 648 18 18\n\nSaygılarımızla,\nKamu SM, Kamu Sertifikasyon Merkezi',
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
  'global.sourcePaused':
    'After too many failed attempts, new sign-ins are paused for {minutes} minutes for security. For help call {callCenter}.',
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
  'page.rule.notAllowed': 'This word cannot be used as a security word; please choose another.',
  'page.rule.mismatch': 'The two fields do not match.',
  'page.link.expired': 'This link has expired (links work for 30 minutes). You can ask for a new one in the chat.',
  'page.link.used': 'This link has already been used. Each link works once; ask for a new one in the chat if needed.',
  'page.link.superseded': 'A newer link has been sent instead of this one. Please use the latest link in your e-mail.',
  'page.link.voided': 'A word that was not accepted was sent 5 times with this link, so it no longer works. You can ask for a new link in the chat.',
  'page.link.unknown': 'This link is not valid. Make sure you copied the whole address from the e-mail, or ask for a new link in the chat.',
  'page.csrf': 'This form has expired or was sent from another page. Please reload the page and try again.',
  'page.tooLarge': 'The form you sent is too large.',
  'page.notFound': 'The page you are looking for was not found.',
  'page.footer': 'Help: Kamu SM call center, +90 262 648 18 18',
  'page.languageSwitch': 'Türkçe',
  'page.languageNav': 'Language',
  'page.skipLink': 'Skip to main content',
  'page.callCenterLabel': 'Call center',

  'chatPage.title': 'e-İmza Assistant (e-İmza Yardımcısı)',
  'chatPage.intro':
    'Use this chat for your qualified electronic certificate: set a new security word, or log in with Şifreli Giriş and SMS confirmation to reach the İşlemler menu.',
  'chatPage.skipLink': 'Skip to the chat',
  'chatPage.chatHeading': 'Chat',
  'chatPage.loading': 'Opening the chat…',
  'chatPage.unavailable': 'The chat could not be opened just now. Please reload the page or call the call center: {callCenter}.',
  'chatPage.noscript': 'The chat needs JavaScript to be turned on in your browser. For help, call the call center: {callCenter}.',
  'chatPage.guideHeading': 'What can I do here?',
  'chatPage.guide.forgot': '“Güvenlik Sözcüğümü Unuttum” (forgot my security word): a link to set a new one is sent to your registered e-mail address.',
  'chatPage.guide.login': '“Şifreli Giriş” (log in): your ID number, security word and an SMS code take you to the İşlemler menu.',
  'chatPage.guide.commands': 'At any step, type “help” for an explanation, “cancel” to stop, or “menu” to start over.',
  'chatPage.privacy':
    'Your messages are processed only on Kamu SM’s servers and are not kept. Your PIN and PUK are hidden from the screen after 60 seconds.',
  'chatPage.callCenter': 'To talk to a person, call the Kamu SM call center:',
  'chatPage.hiddenNote': 'This message has been hidden for your safety.',
  'yesNo.yes': 'Yes',
  'yesNo.no': 'No',
  'yesNo.retry': 'Please answer "yes" or "no".',

  'login.wordPrompt': 'Please type your security word (Güvenlik Sözcüğü).',
  'login.wordCardTitle': 'Şifreli Giriş (log in)',
  'login.wordCardLabel': 'Security word (Güvenlik Sözcüğü)',
  'login.wordCardSubmit': 'Log in',
  'login.wordCardRequired': 'Please type your security word.',
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
  'sms.dailyLimit':
    'This phone number has been sent as many codes as allowed today, so I cannot send another. You can try again tomorrow or call the Kamu SM call center at +90 262 648 18 18.',
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
    'From the İşlemler Menüsü you can activate a certificate that is waiting (Kullanıma Aç), revoke a certificate (Sertifikamı İptal Et), change your e-mail address or mobile number (Bilgi Güncelle), list your certificates, see or delete the PIN / PUK of your card, and get an unlock code for a card whose PIN and PUK are blocked (Kilit Çözme). The session closes after 5 minutes without activity or after 15 minutes in all. Type "logout" to leave.',
  'identification.expired': 'This step waited too long and has ended. Please start again.',
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
  'agentConsole.title': 'Agent Console',
  'agentConsole.intro': 'The chat for call-center agents: look a citizen up, lift a block, send a reset link, and take waiting requests.',
  'agentConsole.signIn.title': 'Agent Console sign-in',
  'agentConsole.signIn.body': 'This link is yours alone and works once, within 15 minutes. Press the button below to open the console.',
  'agentConsole.signIn.button': 'Sign in to the console',
  'agentConsole.signIn.invalid': 'This sign-in link is not valid, has expired or has been used already. Ask your administrator for a new one.',
  'agentConsole.needSignIn': 'To use the Agent Console, open the personal sign-in link your administrator gave you.',
  'agentConsole.signedOut': 'You have signed out of the Agent Console.',
  'agentConsole.signOut': 'Sign out of the console',
  'agentConsole.guideHeading': 'What you can do here',
  'agentConsole.guide.lookup': '“Vatandaş Sorgula” shows a citizen’s masked details, block state and last security events by ID; a security word, code or PIN/PUK is never shown.',
  'agentConsole.guide.handOff': '“Bekleyen Talepler” lists the citizens waiting for an agent; take one to chat with them.',
  'agentConsole.guide.audit': 'Everything you do is written to the audit log with your agent id and reason.',
  'pinPuk.hidden': 'Your PIN and PUK have been hidden from this screen for your safety. To see them again, choose PIN / PUK Bilgisi in the İşlemler menu.',
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
    'Type the serial number of a certificate in the list, or its number. I will then ask for the reason; nothing is revoked unless you type İPTAL at the last step.',
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
    'Warning: revoking certificate {serial} CANNOT BE UNDONE. You will no longer be able to sign with it, and a new certificate means applying again and paying a FEE.\nIf you are sure, type {word} (the word on Kamu SM\'s screens for revocation). Anything else ends this without changing your certificate.',
  'revoke.warningHelp':
    'To have the certificate revoked, type only the word {word}. Any other answer, "cancel" included, ends this and leaves your certificate as it is.',
  'revoke.notRevoked': 'Nothing was revoked; certificate {serial} is unchanged.',
  'revoke.done':
    'Your certificate {serial} has been revoked. A notice has been sent to your registered e-mail address. To apply for a new certificate, call the Kamu SM call center at +90 262 648 18 18.',

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
  'update.phone.invalid.not-mobile': 'That is not a mobile number: Turkish mobile numbers start with 5 (for example 0532 …). Landlines cannot receive SMS.',
  'update.phone.invalid.foreign':
    'Only Turkish (+90) mobile numbers can be registered. For a number abroad, call the Kamu SM call center at +90 262 648 18 18.',
  'update.phone.same': 'That is already your registered mobile number.',
  'update.phone.codeSent': 'I have sent an SMS confirmation code to {phone}. Your number changes once you type that code.',
  'update.phone.codePrompt': 'Type the SMS confirmation code sent to your new number. Time left: {seconds} seconds.',
  'update.phone.codeHelp':
    'The SMS confirmation code is the 6-digit number sent to your new mobile number; it is valid for 300 seconds. If it did not arrive, type "new code" after 60 seconds (at most 3 codes per login). Your number does not change until the code is confirmed.',
  'update.phone.codeDead': 'The SMS confirmation code was wrong 3 times and is no longer valid. Your mobile number has not been changed.',
  'update.phone.codeMessage': 'Kamu SM phone number confirmation code: {code}. Valid for 5 minutes. Do not share it.',
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

  'unlock.none': 'There is no card registered in your name.',
  'unlock.prompt': 'Kilit Çözme (unlock): choose the serial number of the card to unlock.',
  'unlock.help':
    'For a card whose PIN and PUK are blocked, I create a one-time unlock code to use in the card software. The card serial number (Kart Seri Numarası) is printed on the card.',
  'unlock.blockedPrompt': 'Are both the PIN and the PUK of card {card} blocked?',
  'unlock.blockedHelp':
    'The unlock code is only for a card whose PIN and PUK are both blocked. If only the PIN is blocked, you can unblock it with your PUK in the card software; answer "no" then.',
  'unlock.notBlocked':
    'No unlock code was created. If only your PIN is blocked, you can unblock it with your PUK in the card software.',
  'unlock.code':
    'The unlock code for card {card}:\n{code}\nUse it at the Kilit Çözme (unlock) step of the card software. It works only for this card, once, within 24 hours. For your security it is shown only now and can never be shown again, so please write it down. Asking for a new code makes this one invalid.',
  'unlock.unknownCard': 'You have no card with the serial number {card}.',

  'mail.revoked.subject': 'Your certificate has been revoked',
  'mail.revoked.body':
    'Dear {name},\n\nYour qualified electronic certificate {serial} has been revoked, for the reason "{reason}". A revocation cannot be undone; a new certificate means applying again and paying a fee.\n\nIf this was not you, call the Kamu SM call center at once: +90 262 648 18 18\n\nKind regards,\nKamu SM, Public Certification Authority',
  'mail.emailLink.subject': 'Please confirm your e-mail address',
  'mail.emailLink.body':
    'Dear {name},\n\nThis address was given as the new e-mail address of your Kamu SM individual certificate services account. To confirm it, open the link below:\n\n{link}\n\nThe link works once, for 30 minutes. If you did not ask for this, ignore this e-mail; nothing changes.\n\nQuestions: Kamu SM call center, +90 262 648 18 18\n\nKind regards,\nKamu SM, Public Certification Authority',
  'mail.emailChanged.subject': 'Your e-mail address was changed',
  'mail.emailChanged.body':
    'Dear {name},\n\nThe e-mail address of your Kamu SM individual certificate services account has been changed to {email}. From now on we will write to that address.\n\nIf this was not you, call the Kamu SM call center at once: +90 262 648 18 18\n\nKind regards,\nKamu SM, Public Certification Authority',
  'sms.phoneChanged':
    'Kamu SM: the mobile number of your individual certificate services account has been changed to {phone}. If this was not you, call +90 262 648 18 18.',

  'emailPage.title': 'Confirm your e-mail address (E-posta Adresi Doğrulama)',
  'emailPage.intro': 'The e-mail address of your account will be changed to {email}. Press the button below to confirm.',
  'emailPage.submit': 'Confirm',
  'emailPage.success': 'Your e-mail address has been updated. A notice has also been sent to your old address.',

  'teams.name.short': 'e-İmza Assistant',
  'teams.name.full': 'e-İmza Assistant — Kamu SM individual services (e-İmza Yardımcısı)',
  'teams.description.short': 'Kamu SM assistant for the security word, Şifreli Giriş and PIN / PUK',
  'teams.description.full':
    'Do the Kamu SM individual services (Bireysel İşlemler) for your qualified electronic certificate in a chat. If you have forgotten your security word, ask for a renewal link to be sent to your registered e-mail address. After Şifreli Giriş (log in) and the SMS confirmation, list your certificates, activate or revoke them, update your contact details, and see your PIN and PUK or delete them for good. The message that shows your PIN and PUK is hidden from the screen after a minute. For questions, call the Kamu SM call center: {callCenter}.',
  'teams.command.menu': 'menu',
  'teams.command.menu.description': 'Start over and see what you can do.',
  'teams.command.help': 'help',
  'teams.command.help.description': 'Get an explanation of the current step.',
  'teams.command.cancel': 'cancel',
  'teams.command.cancel.description': 'Stop what is going on.',
  'teams.command.agent': 'agent',
  'teams.command.agent.description': 'Find out how to reach the Kamu SM call center.',
  'teams.command.logout': 'logout',
  'teams.command.logout.description': 'Log out.',
  'teams.command.language': 'Türkçe',
  'teams.command.language.description': 'Continue the conversation in Turkish.',

  'mail.blocked.subject': 'Your account has been blocked',
  'mail.blocked.body':
    'Dear {name},\n\nYour Kamu SM individual certificate services account has been blocked because the security word was entered wrongly 3 times.\n\nIf these tries were not yours, or to have the account unblocked, call the Kamu SM call center: +90 262 648 18 18\n\nKind regards,\nKamu SM, Public Certification Authority',

  'agent.greeting': 'Hello {name}. You are recognized as a call-center agent. What would you like to do?',
  'agent.again': 'Agent menu: what would you like to do?',
  'agent.choice.lookup': 'Look up a citizen',
  'agent.choice.unblock': 'Lift a block',
  'agent.choice.resend': 'Send a reset link',
  'agent.choice.queue': 'Waiting requests',
  'agent.help':
    'Look up a citizen: masked details, block state and the last security events; "lookup" followed by the ID number works too.\nLift a block: lifts it with a reason, and the citizen is e-mailed.\nSend a reset link: a new link to set the security word, to the registered e-mail address.\nWaiting requests: citizens who asked for an agent.\nEverything you do is written to the audit log with your agent id.',
  'agent.forAgents': 'Citizens who asked for an agent are listed under "Waiting requests".',
  'agent.idPrompt': "Type the citizen's Kimlik No (Turkish ID number or passport number).",
  'agent.idHelp': "Type the citizen's 11-digit Turkish ID number or passport number. Type \"menu\" to go back to the menu.",
  'agent.notFound': 'No citizen is registered with the ID number {id}.',
  'agent.view': 'Citizen {id}\nName: {name}\nE-mail: {email}\nPhone: {phone}\nState: {state}\nFailed attempts: {attempts}/{max}',
  'agent.view.blocked': 'Blocked (since {since})',
  'agent.view.notBlocked': 'Not blocked',
  'agent.view.events': 'Last security events:',
  'agent.view.noEvents': 'No security events recorded.',
  'agent.event.login.success': 'Logged in',
  'agent.event.login.failure': 'Wrong security word',
  'agent.event.login.refused-blocked': 'Login tried while blocked',
  'agent.event.account.blocked': 'Account blocked',
  'agent.event.account.unblocked': 'Block lifted',
  'agent.event.reset-link.sent': 'Reset link sent',
  'agent.event.reset-link.limited': 'Daily reset-link limit reached',
  'agent.event.security-word.changed': 'Security word changed',
  'agent.event.sms-code.sent': 'SMS Onay code sent',
  'agent.event.sms-code.failed': 'SMS could not be sent',
  'agent.event.pinpuk.shown': 'PIN / PUK viewed',
  'agent.event.pinpuk.deleted': 'PIN / PUK deleted',
  'agent.event.certificate.revoked': 'Certificate revoked',
  'agent.event.contact.email-changed': 'E-mail address changed',
  'agent.event.contact.phone-changed': 'Phone number changed',
  'agent.event.unlock-code.issued': 'Unlock code issued',
  'agent.event.agent.lookup': 'Agent lookup',
  'agent.unblock.notBlocked': 'The account of citizen {id} is not blocked; there is no block to lift.',
  'agent.unblock.reasonPrompt': 'Why are you lifting the block of citizen {id}? Type the reason (at least {min} characters); it goes to the audit log.',
  'agent.unblock.reasonHelp': 'The reason should say why the block is lifted, such as "Citizen called, identity checked with questions". Type "cancel" to stop.',
  'agent.unblock.reasonRefused': 'The reason must have at least {min} and at most {max} characters.',
  'agent.unblock.done': 'The block of citizen {id} is lifted and the failed-attempt counter is reset. The citizen has been told at {email}.',
  'agent.resend.sent': 'A new link to set the security word has been sent to the registered e-mail address of citizen {id} ({email}). Earlier links no longer work.',
  'agent.resend.limited': 'Citizen {id} has had 3 links in the last 24 hours; no new link was sent.',
  'agent.queue.empty': 'No requests are waiting.',
  'agent.queue.prompt': 'Waiting requests: {count}. Which one do you take?',
  'agent.queue.help': 'The longest-waiting request comes first. Type its number to be connected to that citizen.',
  'agent.queue.entry': 'waiting {minutes} min ({channel}, {language})',
  'agent.queue.back': 'Back to the menu',
  'agent.queue.taken':
    'You are connected to the citizen. What you type is passed on; the citizen\'s messages arrive as "Citizen:". "lookup" with an ID number is shown only to you, never passed on. Type "end" to finish.',
  'agent.queue.gone': 'This request is no longer waiting: another agent took it or the citizen left.',
  'agent.language.tr': 'Turkish',
  'agent.language.en': 'English',

  'handOff.queued':
    'I am passing you to a call-center agent. Your place in the queue: {position}. When an agent joins, you can write to them here. If you would rather not wait, call {callCenter}. Type "cancel" to leave the queue.',
  'handOff.stillQueued': 'You are in the queue for an agent; your place: {position}. Type "cancel" to leave it. Call center: {callCenter}.',
  'handOff.left': 'You have left the queue for an agent.',
  'handOff.full': 'All our agents are busy at the moment. Please call the call center: {callCenter}.',
  'handOff.connected':
    'A call-center agent has joined; what you type is passed on to them. Our agents never ask for your security word, codes or PIN/PUK, so do not type them. Type "end" to finish.',
  'handOff.fromAgent': 'Agent: {text}',
  'handOff.fromCitizen': 'Citizen: {text}',
  'handOff.withheld': 'This message looks like a code or PIN, so it was not passed on to the agent. Never share your security word, codes or PIN/PUK with anyone.',
  'handOff.onlyText': 'Only text messages are passed on in this conversation.',
  'handOff.notDelivered': 'Your message could not be passed on. Please try again.',
  'handOff.endedForCitizen': 'The conversation with the agent has ended. You can carry on where you were, or type "menu" to start over.',
  'handOff.endedForAgent': 'The conversation with the citizen has ended.',
  'handOff.citizenEnded': 'The citizen has ended the conversation. Type "menu" for the agent menu.',

  'mail.unblocked.subject': 'The block on your account has been lifted',
  'mail.unblocked.body':
    'Dear {name},\n\nThe block on your Kamu SM individual certificate services account has been lifted by the Kamu SM call center. You can log in again (Şifreli Giriş) with your security word.\n\nIf you did not ask for this, call the Kamu SM call center at once: +90 262 648 18 18\n\nKind regards,\nKamu SM, Public Certification Authority',
};

const catalogs: Record<Locale, Record<MessageKey, string>> = { tr, en };

/** Every message key, for checks that must cover the whole catalog (such as the SMS length budget). */
export const MESSAGE_KEYS = Object.keys(tr) as MessageKey[];

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
