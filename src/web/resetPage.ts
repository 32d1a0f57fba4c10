import type { Request, Response, Server } from 'restify';
import { translate, type MessageKey } from '../language/messages';
import type { Locale } from '../language/locale';
import type { ResetLinkService } from '../domain/resetLinks';
import { escapeHtml, sendPage } from './html';
import type { PolicyRule } from '../domain/securityWords';
import { LinkForm, linkPage, messagePage, resultPage, sendLinkProblem, type LinkPageDependencies } from './linkForms';

export const RESET_PATH = '/guvenlik-sozcugu';

/**
 * Güvenlik Sözcüğü Güncelleme Ekranı: the page the e-mailed link opens, a form protected against
 * CSRF (see LinkForm) asking for the new security word twice.
 */
export function mountResetPage(server: Server, { resetLinks, ...deps }: LinkPageDependencies & { resetLinks: ResetLinkService }): void {
  const linkForm = new LinkForm({ ...deps, path: RESET_PATH, cookie: 'gs_csrf' });

  server.get(`${RESET_PATH}/:token`, async (req: Request, res: Response) => {
    await linkForm.show(
      req,
      res,
      (token) => resetLinks.check(token),
      ({ locale, token, csrf }) => formPage(linkForm, locale, token, csrf, []),
    );
  });

  server.post(`${RESET_PATH}/:token`, async (req: Request, res: Response) => {
    const received = await linkForm.receive(req, res);
    if (!received) return;
    const { form, locale, token, csrf } = received;

    const outcome = await resetLinks.complete(token, form.get('word') ?? '', form.get('repeat') ?? '');
    if (outcome.result === 'link') return sendLinkProblem(res, locale, outcome.state);
    if (outcome.result === 'voided')
      return sendPage(res, 410, messagePage(locale, 'page.link.voided'), { 'Set-Cookie': linkForm.clearCookie });
    if (outcome.result === 'refused') return sendPage(res, 422, formPage(linkForm, locale, token, csrf, problemsOf(outcome.rules)));
    sendPage(res, 200, resultPage(locale, outcome.stillBlocked ? 'page.successStillBlocked' : 'page.success', true), {
      'Set-Cookie': linkForm.clearCookie,
    });
  });
}

/**
 * What the page says for the refused rules. Rules of the typed text alone are named; the one that
 * compares with the stored word shares the blocklist's wording, so the page never confirms a guess
 * of the current word.
 */
function problemsOf(rules: PolicyRule[]): MessageKey[] {
  const keys = rules.map((rule): MessageKey =>
    rule === 'common' || rule === 'same-as-current' ? 'page.rule.notAllowed' : `page.rule.${rule}`,
  );
  return [...new Set(keys)];
}

function formPage(linkForm: LinkForm, locale: Locale, token: string, csrf: string, problems: MessageKey[]): string {
  const t = (key: MessageKey) => escapeHtml(translate(locale, key));
  const errors = problems.length
    ? `<div role="alert" class="bad" id="problems"><p>${t('page.refused')}</p><ul>${problems.map((key) => `<li>${t(key)}</li>`).join('')}</ul></div>`
    : '';
  const body = `<p>${t('page.intro')}</p>
<p class="hint" id="rules">${t('page.rules')}</p>
${errors}
${linkForm.formStart(token, locale, csrf)}
<label for="word">${t('page.word')}</label>
<input type="password" id="word" name="word" required minlength="8" maxlength="64" autocomplete="new-password" placeholder="${t('page.wordHint')}" aria-describedby="rules"${problems.length ? ' aria-invalid="true"' : ''}>
<label for="repeat">${t('page.repeat')}</label>
<input type="password" id="repeat" name="repeat" required minlength="8" maxlength="64" autocomplete="new-password" placeholder="${t('page.repeatHint')}">
<button type="submit">${t('page.submit')}</button>
</form>`;
  return linkPage(locale, 'page.title', body, linkForm.languageSwitch(token, locale));
}
