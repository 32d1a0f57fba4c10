import { useOperationsApp } from '../support/operations';

/**
 * Attack: a logged-in citizen types a victim's number as their "new phone", login after login. Each
 * time a code went to the victim and counted toward the victim's 10 codes a day, so the victim could
 * no longer log in that day. Codes checking a new number are counted apart from login codes.
 */
describe('when a citizen enters another citizen\'s number as a new phone, ten logins in a row', () => {
  const world = useOperationsApp('embedded');

  test('then the victim still gets a login code the same day', async () => {
    const attacker = await world.newCitizen();
    const victim = await world.newCitizen();
    for (let login = 0; login < 10; login += 1) {
      const client = await world.atMenu(attacker);
      await client.say('Bilgi Güncelle');
      await client.say('Cep Telefonu');
      expect(await client.sayText(victim.phone)).toMatch(/SMS Onay Kodu gönderdim/);
    }
    expect(world.smsTo(victim.phone)).toHaveLength(10);

    // The victim's own login: its code goes out, and the victim reaches the menu.
    const own = await world.atMenu(victim);
    expect(own).toBeDefined();
    expect(world.smsTo(victim.phone)).toHaveLength(11);
  });
});
