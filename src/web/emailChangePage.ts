import type { Request, Response, Server } from 'restify';
import { translate } from '../language/messages';
import type { EmailChangeService, StoredEmailLink } from '../domain/emailChange';
import { escapeHtml, sendPage } from './html';
import { LinkForm, linkPage, resultPage, sendLinkProblem, type FormContext, type LinkPageDependencies } from './linkForms';

export const EMAIL_CHANGE_PATH = '/e-posta-dogrulama';

/**
 * E-posta Adresi Doğrulama: the page the link mailed to a new address opens. Opening it changes
 * nothing; its confirm button (a POST protected against CSRF, see LinkForm) makes the new address
 * the registered one.
 */
export function mountEmailChangePage(
  server: Server,
  { emailChanges, ...deps }: LinkPageDependencies & { emailChanges: EmailChangeService },
): void {
  const linkForm = new LinkForm({ ...deps, path: EMAIL_CHANGE_PATH, cookie: 'ep_csrf' });

  server.get(`${EMAIL_CHANGE_PATH}/:token`, async (req: Request, res: Response) => {
    await linkForm.show(
      req,
      res,
      (token) => emailChanges.check(token),
      (form) => confirmPage(linkForm, form),
    );
  });

  server.post(`${EMAIL_CHANGE_PATH}/:token`, async (req: Request, res: Response) => {
    const received = await linkForm.receive(req, res);
    if (!received) return;
    const outcome = await emailChanges.confirm(received.token);
    if (outcome.result === 'link') return sendLinkProblem(res, received.locale, outcome.state);
    sendPage(res, 200, resultPage(received.locale, 'emailPage.success', true), { 'Set-Cookie': linkForm.clearCookie });
  });
}

function confirmPage(linkForm: LinkForm, { locale, token, csrf, link }: FormContext<StoredEmailLink>): string {
  const body = `<p>${escapeHtml(translate(locale, 'emailPage.intro', { email: link.newEmail }))}</p>
${linkForm.formStart(token, locale, csrf)}
<button type="submit">${escapeHtml(translate(locale, 'emailPage.submit'))}</button>
</form>`;
  return linkPage(locale, 'emailPage.title', body, linkForm.languageSwitch(token, locale));
}
