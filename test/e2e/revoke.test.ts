import { translate } from '../../src/language/messages';
import { lastFourOf } from '../../src/language/serials';
import { textWithChoices } from '../support/citizenLogin';
import { expectSessionExpired, MENU, MINUTE, START_AGAIN, useOperationsApp, type Backend, type TestCitizen } from '../support/operations';
import { describeWithPostgres } from '../support/services';

const WARNING = 'GERİ ALINAMAZ';
const NOT_REVOKED = 'İptal işlemi yapılmadı';
const CANCELLED = 'İşlemi iptal ettim';

function revocationTests(backend: Backend) {
  const world = useOperationsApp(backend);

  /** At the menu, through the choice of certificate (the only one is picked without asking) and reason, up to the warning; returns the warning's text. */
  const toWarning = async (citizen: TestCitizen, reason: string, serial = citizen.certificates[0]!) => {
    const client = await world.atMenu(citizen);
    await client.say('Sertifikamı İptal Et');
    if (citizen.certificates.length > 1) await client.say(serial);
    return { client, warning: await client.sayText(reason) };
  };

  const nothingHappened = async (citizen: TestCitizen) => {
    const serial = citizen.certificates[0]!;
    expect(await world.certificate(serial)).toMatchObject({ status: 'active', status_changed_at: null, revocation_reason: null });
    expect(await world.audit(citizen, 'certificate.revoked')).toHaveLength(0);
    expect((await world.mailTo(citizen.email)).filter((mail) => mail.subject.includes('iptal'))).toHaveLength(0);
  };

  test('when the citizen picks a certificate and "Kayıp / Çalıntı", reads the warning and types the last four characters of its serial, then it is revoked with time and reason, audited, and a notice is mailed', async () => {
    const citizen = await world.newCitizen(['active', 'pending']);
    const [active, pending] = citizen.certificates as [string, string];
    const client = await world.atMenu(citizen);

    const offer = textWithChoices(await client.say('Sertifikamı İptal Et'));
    expect(offer).toContain(`[${active}]`);
    expect(offer).toContain(`[${pending}]`);
    const reasons = textWithChoices(await client.say(active));
    for (const label of ['Kayıp / Çalıntı', 'Bilgi Değişikliği', 'Anahtar Güvenliği', 'Diğer']) expect(reasons).toContain(`[${label}]`);
    const warning = await client.sayText('Kayıp / Çalıntı');
    expect(warning).toContain(WARNING);
    expect(warning).toContain('ÜCRET KARŞILIĞINDA');
    expect(warning).toContain(`seri numarasının son dört karakterini yazın: ${lastFourOf(active)}`);

    const done = await client.sayText(lastFourOf(active));
    expect(done).toContain(`${active} seri numaralı sertifikanız iptal edildi`);
    expect(done).toContain(MENU);

    const row = await world.certificate(active);
    expect(row).toMatchObject({ status: 'revoked', revocation_reason: 'lost-or-stolen', revocation_note: null });
    expect(new Date(row.status_changed_at!)).toEqual(world.clock.now());
    expect((await world.certificate(pending)).status).toBe('pending');
    expect(await world.audit(citizen, 'certificate.revoked')).toEqual([
      {
        action: 'certificate.revoked',
        subject_masked: citizen.maskedId,
        channel: 'emulator',
        details: { certificate: active, reason: 'lost-or-stolen' },
      },
    ]);
    const [mail, ...more] = await world.mailTo(citizen.email);
    expect(more).toHaveLength(0);
    expect(mail!.subject).toBe('Sertifikanız iptal edildi');
    expect(mail!.text).toContain(`Sayın ${citizen.name}`);
    expect(mail!.text).toContain(`${active} seri numaralı`);
    expect(mail!.text).toContain('"Kayıp / Çalıntı" nedeniyle');
    expect(mail!.text).toContain('0262 648 18 18');
  });

  test('when "Diğer" is chosen, then a reason of 201 characters is refused and asked again, and the next one is kept trimmed', async () => {
    const citizen = await world.newCitizen(['active']);
    const serial = citizen.certificates[0]!;
    const { client, warning: notePrompt } = await toWarning(citizen, 'diger');
    expect(notePrompt).toContain('en fazla 200 karakter');

    const tooLong = await client.sayText('ç'.repeat(201));
    expect(tooLong).toContain('en fazla 200 karakter olabilir');
    expect(tooLong).not.toContain(WARNING);
    const warning = await client.sayText(`   ${'Kart başka bir kurumda kaldı. '.repeat(6).trim()}   `);
    expect(warning).toContain(WARNING);
    expect(await client.sayText(lastFourOf(serial))).toContain('iptal edildi');

    expect(await world.certificate(serial)).toMatchObject({
      status: 'revoked',
      revocation_reason: 'other',
      revocation_note: 'Kart başka bir kurumda kaldı. '.repeat(6).trim(),
    });
    expect((await world.audit(citizen, 'certificate.revoked'))[0]!.details).toEqual({ certificate: serial, reason: 'other' });
    // The notice gives the reason the citizen typed, not only "Diğer".
    const [mail] = await world.mailTo(citizen.email);
    expect(mail!.text).toContain(`"Diğer: ${'Kart başka bir kurumda kaldı. '.repeat(6).trim()}" nedeniyle`);
  });

  test.each([
    ['a yes instead of the word ("evet")', 'evet'],
    ['the old confirmation word ("İPTAL")', 'İPTAL'],
    ['"iptal", which elsewhere is the global cancel', 'iptal'],
    ['the whole serial number', 'the serial'],
    ['the last three characters only', 'the last three'],
    ['"vazgeç", which elsewhere is the global cancel', 'vazgeç'],
    ['"cancel"', 'cancel'],
  ])('when the warning is answered with %s, then nothing is revoked, audited or mailed and the menu comes back', async (_how, answer) => {
    const citizen = await world.newCitizen(['active']);
    const { client } = await toWarning(citizen, 'Anahtar Güvenliği');
    const serial = citizen.certificates[0]!;
    const typed = answer === 'the serial' ? serial : answer === 'the last three' ? lastFourOf(serial).slice(1) : answer;
    const reply = await client.sayText(typed);
    expect(reply).toContain(NOT_REVOKED);
    expect(reply).not.toContain(CANCELLED);
    expect(reply).toContain(MENU);
    await nothingHappened(citizen);
  });

  test('when the last four characters are typed in lower case with spaces at the warning, then they confirm all the same', async () => {
    const citizen = await world.newCitizen(['active']);
    const { client } = await toWarning(citizen, 'Bilgi Değişikliği');
    const typed = [...lastFourOf(citizen.certificates[0]!).toLowerCase()].join(' ');
    expect(await client.sayText(typed)).toContain('iptal edildi');
    expect(await world.certificate(citizen.certificates[0]!)).toMatchObject({ status: 'revoked', revocation_reason: 'details-changed' });
  });

  test('when "iptal" is typed at the choice of reason, then it is still the global cancel: the flow ends, the İşlemler Menüsü comes back and nothing is revoked', async () => {
    const citizen = await world.newCitizen(['active']);
    const client = await world.atMenu(citizen);
    await client.say('Sertifikamı İptal Et');
    const reply = await client.sayText('iptal');
    expect(reply).toContain(CANCELLED);
    expect(reply).toContain(MENU);
    expect(reply).not.toContain(START_AGAIN);
    await nothingHappened(citizen);
  });

  test('when "yardım" is asked at the warning, then the help names the last four characters to type and the warning is asked again', async () => {
    const citizen = await world.newCitizen(['active']);
    const serial = citizen.certificates[0]!;
    const { client } = await toWarning(citizen, 'Kayıp / Çalıntı');
    const help = await client.sayText('yardım');
    expect(help).toContain(translate('tr', 'revoke.warningHelp', { serial, lastFour: lastFourOf(serial) }));
    expect(help).toContain(WARNING);
    await nothingHappened(citizen);
  });

  test('when a revoked certificate is named, then the citizen is told it is revoked already; the last one left is picked by itself; with only revoked ones left, none is offered', async () => {
    const citizen = await world.newCitizen(['active', 'revoked', 'active']);
    const [active, revoked, last] = citizen.certificates as [string, string, string];
    const client = await world.atMenu(citizen);
    const offer = textWithChoices(await client.say('Sertifikamı İptal Et'));
    expect(offer).not.toContain(`[${revoked}]`);
    expect(await client.sayText(revoked)).toContain(`${revoked} zaten iptal edilmiş`);

    await client.say(active);
    await client.say('Kayıp / Çalıntı');
    await client.say(lastFourOf(active));
    expect(await client.sayText('Sertifikamı İptal Et')).toContain(translate('tr', 'choice.onlyCertificate', { serial: last }));
    await client.say('Kayıp / Çalıntı');
    await client.say(lastFourOf(last));
    const none = await client.sayText('Sertifikamı İptal Et');
    expect(none).toContain('İptal edilebilecek bir sertifikanız bulunmuyor');
    expect(none).toContain(MENU);
  });

  test('when the session times out between the warning and the confirmation, then nothing is revoked and the citizen must log in again', async () => {
    const citizen = await world.newCitizen(['active']);
    const { client } = await toWarning(citizen, 'Kayıp / Çalıntı');
    world.clock.advance(5 * MINUTE);
    expectSessionExpired(await client.sayText(lastFourOf(citizen.certificates[0]!)));
    await nothingHappened(citizen);
  });

  test('when a citizen writing in English revokes a certificate, then the steps and the notice are in English and the last four characters confirm', async () => {
    const citizen = await world.newCitizen(['active']);
    const serial = citizen.certificates[0]!;
    const client = await world.atMenu(citizen, 'en-US');
    const asked = await client.sayText('Sertifikamı İptal Et');
    expect(asked).toContain(translate('en', 'choice.onlyCertificate', { serial }));
    expect(asked).toContain(`Why do you want certificate ${serial} revoked?`);
    const warning = await client.sayText('key compromise');
    expect(warning).toContain('CANNOT BE UNDONE');
    expect(warning).toContain(`type the last four characters of its serial number: ${lastFourOf(serial)}`);
    expect(await client.sayText('İPTAL')).toContain(translate('en', 'revoke.notRevoked', { serial }));
    await client.say('Sertifikamı İptal Et');
    await client.say('key compromise');
    expect(await client.sayText(lastFourOf(serial))).toContain(`Your certificate ${serial} has been revoked`);

    expect(await world.certificate(serial)).toMatchObject({ status: 'revoked', revocation_reason: 'key-compromise' });
    const [mail] = await world.mailTo(citizen.email);
    expect(mail!.subject).toBe('Your certificate has been revoked');
    expect(mail!.text).toContain('Anahtar Güvenliği (key compromise)');
  });
}

describe('Sertifikamı İptal Et: revoking a certificate by typing the last four characters of its serial, on the embedded default', () =>
  revocationTests('embedded'));
describeWithPostgres()(
  'Sertifikamı İptal Et: revoking a certificate by typing the last four characters of its serial, on PostgreSQL and Redis',
  () => revocationTests('postgres'),
);
