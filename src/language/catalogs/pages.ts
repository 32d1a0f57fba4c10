/**
 * The web pages a citizen opens in a browser: the chat page, the security-word reset page and the
 * e-mail confirmation page. Screen labels are kept as citizens know them from Kamu SM's pages.
 * Placeholders are written {name}; {callCenter} is filled in by translate().
 */

export const tr = {
  'page.title': 'Güvenlik Sözcüğü Güncelleme Ekranı',
  'page.header': 'Bireysel Nitelikli Elektronik Sertifika İşlemleri',
  'page.intro':
    'Güvenlik sözcüğünüzü güncellemek için lütfen aşağıdaki alanları eksiksiz olarak doldurunuz. Güvenlik sözcüğünüzü belirlerken, sayı ve büyük/küçük harflerden oluşan kombinasyonları tercih etmenizi öneririz.',
  'page.rules':
    'Güvenlik sözcüğü 8–64 karakter olmalı, kimlik numaranızı içermemeli, yaygın bir parola ya da sözcük olmamalı ve şu anki güvenlik sözcüğünüzden farklı olmalıdır.',
  'page.word': 'Güvenlik Sözcüğü',
  'page.wordHint': 'Lütfen Güvenlik Sözcüğünüzü Giriniz',
  'page.repeat': 'Güvenlik Sözcüğü Tekrarı',
  'page.repeatHint': 'Lütfen Güvenlik Sözcüğünüzü Tekrar Giriniz',
  'page.submit': 'Gönder',
  'page.resultTitle': 'Sonuç',
  'page.success': 'Güvenlik sözcüğünüz başarıyla güncellendi. Artık sohbette "Şifreli Giriş" ile giriş yapabilirsiniz.',
  'page.successStillBlocked':
    "Güvenlik sözcüğünüz başarıyla güncellendi. Ancak hesabınız hatalı denemeler nedeniyle hâlâ bloke; blokeyi yalnızca Çağrı Merkezi kaldırabilir. Giriş yapabilmek için {callCenter} numaralı Çağrı Merkezi'mizi arayın.",
  'page.refused': 'Güvenlik sözcüğü kabul edilmedi:',
  'page.rule.too-short': 'En az 8 karakter olmalı.',
  'page.rule.too-long': 'En fazla 64 karakter olabilir.',
  'page.rule.contains-id': 'Kimlik numaranızı içeremez.',
  'page.rule.notAllowed': 'Bu sözcük güvenlik sözcüğü olarak kullanılamaz; lütfen başka bir sözcük seçin.',
  'page.rule.mismatch': 'İki alana yazdıklarınız aynı değil.',
  'page.link.expired': 'Bu bağlantının süresi dolmuş (bağlantılar 30 dakika geçerlidir). Sohbetten yeni bir bağlantı isteyebilirsiniz.',
  'page.link.used':
    'Bu bağlantı daha önce kullanılmış. Her bağlantı yalnızca bir kez kullanılabilir; gerekirse sohbetten yeni bir bağlantı isteyin.',
  'page.link.superseded': 'Bu bağlantının yerine daha yeni bir bağlantı gönderildi. Lütfen e-postanızdaki en son bağlantıyı kullanın.',
  'page.link.voided':
    'Bu bağlantıyla 5 kez kabul edilmeyen bir sözcük gönderildiği için bağlantı artık geçersiz. Sohbetten yeni bir bağlantı isteyebilirsiniz.',
  'page.link.unknown':
    'Bu bağlantı geçerli değil. Adresi e-postadan eksiksiz kopyaladığınızdan emin olun ya da sohbetten yeni bir bağlantı isteyin.',
  'page.csrf': 'Form süresi dolmuş ya da başka bir sayfadan gönderilmiş. Lütfen sayfayı yenileyip tekrar deneyin.',
  'page.tooLarge': 'Gönderilen form çok büyük.',
  'page.notFound': 'Aradığınız sayfa bulunamadı.',
  'page.footer': 'Yardım için Kamu SM Çağrı Merkezi: {callCenter}',
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
  'chatPage.guide.forgot':
    '“Güvenlik Sözcüğümü Unuttum”: kayıtlı e-posta adresinize yeni güvenlik sözcüğü belirleme bağlantısı gönderilir.',
  'chatPage.guide.login': '“Şifreli Giriş”: Kimlik No, güvenlik sözcüğü ve SMS onay koduyla İşlemler Menüsü’ne ulaşırsınız.',
  'chatPage.guide.commands':
    'Her adımda “yardım” yazarak açıklama alabilir, “iptal” yazarak işlemi bırakabilir, “menü” yazarak başa dönebilirsiniz.',
  'chatPage.privacy':
    'Yazışmalarınız yalnızca Kamu SM sunucularında işlenir ve kalıcı olarak saklanmaz. PIN ve PUK bilgileriniz 60 saniye sonra ekrandan gizlenir.',
  'chatPage.callCenter': 'Bir temsilciyle görüşmek isterseniz Kamu SM Çağrı Merkezi’ni arayabilirsiniz:',
  'chatPage.hiddenNote': 'Bu ileti güvenliğiniz için gizlendi.',

  'emailPage.title': 'E-posta Adresi Doğrulama',
  'emailPage.intro': 'Hesabınızın e-posta adresi {email} olarak değiştirilecek. Onaylamak için aşağıdaki düğmeye basın.',
  'emailPage.submit': 'Onayla',
  'emailPage.success': 'E-posta adresiniz başarıyla güncellendi. Eski adresinize de bilgilendirme e-postası gönderdik.',
} as const;

export const en: Record<keyof typeof tr, string> = {
  'page.title': 'Set a new security word (Güvenlik Sözcüğü Güncelleme)',
  'page.header': 'Kamu SM individual certificate services',
  'page.intro': 'Please fill in both fields to set your new security word. We recommend a mix of digits and upper- and lower-case letters.',
  'page.rules':
    'The security word must be 8–64 characters long, must not contain your ID number, must not be a common password or word, and must differ from your current one.',
  'page.word': 'Security word (Güvenlik Sözcüğü)',
  'page.wordHint': 'Type your new security word',
  'page.repeat': 'Repeat the security word',
  'page.repeatHint': 'Type it again',
  'page.submit': 'Submit',
  'page.resultTitle': 'Result',
  'page.success': 'Your security word has been updated. You can now log in with "Şifreli Giriş" in the chat.',
  'page.successStillBlocked':
    'Your security word has been updated. Your account is still blocked after wrong tries, though, and only the call center can lift the block. To be able to log in, call the Kamu SM call center at {callCenter}.',
  'page.refused': 'The security word was not accepted:',
  'page.rule.too-short': 'It must be at least 8 characters long.',
  'page.rule.too-long': 'It can be at most 64 characters long.',
  'page.rule.contains-id': 'It must not contain your ID number.',
  'page.rule.notAllowed': 'This word cannot be used as a security word; please choose another.',
  'page.rule.mismatch': 'The two fields do not match.',
  'page.link.expired': 'This link has expired (links work for 30 minutes). You can ask for a new one in the chat.',
  'page.link.used': 'This link has already been used. Each link works once; ask for a new one in the chat if needed.',
  'page.link.superseded': 'A newer link has been sent instead of this one. Please use the latest link in your e-mail.',
  'page.link.voided':
    'A word that was not accepted was sent 5 times with this link, so it no longer works. You can ask for a new link in the chat.',
  'page.link.unknown': 'This link is not valid. Make sure you copied the whole address from the e-mail, or ask for a new link in the chat.',
  'page.csrf': 'This form has expired or was sent from another page. Please reload the page and try again.',
  'page.tooLarge': 'The form you sent is too large.',
  'page.notFound': 'The page you are looking for was not found.',
  'page.footer': 'Help: Kamu SM call center, {callCenter}',
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
  'chatPage.guide.forgot':
    '“Güvenlik Sözcüğümü Unuttum” (forgot my security word): a link to set a new one is sent to your registered e-mail address.',
  'chatPage.guide.login': '“Şifreli Giriş” (log in): your ID number, security word and an SMS code take you to the İşlemler menu.',
  'chatPage.guide.commands': 'At any step, type “help” for an explanation, “cancel” to stop, or “menu” to start over.',
  'chatPage.privacy':
    'Your messages are processed only on Kamu SM’s servers and are not kept. Your PIN and PUK are hidden from the screen after 60 seconds.',
  'chatPage.callCenter': 'To talk to a person, call the Kamu SM call center:',
  'chatPage.hiddenNote': 'This message has been hidden for your safety.',

  'emailPage.title': 'Confirm your e-mail address (E-posta Adresi Doğrulama)',
  'emailPage.intro': 'The e-mail address of your account will be changed to {email}. Press the button below to confirm.',
  'emailPage.submit': 'Confirm',
  'emailPage.success': 'Your e-mail address has been updated. A notice has also been sent to your old address.',
};
