import { translate } from '../../src/language/messages';
import { textWithChoices } from '../support/citizenLogin';
import { expectSessionExpired, MENU, MINUTE, useOperationsApp, type Backend } from '../support/operations';
import { describeWithPostgres } from '../support/services';

function activationTests(backend: Backend) {
  const world = useOperationsApp(backend);

  /** A citizen with one pending certificate, at the question whether to activate it (the only one is picked without asking). */
  const toConfirmation = async () => {
    const citizen = await world.newCitizen(['pending']);
    const pending = citizen.certificates[0]!;
    const client = await world.atMenu(citizen);
    expect(await client.sayText('Kullanıma Aç')).toContain(translate('tr', 'choice.onlyCertificate', { serial: pending }));
    return { citizen, pending, client };
  };

  test('when the citizen picks her pending certificate and answers "evet", then it is in use from that moment, listed as Kullanımda, and audited once', async () => {
    const citizen = await world.newCitizen(['pending', 'active', 'pending']);
    const [pending, active, otherPending] = citizen.certificates as [string, string, string];
    const client = await world.atMenu(citizen);

    const offer = textWithChoices(await client.say('Kullanıma Aç'));
    expect(offer).toContain(`[${pending}]`);
    expect(offer).toContain(`[${otherPending}]`);
    expect(offer).not.toContain(`[${active}]`);
    expect(await client.sayText(pending)).toContain(`${pending} seri numaralı sertifikanız kullanıma açılacak. Onaylıyor musunuz?`);
    const done = await client.sayText('evet');
    expect(done).toContain(`${pending} seri numaralı sertifikanız kullanıma açıldı`);
    expect(done).toContain(MENU);

    const row = await world.certificate(pending);
    expect(row.status).toBe('active');
    expect(new Date(row.status_changed_at!)).toEqual(world.clock.now());
    expect(await world.audit(citizen, 'certificate.activated')).toEqual([
      { action: 'certificate.activated', subject_masked: citizen.maskedId, channel: 'emulator', details: { certificate: pending } },
    ]);
    const list = (await client.sayText('Sertifika Listele')).split('\n');
    expect(list.find((line) => line.includes(pending))).toContain('Durum: Kullanımda');
    expect((await world.certificate(otherPending)).status).toBe('pending');
  });

  test('when the certificate is picked by its number ("1"), then that one is the one asked about', async () => {
    const citizen = await world.newCitizen(['pending', 'pending']);
    const client = await world.atMenu(citizen);
    await client.say('Kullanıma Aç');
    expect(await client.sayText('1')).toContain(`${citizen.certificates[0]} seri numaralı sertifikanız kullanıma açılacak`);
  });

  test('when she names her certificate that is already in use, then she is told it needs nothing and asked again, and only the pending one can be chosen', async () => {
    const citizen = await world.newCitizen(['pending', 'active', 'pending']);
    const [pending, active] = citizen.certificates as [string, string];
    const client = await world.atMenu(citizen);
    await client.say('Kullanıma Aç');

    const refused = await client.sayText(active);
    expect(refused).toContain(`${active} zaten kullanımda`);
    expect(refused).toContain('kullanıma açmak istediğiniz sertifikayı seçin');
    expect(refused).not.toContain('Onaylıyor musunuz');
    expect(await client.sayText(pending)).toContain(`${pending} seri numaralı sertifikanız kullanıma açılacak`);
  });

  test('when she names a revoked certificate, then she is told a revoked certificate cannot be activated again', async () => {
    const citizen = await world.newCitizen(['pending', 'revoked', 'pending']);
    const revoked = citizen.certificates[1]!;
    const client = await world.atMenu(citizen);
    await client.say('Kullanıma Aç');

    const refused = await client.sayText(revoked.toLowerCase());
    expect(refused).toContain(`${revoked} iptal edilmiş`);
    expect(refused).toContain('yeniden kullanıma açılamaz');
    expect((await world.certificate(revoked)).status).toBe('revoked');
  });

  test('when she answers "hayır", then the certificate keeps waiting and nothing is audited', async () => {
    const { citizen, pending, client } = await toConfirmation();
    const reply = await client.sayText('hayır');
    expect(reply).toContain(`${pending} kullanıma açılmadı`);
    expect(reply).toContain(MENU);
    expect(await world.certificate(pending)).toMatchObject({ status: 'pending', status_changed_at: null });
    expect(await world.audit(citizen, 'certificate.activated')).toHaveLength(0);
  });

  test('when no certificate waits for activation, then she is told so, and why each of hers needs nothing', async () => {
    const citizen = await world.newCitizen(['active', 'revoked']);
    const [active, revoked] = citizen.certificates as [string, string];
    const client = await world.atMenu(citizen);

    const reply = await client.sayText('Kullanıma Aç');
    expect(reply).toContain('Kullanıma açılmayı bekleyen bir sertifikanız bulunmuyor');
    expect(reply).toContain(`${active} zaten kullanımda`);
    expect(reply).toContain(`${revoked} iptal edilmiş`);
    expect(reply).toContain(MENU);
  });

  test('when the session times out between the choice and the yes, then nothing is activated and the citizen must log in again', async () => {
    const { citizen, pending, client } = await toConfirmation();
    world.clock.advance(5 * MINUTE);
    expectSessionExpired(await client.sayText('evet'));
    expect((await world.certificate(pending)).status).toBe('pending');
    expect(await world.audit(citizen, 'certificate.activated')).toHaveLength(0);
  });

  test('when a citizen writing in English activates her certificate, then every step is in English and it is activated', async () => {
    const citizen = await world.newCitizen(['pending']);
    const pending = citizen.certificates[0]!;
    const client = await world.atMenu(citizen, 'en-US');

    const asked = await client.sayText('Kullanıma Aç');
    expect(asked).toContain(translate('en', 'choice.onlyCertificate', { serial: pending }));
    expect(asked).toContain(`Your certificate ${pending} will be activated. Do you confirm?`);
    expect(await client.sayText('yes')).toContain(`Your certificate ${pending} is now activated`);
    expect((await world.certificate(pending)).status).toBe('active');
  });
}

describe('Kullanıma Aç: activating a certificate that waits for activation, on the embedded default', () => activationTests('embedded'));
describeWithPostgres()('Kullanıma Aç: activating a certificate that waits for activation, on PostgreSQL and Redis', () =>
  activationTests('postgres'),
);
