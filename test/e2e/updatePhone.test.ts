import { codeIn, otherCode } from '../support/citizenLogin';
import { expectSessionExpired, MENU, MINUTE, useOperationsApp, type Backend, type TestCitizen } from '../support/operations';
import { describeWithPostgres } from '../support/services';

const CODE_SENT = 'numarasına bir SMS Onay Kodu gönderdim';
const CHANGED = 'Cep telefonu numaranız güncellendi';

function phoneChangeTests(backend: Backend) {
  const world = useOperationsApp(backend);
  let numbers = 0;
  /** A new number nobody else in this suite uses, as the citizen types it and as it is stored. */
  const newNumber = () => {
    const digits = String(1_000_000 + ++numbers).slice(1);
    return { typed: `0532 ${digits.slice(0, 3)} ${digits.slice(3, 5)} ${digits.slice(5)}0`, stored: `+90532${digits}0` };
  };

  /** At the menu, through Bilgi Güncelle and Cep Telefonu, up to the prompt for the new number. */
  const toPhonePrompt = async (citizen: TestCitizen, locale?: string) => {
    const client = await world.atMenu(citizen, locale);
    await client.say('Bilgi Güncelle');
    expect(await client.sayText('Cep Telefonu')).toMatch(/0532 123 45 67/);
    return client;
  };

  /** A citizen who has typed a new number, at the prompt for the code sent to it. */
  const toCodePrompt = async () => {
    const citizen = await world.newCitizen();
    const { typed, stored } = newNumber();
    const client = await toPhonePrompt(citizen);
    await client.say(typed);
    return { citizen, stored, client, code: codeIn(world.smsTo(stored)[0]!.body) };
  };

  const unchanged = async (citizen: TestCitizen) => {
    expect((await world.contact(citizen)).phone).toBe(citizen.phone);
    expect(await world.audit(citizen, 'contact.phone-changed')).toHaveLength(0);
  };

  test('when a new number is typed and the code sent to it comes back, then the number is changed (a seed import keeps it), the old number is told by SMS, and it is audited', async () => {
    const citizen = await world.newCitizen();
    const { typed, stored } = newNumber();
    const client = await toPhonePrompt(citizen);

    const sent = await client.sayText(typed);
    expect(sent).toContain(`+90 532 ${stored.slice(6, 9)} ${stored.slice(9, 11)} ${stored.slice(11)} ${CODE_SENT}`);
    expect(sent).toContain('Numaranız bu kodu yazdığınızda değişecek.');
    expect(sent).toContain('Kalan süre: 300 saniye');
    const [codeSms, ...more] = world.smsTo(stored);
    expect(more).toHaveLength(0);
    expect(codeSms!.body).toMatch(/dogrulama kodunuz: \d{6}/);
    // Not changed before the code comes back.
    expect((await world.contact(citizen)).phone).toBe(citizen.phone);
    const toOldNumber = world.smsTo(citizen.phone).length;

    const done = await client.sayText(codeIn(codeSms!.body));
    expect(done).toContain(CHANGED);
    expect(done).toContain(MENU);
    expect((await world.contact(citizen)).phone).toBe(stored);
    await world.reimport(citizen);
    expect((await world.contact(citizen)).phone).toBe(stored);
    const notices = world.smsTo(citizen.phone).slice(toOldNumber);
    expect(notices).toHaveLength(1);
    expect(notices[0]!.body).toContain(`+90 5** *** ** ${stored.slice(-2)} olarak degistirildi`);
    expect(notices[0]!.body).toContain('0262 648 18 18');
    expect(await world.audit(citizen, 'contact.phone-changed')).toEqual([
      {
        action: 'contact.phone-changed',
        subject_masked: citizen.maskedId,
        channel: 'emulator',
        details: { from: `+90 5** *** ** ${citizen.phone.slice(-2)}`, to: `+90 5** *** ** ${stored.slice(-2)}` },
      },
    ]);
  });

  test.each([
    ['a landline', '0262 648 18 18', 'cep telefonu numarası değil'],
    ['a number abroad', '+49 151 2345 6789', "Yalnızca Türkiye'deki (+90) cep telefonu"],
    ['a number with too few digits', '0532 123 45', '10 haneli olmalı'],
    ['a number in words', 'beş yüz otuz iki', 'yalnızca rakamlardan oluşmalı'],
  ])('when %s is typed, then the reason is given, no SMS goes anywhere and the number is asked again', async (_what, typed, reason) => {
    const citizen = await world.newCitizen();
    const client = await toPhonePrompt(citizen);
    const before = world.sms().length;
    const reply = await client.sayText(typed);
    expect(reply).toContain(reason);
    expect(reply).toContain('Yeni cep telefonu numaranızı yazın');
    expect(world.sms()).toHaveLength(before);
    await unchanged(citizen);
  });

  test('when the registered number itself is typed, then the citizen is told it is already hers and no code is sent', async () => {
    const citizen = await world.newCitizen();
    const client = await toPhonePrompt(citizen);
    const before = world.sms().length;
    expect(await client.sayText(`0${citizen.phone.slice(3)}`)).toContain('zaten kayıtlı cep telefonu numaranız');
    expect(world.sms()).toHaveLength(before);
  });

  test('when three wrong codes are typed, then the code dies, the number stays as it was and the old number hears nothing', async () => {
    const { citizen, client, code } = await toCodePrompt();
    const toOldNumber = world.smsTo(citizen.phone).length;

    expect(await client.sayText(otherCode(code, 1))).toContain('2 deneme hakkınız kaldı');
    expect(await client.sayText(otherCode(code, 2))).toContain('1 deneme hakkınız kaldı');
    const dead = await client.sayText(otherCode(code, 3));
    expect(dead).toContain('Cep telefonu numaranız değiştirilmedi');
    expect(dead).toContain(MENU);
    await unchanged(citizen);
    expect(world.smsTo(citizen.phone)).toHaveLength(toOldNumber);
  });

  test('when the code expires while the citizen is active, then "Yeni kod gönder" sends a new one to the new number and that one changes it', async () => {
    const { citizen, stored, client, code: first } = await toCodePrompt();
    world.clock.advance(200_000);
    expect(await client.sayText('12345')).toContain('Kalan süre: 100 saniye');
    world.clock.advance(100_000);
    expect(await client.sayText(first)).toContain('SMS Onay Kodunun süresi doldu');
    expect(await client.sayText('Yeni kod gönder')).toContain('Kalan süre: 300 saniye');
    const codes = world.smsTo(stored);
    expect(codes).toHaveLength(2);
    expect(await client.sayText(codeIn(codes[1]!.body))).toContain(CHANGED);
    expect((await world.contact(citizen)).phone).toBe(stored);
  });

  test('when the session times out between the code and its answer, then the number is not changed and the citizen must log in again', async () => {
    const { citizen, client, code } = await toCodePrompt();
    world.clock.advance(5 * MINUTE);
    expectSessionExpired(await client.sayText(code));
    await unchanged(citizen);
  });

  test('when a citizen writing in English changes her number ("+90 532 …"), then the steps, the code SMS and the notice to the old number are in English', async () => {
    const citizen = await world.newCitizen();
    const { stored } = newNumber();
    const client = await world.atMenu(citizen, 'en-US');
    await client.say('Bilgi Güncelle');
    expect(await client.sayText('mobile phone')).toContain('Please type your new mobile number');
    const sent = await client.sayText(`+90 ${stored.slice(3, 6)} ${stored.slice(6, 9)} ${stored.slice(9)}`);
    expect(sent).toContain('I have sent an SMS confirmation code to +90 532');
    const codeSms = world.smsTo(stored)[0]!;
    expect(codeSms.body).toContain('phone number confirmation code');
    expect(await client.sayText(codeIn(codeSms.body))).toContain('Your mobile number has been updated');
    expect(world.smsTo(citizen.phone).at(-1)!.body).toContain('has been changed to +90 5**');
  });
}

describe('Bilgi Güncelle: a new mobile number, confirmed by a code sent to it, on the embedded default', () =>
  phoneChangeTests('embedded'));
describeWithPostgres()('Bilgi Güncelle: a new mobile number, confirmed by a code sent to it, on PostgreSQL and Redis', () =>
  phoneChangeTests('postgres'),
);
