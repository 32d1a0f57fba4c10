/**
 * The Microsoft Teams app package: its names, descriptions and command list (deployment/teams);
 * and the expiry reminder the bot writes unprompted in a citizen's Teams chat (it never reaches a phone).
 * Placeholders are written {name}; {callCenter} is filled in by translate().
 */

export const tr = {
  'teams.name.short': 'e-İmza Yardımcısı',
  'teams.name.full': 'e-İmza Yardımcısı — Kamu SM Bireysel İşlemler',
  'teams.description.short': 'Güvenlik sözcüğü, Şifreli Giriş ve PIN / PUK işlemleri için Kamu SM yardımcısı',
  'teams.description.full':
    "Kamu SM nitelikli elektronik sertifikanızla ilgili Bireysel İşlemler'i bir sohbetle yapmanızı sağlar. Güvenlik sözcüğünüzü unuttuysanız kayıtlı e-posta adresinize bir yenileme bağlantısı isteyebilirsiniz. Şifreli Giriş ve SMS onayından sonra sertifikalarınızı listeleyebilir, kullanıma açabilir ya da iptal edebilir, iletişim bilgilerinizi güncelleyebilir, PIN / PUK bilgilerinizi görebilir ya da kalıcı olarak silebilirsiniz. PIN ve PUK bilgilerinizi gösteren mesaj bir dakika sonra ekrandan gizlenir. Sorularınız için Kamu SM Çağrı Merkezi: {callCenter}.",
  'teams.command.menu': 'menü',
  'teams.command.menu.description': 'Başa dönün ve yapabileceklerinizi görün.',
  'teams.command.help': 'yardım',
  'teams.command.help.description': 'Bulunduğunuz adımla ilgili açıklama alın.',
  'teams.command.cancel': 'iptal',
  'teams.command.cancel.description': 'Devam eden işlemi iptal edin.',
  'teams.command.agent': 'temsilci',
  'teams.command.agent.description': "Kamu SM Çağrı Merkezi'ne nasıl ulaşacağınızı öğrenin.",
  'teams.command.logout': 'çıkış',
  'teams.command.logout.description': 'Oturumunuzu kapatın.',
  'teams.command.language': 'English',
  'teams.command.language.description': 'Konuşmaya İngilizce devam edin.',
  // An expiry reminder told unprompted in a citizen's Teams chat with the bot.
  'reminder.expiry':
    'Hatırlatma: {serial} seri numaralı e-imza sertifikanızın süresi {date} tarihinde doluyor ({remaining}). Sertifikalar uzatılmaz; yenilemek için yeni bir sertifika başvurusu yapmanız gerekir. Adımları birlikte görmek için bana "yenileme" yazın.',
  'reminder.expiry.days': '{days} gün kaldı',
  'reminder.expiry.oneDay': '1 gün kaldı',
  'reminder.expiry.today': 'bugün son gün',
} as const;

export const en: Record<keyof typeof tr, string> = {
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
  'reminder.expiry':
    'Reminder: your e-signature certificate {serial} expires on {date} ({remaining}). A certificate is not extended; to renew it you apply for a new one. Write "renewal" to me and we will go through the steps.',
  'reminder.expiry.days': '{days} days left',
  'reminder.expiry.oneDay': '1 day left',
  'reminder.expiry.today': 'last day today',
};
