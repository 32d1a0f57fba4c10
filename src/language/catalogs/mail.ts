/**
 * The e-mails sent to a citizen: reset and confirmation links, notices of changes to the account, and
 * reminders of a certificate's expiry.
 * Placeholders are written {name}; {callCenter} is filled in by translate().
 */

export const tr = {
  'mail.resetLink.subject': 'Güvenlik Sözcüğü Güncelleme bağlantınız',
  'mail.resetLink.body':
    'Sayın {name},\n\nAşağıdaki bağlantıyı kullanarak Bireysel Nitelikli Elektronik Sertifika İşlemleri için gerekli olan Güvenlik Sözcüğünüzü oluşturabilirsiniz:\n\n{link}\n\nBağlantı 30 dakika geçerlidir ve yalnızca bir kez kullanılabilir. Bu isteği siz yapmadıysanız bu e-postayı dikkate almayın; güvenlik sözcüğünüz değişmez.\n\nSorularınız için Kamu SM Çağrı Merkezi: {callCenter}\n\nSaygılarımızla,\nKamu SM, Kamu Sertifikasyon Merkezi',
  'mail.wordChanged.subject': 'Güvenlik sözcüğünüz değiştirildi',
  'mail.wordChanged.body':
    "Sayın {name},\n\nBireysel Nitelikli Elektronik Sertifika İşlemleri güvenlik sözcüğünüz az önce değiştirildi.\n\nBu değişikliği siz yapmadıysanız hemen Kamu SM Çağrı Merkezi'ni arayın: {callCenter}\n\nSaygılarımızla,\nKamu SM, Kamu Sertifikasyon Merkezi",
  'mail.revoked.subject': 'Sertifikanız iptal edildi',
  'mail.revoked.reasonWithNote': '{reason}: {note}',
  'mail.revoked.body':
    'Sayın {name},\n\n{serial} seri numaralı nitelikli elektronik sertifikanız "{reason}" nedeniyle iptal edildi. İptal geri alınamaz; yeni bir sertifika için ücret karşılığında yeniden başvurmanız gerekir.\n\nBu işlemi siz yapmadıysanız hemen Kamu SM Çağrı Merkezi\'ni arayın: {callCenter}\n\nSaygılarımızla,\nKamu SM, Kamu Sertifikasyon Merkezi',
  'mail.emailLink.subject': 'E-posta adresinizi doğrulayın',
  'mail.emailLink.body':
    'Sayın {name},\n\nBireysel Nitelikli Elektronik Sertifika İşlemleri hesabınızın e-posta adresi olarak bu adresin kaydedilmesi istendi. Onaylamak için aşağıdaki bağlantıyı açın:\n\n{link}\n\nBağlantı 30 dakika geçerlidir ve yalnızca bir kez kullanılabilir. Bu isteği siz yapmadıysanız bu e-postayı dikkate almayın; hiçbir bilginiz değişmez.\n\nSorularınız için Kamu SM Çağrı Merkezi: {callCenter}\n\nSaygılarımızla,\nKamu SM, Kamu Sertifikasyon Merkezi',
  'mail.emailChanged.subject': 'E-posta adresiniz değiştirildi',
  'mail.emailChanged.body':
    "Sayın {name},\n\nBireysel Nitelikli Elektronik Sertifika İşlemleri hesabınızın e-posta adresi {email} olarak değiştirildi. Bundan sonraki e-postalarımızı bu adrese göndereceğiz.\n\nBu değişikliği siz yapmadıysanız hemen Kamu SM Çağrı Merkezi'ni arayın: {callCenter}\n\nSaygılarımızla,\nKamu SM, Kamu Sertifikasyon Merkezi",
  'mail.blocked.subject': 'Hesabınız bloke edildi',
  'mail.blocked.body':
    "Sayın {name},\n\nBireysel Nitelikli Elektronik Sertifika İşlemleri hesabınız, güvenlik sözcüğü 3 kez hatalı girildiği için bloke edildi.\n\nBu denemeleri siz yapmadıysanız ya da blokeyi kaldırmak istiyorsanız Kamu SM Çağrı Merkezi'ni arayın: {callCenter}\n\nSaygılarımızla,\nKamu SM, Kamu Sertifikasyon Merkezi",
  'mail.unblocked.subject': 'Hesabınızın blokesi kaldırıldı',
  'mail.unblocked.body':
    "Sayın {name},\n\nBireysel Nitelikli Elektronik Sertifika İşlemleri hesabınızın blokesi Kamu SM Çağrı Merkezi tarafından kaldırıldı. Güvenlik sözcüğünüzle yeniden Şifreli Giriş yapabilirsiniz.\n\nBu işlemi siz istemediyseniz hemen Kamu SM Çağrı Merkezi'ni arayın: {callCenter}\n\nSaygılarımızla,\nKamu SM, Kamu Sertifikasyon Merkezi",
  'mail.expiry.subject': 'E-imza sertifikanızın süresi {when} doluyor',
  'mail.expiry.inDays': '{days} gün sonra',
  'mail.expiry.tomorrow': 'yarın',
  'mail.expiry.today': 'bugün',
  'mail.expiry.left.days': '{days} gün kaldı',
  'mail.expiry.left.oneDay': '1 gün kaldı',
  'mail.expiry.left.today': 'bugün son gün',
  'mail.expiry.body':
    "Sayın {name},\n\n{serial} seri numaralı nitelikli elektronik sertifikanızın süresi {date} tarihinde doluyor: {remaining}. Bu tarihten sonra sertifikanızla e-imza atamazsınız.\n\nSertifikalar uzatılmaz; yenilemek, Kamu SM'ye yeni bir sertifika başvurusu yapmak demektir. Başvuru yolları ve gerekli belgeler www.kamusm.gov.tr adresindeki Başvuru bölümünde anlatılır; güncel ücret de kurumun bu sitesinde yayımlanır. Başvurunuzu süre dolmadan yaparsanız e-imzanız kesintisiz kullanılabilir.\n\nYenileme adımlarını e-İmza Yardımcısı ile konuşarak öğrenebilirsiniz:\n{link}\n\nSorularınız için Kamu SM Çağrı Merkezi: {callCenter}\n\nSaygılarımızla,\nKamu SM, Kamu Sertifikasyon Merkezi",
} as const;

export const en: Record<keyof typeof tr, string> = {
  'mail.resetLink.subject': 'Your link to set a new security word',
  'mail.resetLink.body':
    'Dear {name},\n\nUse the link below to set the security word (güvenlik sözcüğü) for the Kamu SM individual certificate services:\n\n{link}\n\nThe link works once, for 30 minutes. If you did not ask for it, ignore this e-mail; your security word stays as it is.\n\nQuestions: Kamu SM call center, {callCenter}\n\nKind regards,\nKamu SM, Public Certification Authority',
  'mail.wordChanged.subject': 'Your security word was changed',
  'mail.wordChanged.body':
    'Dear {name},\n\nThe security word (güvenlik sözcüğü) of your Kamu SM individual certificate services account has just been changed.\n\nIf this was not you, call the Kamu SM call center at once: {callCenter}\n\nKind regards,\nKamu SM, Public Certification Authority',
  'mail.revoked.subject': 'Your certificate has been revoked',
  'mail.revoked.reasonWithNote': '{reason}: {note}',
  'mail.revoked.body':
    'Dear {name},\n\nYour qualified electronic certificate {serial} has been revoked, for the reason "{reason}". A revocation cannot be undone; a new certificate means applying again and paying a fee.\n\nIf this was not you, call the Kamu SM call center at once: {callCenter}\n\nKind regards,\nKamu SM, Public Certification Authority',
  'mail.emailLink.subject': 'Please confirm your e-mail address',
  'mail.emailLink.body':
    'Dear {name},\n\nThis address was given as the new e-mail address of your Kamu SM individual certificate services account. To confirm it, open the link below:\n\n{link}\n\nThe link works once, for 30 minutes. If you did not ask for this, ignore this e-mail; nothing changes.\n\nQuestions: Kamu SM call center, {callCenter}\n\nKind regards,\nKamu SM, Public Certification Authority',
  'mail.emailChanged.subject': 'Your e-mail address was changed',
  'mail.emailChanged.body':
    'Dear {name},\n\nThe e-mail address of your Kamu SM individual certificate services account has been changed to {email}. From now on we will write to that address.\n\nIf this was not you, call the Kamu SM call center at once: {callCenter}\n\nKind regards,\nKamu SM, Public Certification Authority',
  'mail.blocked.subject': 'Your account has been blocked',
  'mail.blocked.body':
    'Dear {name},\n\nYour Kamu SM individual certificate services account has been blocked because the security word was entered wrongly 3 times.\n\nIf these tries were not yours, or to have the account unblocked, call the Kamu SM call center: {callCenter}\n\nKind regards,\nKamu SM, Public Certification Authority',
  'mail.unblocked.subject': 'The block on your account has been lifted',
  'mail.unblocked.body':
    'Dear {name},\n\nThe block on your Kamu SM individual certificate services account has been lifted by the Kamu SM call center. You can log in again (Şifreli Giriş) with your security word.\n\nIf you did not ask for this, call the Kamu SM call center at once: {callCenter}\n\nKind regards,\nKamu SM, Public Certification Authority',
  'mail.expiry.subject': 'Your e-signature certificate expires {when}',
  'mail.expiry.inDays': 'in {days} days',
  'mail.expiry.tomorrow': 'tomorrow',
  'mail.expiry.today': 'today',
  'mail.expiry.left.days': '{days} days left',
  'mail.expiry.left.oneDay': '1 day left',
  'mail.expiry.left.today': 'today is its last day',
  'mail.expiry.body':
    'Dear {name},\n\nYour qualified electronic certificate {serial} expires on {dateInWords} ({date}): {remaining}. After that day you cannot sign with it.\n\nA certificate is not extended: renewing it means applying to Kamu SM for a new certificate. How to apply and which documents you need are described in the Başvuru (application) section of www.kamusm.gov.tr; the current fee is published on that site too. If you apply before the expiry date, you can go on signing without a gap.\n\nYou can go through the renewal steps in a chat with the e-İmza Assistant:\n{link}\n\nQuestions: Kamu SM call center, {callCenter}\n\nKind regards,\nKamu SM, Public Certification Authority',
};
