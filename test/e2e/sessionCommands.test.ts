import { translate } from '../../src/language/messages';
import { expectSessionExpired, MENU, MINUTE, START_AGAIN, useOperationsApp } from '../support/operations';

const CANCELLED = translate('tr', 'global.cancelled');
const LOGGED_OUT = translate('tr', 'session.loggedOut');
const LIST_HEADER = translate('tr', 'certificates.header');
const START_CHOICE_LOGIN = translate('tr', 'start.choice.login');

/**
 * The commands that work at any step (SPEC §1), inside a session: "iptal" and "menü" keep the
 * session and go back to the İşlemler Menüsü; only "çıkış" (or a timeout) ends it.
 */
describe('Inside a session: iptal and menü return to the İşlemler Menüsü, only çıkış ends the session', () => {
  const world = useOperationsApp();

  test('when "iptal" is typed at the İşlemler Menüsü, then the menu is shown again, no new login is asked and the session still works', async () => {
    const citizen = await world.newCitizen(['active']);
    const client = await world.atMenu(citizen);
    const reply = await client.sayText('iptal');
    expect(reply).toContain(MENU);
    expect(reply).not.toContain(START_AGAIN);
    // No operation was running: nothing to say was cancelled.
    expect(reply).not.toContain(CANCELLED);
    const list = await client.sayText('Sertifika Listele');
    expect(list).toContain(LIST_HEADER);
    expect(list).toContain(citizen.certificates[0]!);
  });

  test('when "vazgeç" is typed inside an operation (the reason of a revocation), then the operation ends, the citizen is told so, the menu comes back and nothing is revoked', async () => {
    const citizen = await world.newCitizen(['active', 'active']);
    const client = await world.atMenu(citizen);
    await client.say('Sertifikamı İptal Et');
    await client.say(citizen.certificates[0]!);
    const reply = await client.sayText('vazgeç');
    expect(reply).toContain(CANCELLED);
    expect(reply).toContain(MENU);
    expect(reply).not.toContain(START_AGAIN);
    expect((await world.certificate(citizen.certificates[0]!)).status).toBe('active');
    expect(await client.sayText('Sertifika Listele')).toContain(LIST_HEADER);
  });

  test('when "menü" is typed inside an operation (a new e-mail address), then the İşlemler Menüsü is shown, the session kept', async () => {
    const citizen = await world.newCitizen(['active']);
    const client = await world.atMenu(citizen);
    await client.say('Bilgi Güncelle');
    await client.say('E-posta Adresi');
    const reply = await client.sayText('menü');
    expect(reply).toContain(MENU);
    expect(reply).not.toContain(START_AGAIN);
    expect(await client.sayText('Sertifika Listele')).toContain(LIST_HEADER);
    expect((await world.contact(citizen)).email).toBe(citizen.email);
  });

  test('when "cancel" is typed inside an operation in English, then the operation ends and the İşlemler Menüsü comes back in English', async () => {
    const citizen = await world.newCitizen(['pending']);
    const client = await world.atMenu(citizen, 'en-US');
    await client.say('Kullanıma Aç');
    const reply = await client.sayText('cancel');
    expect(reply).toContain(translate('en', 'global.cancelled'));
    expect(reply).toContain('choose an operation from the İşlemler Menüsü');
    expect((await world.certificate(citizen.certificates[0]!)).status).toBe('pending');
  });

  test('when "çıkış" is typed inside an operation, then the session ends and the start is shown; the menu is not reachable without a new login', async () => {
    const citizen = await world.newCitizen(['active']);
    const client = await world.atMenu(citizen);
    await client.say('Bilgi Güncelle');
    const reply = await client.sayText('çıkış');
    expect(reply).toContain(LOGGED_OUT);
    expect(reply).toContain(START_AGAIN);
    const after = await client.sayText('menü');
    expect(after).not.toContain(MENU);
    expect(after).toContain(START_AGAIN);
  });

  test('when the session has timed out and "menü" is typed, then the citizen is told and must log in again', async () => {
    const citizen = await world.newCitizen(['active']);
    const client = await world.atMenu(citizen);
    world.clock.advance(5 * MINUTE);
    expectSessionExpired(await client.sayText('menü'));
  });

  test('when "iptal" is typed before the login is done (at Kimlik No), then, as before, the flow ends and the start is shown', async () => {
    const client = await world.open();
    await client.join();
    await client.say(START_CHOICE_LOGIN);
    const reply = await client.sayText('iptal');
    expect(reply).toContain(CANCELLED);
    expect(reply).toContain(START_AGAIN);
  });
});
