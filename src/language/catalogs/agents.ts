/**
 * What call-center agents read: the agent console page, the agent menu in the chat and the
 * agent's side of a hand-off.
 * Placeholders are written {name}; {callCenter} is filled in by translate().
 */

export const tr = {
  'agentConsole.title': 'Temsilci Konsolu',
  'agentConsole.intro':
    'Çağrı merkezi temsilcilerinin sohbet ekranı: vatandaş sorgulama, bloke kaldırma, sıfırlama bağlantısı gönderme ve bekleyen talepler.',
  'agentConsole.signIn.title': 'Temsilci Konsolu Girişi',
  'agentConsole.signIn.body':
    'Bu bağlantı size özeldir ve yalnızca bir kez, 15 dakika içinde kullanılabilir. Konsolu açmak için aşağıdaki düğmeye basın.',
  'agentConsole.signIn.button': 'Konsola giriş yap',
  'agentConsole.signIn.invalid':
    'Bu giriş bağlantısı geçersiz, süresi dolmuş ya da daha önce kullanılmış. Yöneticinizden yeni bir bağlantı isteyin.',
  'agentConsole.needSignIn': 'Temsilci Konsolu’nu kullanmak için yöneticinizin size verdiği kişisel giriş bağlantısını açın.',
  'agentConsole.signedOut': 'Temsilci Konsolu’ndan çıkış yaptınız.',
  'agentConsole.signOut': 'Konsoldan çık',
  'agentConsole.guideHeading': 'Konsolda neler yapılır?',
  'agentConsole.guide.lookup':
    '“Vatandaş Sorgula” ile Kimlik No’dan maskeli bilgileri, bloke durumunu ve son güvenlik olaylarını görürsünüz; güvenlik sözcüğü, kod ve PIN/PUK hiçbir zaman gösterilmez.',
  'agentConsole.guide.handOff':
    '“Bekleyen Talepler” ile temsilci isteyen vatandaşların sırasını görür, bir talebi alıp vatandaşla yazışırsınız.',
  'agentConsole.guide.audit': 'Yaptığınız her işlem temsilci kimliğinizle ve gerekçesiyle denetim kaydına yazılır.',

  'agent.greeting': 'Merhaba {name}. Çağrı merkezi temsilcisi olarak giriş yaptınız. Ne yapmak istersiniz?',
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
  'agent.unblock.reasonPrompt':
    '{id} numaralı vatandaşın blokesini neden kaldırıyorsunuz? Gerekçeyi yazın (en az {min} karakter); denetim kaydına yazılır.',
  'agent.unblock.reasonHelp':
    'Gerekçe, blokenin neden kaldırıldığını anlatmalı; örneğin "Vatandaş aradı, kimliği sorularla doğrulandı". Vazgeçmek için "iptal" yazın.',
  'agent.unblock.reasonRefused': 'Gerekçe en az {min}, en çok {max} karakter olmalı.',
  'agent.unblock.done':
    '{id} numaralı vatandaşın blokesi kaldırıldı, hatalı deneme sayacı sıfırlandı. Vatandaşın {email} adresine bilgi verildi.',
  'agent.resend.sent':
    '{id} numaralı vatandaşın kayıtlı e-posta adresine ({email}) yeni bir Güvenlik Sözcüğü Güncelleme bağlantısı gönderildi. Önceki bağlantılar geçersiz oldu.',
  'agent.resend.limited': '{id} numaralı vatandaşa son 24 saatte 3 bağlantı gönderilmiş; yeni bağlantı gönderilmedi.',
  'agent.queue.empty': 'Bekleyen talep yok.',
  'agent.queue.prompt': 'Bekleyen talepler: {count}. Hangisini alıyorsunuz?',
  'agent.queue.help': 'Talepler en uzun bekleyenden başlar. Numarasını yazdığınız talebin vatandaşıyla bağlanırsınız.',
  'agent.queue.entry': '{minutes} dakikadır bekliyor ({channel}, {language})',
  'agent.queue.entryJustNow': 'az önce geldi ({channel}, {language})',
  'agent.queue.back': 'Menüye dön',
  'agent.queue.taken':
    'Vatandaşla bağlandınız. Yazdıklarınız vatandaşa iletilir; vatandaşın yazdıkları "Vatandaş:" ile gelir. "ara" ve bir Kimlik No yalnızca size gösterilir, iletilmez. Bitirmek için "bitir" yazın.',
  'agent.queue.gone': 'Bu talep artık beklemiyor: başka bir temsilci aldı ya da vatandaş vazgeçti.',
  'agent.language.tr': 'Türkçe',
  'agent.language.en': 'İngilizce',

  'handOff.fromCitizen': 'Vatandaş: {text}',
  'handOff.endedForAgent': 'Vatandaşla görüşme sona erdi.',
  'handOff.citizenEnded': 'Vatandaş görüşmeyi sonlandırdı. Temsilci menüsü için "menü" yazın.',
} as const;

export const en: Record<keyof typeof tr, string> = {
  'agentConsole.title': 'Agent Console',
  'agentConsole.intro': 'The chat for call-center agents: look a citizen up, lift a block, send a reset link, and take waiting requests.',
  'agentConsole.signIn.title': 'Agent Console sign-in',
  'agentConsole.signIn.body': 'This link is yours alone and works once, within 15 minutes. Press the button below to open the console.',
  'agentConsole.signIn.button': 'Sign in to the console',
  'agentConsole.signIn.invalid':
    'This sign-in link is not valid, has expired or has been used already. Ask your administrator for a new one.',
  'agentConsole.needSignIn': 'To use the Agent Console, open the personal sign-in link your administrator gave you.',
  'agentConsole.signedOut': 'You have signed out of the Agent Console.',
  'agentConsole.signOut': 'Sign out of the console',
  'agentConsole.guideHeading': 'What you can do here',
  'agentConsole.guide.lookup':
    '“Vatandaş Sorgula” shows a citizen’s masked details, block state and last security events by ID; a security word, code or PIN/PUK is never shown.',
  'agentConsole.guide.handOff': '“Bekleyen Talepler” lists the citizens waiting for an agent; take one to chat with them.',
  'agentConsole.guide.audit': 'Everything you do is written to the audit log with your agent id and reason.',

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
  'agent.idHelp': 'Type the citizen\'s 11-digit Turkish ID number or passport number. Type "menu" to go back to the menu.',
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
  'agent.unblock.reasonPrompt':
    'Why are you lifting the block of citizen {id}? Type the reason (at least {min} characters); it goes to the audit log.',
  'agent.unblock.reasonHelp':
    'The reason should say why the block is lifted, such as "Citizen called, identity checked with questions". Type "cancel" to stop.',
  'agent.unblock.reasonRefused': 'The reason must have at least {min} and at most {max} characters.',
  'agent.unblock.done':
    'The block of citizen {id} is lifted and the failed-attempt counter is reset. The citizen has been told at {email}.',
  'agent.resend.sent':
    'A new link to set the security word has been sent to the registered e-mail address of citizen {id} ({email}). Earlier links no longer work.',
  'agent.resend.limited': 'Citizen {id} has had 3 links in the last 24 hours; no new link was sent.',
  'agent.queue.empty': 'No requests are waiting.',
  'agent.queue.prompt': 'Waiting requests: {count}. Which one do you take?',
  'agent.queue.help': 'The longest-waiting request comes first. Type its number to be connected to that citizen.',
  'agent.queue.entry': 'waiting {minutes} min ({channel}, {language})',
  'agent.queue.entryJustNow': 'just arrived ({channel}, {language})',
  'agent.queue.back': 'Back to the menu',
  'agent.queue.taken':
    'You are connected to the citizen. What you type is passed on; the citizen\'s messages arrive as "Citizen:". "lookup" with an ID number is shown only to you, never passed on. Type "end" to finish.',
  'agent.queue.gone': 'This request is no longer waiting: another agent took it or the citizen left.',
  'agent.language.tr': 'Turkish',
  'agent.language.en': 'English',

  'handOff.fromCitizen': 'Citizen: {text}',
  'handOff.endedForAgent': 'The conversation with the citizen has ended.',
  'handOff.citizenEnded': 'The citizen has ended the conversation. Type "menu" for the agent menu.',
};
