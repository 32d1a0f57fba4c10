import { IntentModel } from '../../src/language/intents/intentModel';
import { ACTIVATE_DIALOG } from '../../src/dialogs/activateDialog';
import { OperationsMenuDialog, type MenuOptions } from '../../src/dialogs/operationsMenuDialog';
import { PIN_PUK_DIALOG } from '../../src/dialogs/pinPukDialog';
import { REVOKE_DIALOG } from '../../src/dialogs/revokeDialog';
import { SessionGuard } from '../../src/dialogs/session';
import { UNLOCK_DIALOG } from '../../src/dialogs/unlockDialog';
import { UPDATE_DETAILS_DIALOG } from '../../src/dialogs/updateDetailsDialog';
import { SESSION_IDLE_MS } from '../../src/domain/sessions';
import { translate, type MessageKey } from '../../src/language/messages';
import { all, withButtons } from '../support/dialogScript';
import { AYSE, testServices, type TestServices } from '../support/dialogServices';
import { DialogTestClient, StandIn } from '../support/dialogTestClient';

const say = (key: MessageKey, params?: Record<string, string | number>) => translate('tr', key, params);

const LABELS = (['activate', 'revoke', 'update', 'list', 'pinPuk', 'unlock', 'logout'] as const).map((choice) =>
  say(`menu.choice.${choice}`),
);
const menu = withButtons(say('menu.prompt', { name: 'Ayşe Yılmaz' }), LABELS);

/** What each operation's stand-in says when the menu opens it. */
const OPENED = {
  [ACTIVATE_DIALOG]: '(Kullanıma Aç açıldı)',
  [REVOKE_DIALOG]: '(Sertifikamı İptal Et açıldı)',
  [UPDATE_DETAILS_DIALOG]: '(Bilgi Güncelle açıldı)',
  [PIN_PUK_DIALOG]: '(PIN / PUK Bilgisi açıldı)',
  [UNLOCK_DIALOG]: '(Kilit Çözme açıldı)',
};

/** The İşlemler Menüsü alone, with the real certificate list and stand-ins for the operations it opens; begun with `options` (a wish from before the login). */
async function operationsMenu(services: TestServices, loggedIn = true, options: MenuOptions = {}) {
  const sessionId = loggedIn ? await services.logIn(AYSE) : undefined;
  const intents = await IntentModel.shared();
  const dialog = new DialogTestClient(
    (memory) => {
      const guard = new SessionGuard(services.sessions, services.subjects, memory);
      const standIn = (id: keyof typeof OPENED) => new StandIn(id, undefined, OPENED[id]);
      return new OperationsMenuDialog(guard, services.certificates, intents, {
        activate: standIn(ACTIVATE_DIALOG),
        revoke: standIn(REVOKE_DIALOG),
        updateDetails: standIn(UPDATE_DETAILS_DIALOG),
        pinPuk: standIn(PIN_PUK_DIALOG),
        unlock: standIn(UNLOCK_DIALOG),
      });
    },
    { remembered: { sessionId }, dialogOptions: options },
  );
  return { dialog, sessionId };
}

describe('the operations menu alone', () => {
  test.each<[string, string, string]>([
    ['1', 'Kullanıma Aç', OPENED[ACTIVATE_DIALOG]],
    ['Sertifikamı İptal Et', 'Sertifikamı İptal Et', OPENED[REVOKE_DIALOG]],
    ['3', 'Bilgi Güncelle', OPENED[UPDATE_DETAILS_DIALOG]],
    ['pin puk bilgisi', 'PIN / PUK Bilgisi', OPENED[PIN_PUK_DIALOG]],
    ['6', 'Kilit Çözme', OPENED[UNLOCK_DIALOG]],
  ])('when %j is chosen, then %s opens and the menu comes back after it', async (says, _operation, opened) => {
    const { dialog } = await operationsMenu(testServices());
    await dialog.play([
      ['menü', menu],
      [says, [opened, menu]],
    ]);
  });

  test('when Sertifika Listele is chosen, then every certificate is listed with its dates, days left and status, then where the PIN / PUK state shows, and the menu comes back', async () => {
    const { dialog } = await operationsMenu(testServices());
    // The test clock stands at 25.11.2026.
    const daysLeft = { 'NES-1001': 402, 'NES-1002': 1072 } as Record<string, number>;
    const lines = AYSE.certificates!.map((certificate) =>
      say('certificates.line', {
        serial: certificate.serial,
        kind: certificate.kind,
        from: certificate.notBefore.split('-').reverse().join('.'),
        to: certificate.notAfter.split('-').reverse().join('.'),
        remaining: say('certificates.remaining', { days: daysLeft[certificate.serial]! }),
        status: say(`certificates.status.${certificate.status}`),
        published: say(certificate.published ? 'certificates.published' : 'certificates.notPublished'),
      }),
    );
    await dialog.play([
      ['menü', menu],
      ['4', [all(say('certificates.header'), ...lines, say('certificates.pinPukState')), menu]],
    ]);
  });

  /** The expiry view of the test citizen on the test clock's 25.11.2026: the soonest last day first. */
  const expiryView = all(
    say('expiry.header'),
    say('expiry.line', { serial: 'NES-1001', date: '01.01.2028', remaining: say('certificates.remaining', { days: 402 }) }),
    say('expiry.line', { serial: 'NES-1002', date: '01.11.2029', remaining: say('certificates.remaining', { days: 1072 }) }),
    say('renewal.steps'),
  );

  test('when "sertifikam ne zaman bitiyor" is typed at the menu, then each certificate\'s last day and days left and the renewal steps come, and the menu comes back', async () => {
    const { dialog } = await operationsMenu(testServices());
    await dialog.play([
      ['menü', menu],
      ['sertifikam ne zaman bitiyor', [expiryView, menu]],
    ]);
  });

  test('when the menu opens with the wish for the days left (asked before the login), then the view comes at once, then the menu', async () => {
    const { dialog } = await operationsMenu(testServices(), true, { wish: 'certificateExpiry' });
    await dialog.play([['(after the SMS code)', [expiryView, menu]]]);
  });

  test('when Çıkış is chosen, then the session ends and the menu closes', async () => {
    const services = testServices();
    const { dialog, sessionId } = await operationsMenu(services);
    await dialog.play([
      ['menü', menu],
      ['Çıkış', say('session.loggedOut')],
    ]);
    expect(dialog.dialogTurnResult?.status).toBe('complete');
    expect(dialog.remembered.sessionId).toBeUndefined();
    expect((await services.sessions.touch(sessionId)).state).toBe('expired');
  });

  test('when the session has been idle five minutes, then the choice is refused with the expiry notice and the menu closes', async () => {
    const services = testServices();
    const { dialog } = await operationsMenu(services);
    await dialog.play([['menü', menu]]);
    services.clock.advance(SESSION_IDLE_MS);
    await dialog.play([['4', say('session.expired')]]);
    expect(dialog.dialogTurnResult?.status).toBe('complete');
    expect(dialog.remembered.sessionId).toBeUndefined();
  });

  test('when nobody is logged in, then the menu is not shown', async () => {
    const { dialog } = await operationsMenu(testServices(), false);
    await dialog.play([['menü', []]]);
    expect(dialog.dialogTurnResult?.status).toBe('complete');
  });

  test('when the answer is none of the choices, then the menu is asked again with the retry notice', async () => {
    const { dialog } = await operationsMenu(testServices());
    await dialog.play([
      ['menü', menu],
      ['pizza', withButtons(all(say('choice.retry'), say('menu.prompt', { name: 'Ayşe Yılmaz' })), LABELS)],
    ]);
  });
});
