import { translate } from '../../src/language/messages';
import { textWithChoices } from '../support/citizenLogin';
import { expectSessionExpired, MENU, MINUTE, useOperationsApp, type Backend, type TestCitizen } from '../support/operations';
import { describeWithPostgres } from '../support/services';

const HOUR = 60 * MINUTE;
/** 16 characters without 0, O, 1 or I, in four groups of four. */
const UNLOCK_CODE = /\b[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}\b/;

function unlockTests(backend: Backend) {
  const world = useOperationsApp(backend);

  /** Picks the card (the only one is picked without asking), says yes, and returns the code shown. */
  const issueCode = async (citizen: TestCitizen, card = citizen.cards[0]!) => {
    const client = await world.atMenu(citizen);
    await client.say('Kilit Çözme');
    if (citizen.cards.length > 1) await client.say(card);
    const reply = await client.sayText('evet');
    return { client, reply, code: reply.match(UNLOCK_CODE)?.[0] };
  };

  const redeem = (card: string, code: string) => world.running.app.unlockCodes.redeem(card, code);

  test('when the citizen picks a card and confirms its PIN and PUK are blocked, then a code is shown once, audited, kept only as a hash and never in bot state', async () => {
    const citizen = await world.newCitizen(['active'], 1);
    const [card, otherCard] = citizen.cards as [string, string];
    const client = await world.atMenu(citizen);

    const offer = textWithChoices(await client.say('Kilit Çözme'));
    expect(offer).toContain(`[${card}]`);
    expect(offer).toContain(`[${otherCard}]`);
    expect(await client.sayText(card)).toContain(`${card} kartınızın hem PIN'i hem de PUK'u bloke oldu mu?`);
    const reply = await client.sayText('evet');
    const code = reply.match(UNLOCK_CODE)?.[0];
    expect(code).toBeDefined();
    expect(reply).toContain(`${card} kartınızın kilit çözme kodu`);
    expect(reply).toContain('24 saat');
    expect(reply).toContain('bir daha gösterilemez');
    expect(reply).toContain(MENU);

    expect(await world.audit(citizen, 'unlock-code.issued')).toEqual([
      { action: 'unlock-code.issued', subject_masked: citizen.maskedId, channel: 'emulator', details: { card } },
    ]);
    const rows = await world.running.app.db.query<{ card_serial: string; code_hash: string; expires_at: Date }>(
      'SELECT card_serial, code_hash, expires_at FROM unlock_codes WHERE card_serial = ANY($1)',
      [citizen.cards],
    );
    expect(rows).toHaveLength(1);
    expect(new Date(rows[0]!.expires_at).getTime()).toBe(world.clock.now().getTime() + 24 * HOUR);
    const bare = code!.replace(/-/g, '');
    const botState = await world.dialogState(client);
    expect(botState).toContain('operationsMenu.choice');
    const everything = [
      JSON.stringify(await world.running.app.db.query('SELECT * FROM unlock_codes')),
      JSON.stringify(await world.running.app.db.query('SELECT * FROM audit_log')),
      world.running.logs.join('\n'),
      botState,
    ].join('\n');
    expect(everything).not.toContain(code);
    expect(everything).not.toContain(bare);
  });

  test('when the code is checked, then it works once, only for its own card, typed with or without dashes in either case', async () => {
    const citizen = await world.newCitizen(['active'], 1);
    const [card, otherCard] = citizen.cards as [string, string];
    const { code } = await issueCode(citizen, card);

    expect(await redeem(otherCard, code!)).toBe(false);
    expect(await redeem(card, code!.replace(/-/g, '').toLowerCase())).toBe(true);
    expect(await redeem(card, code!)).toBe(false);
  });

  test('when 24 hours have passed, then the code no longer works; a minute before, it still does', async () => {
    const citizen = await world.newCitizen(['active'], 1);
    const first = await issueCode(citizen, citizen.cards[0]);
    const second = await issueCode(citizen, citizen.cards[1]);

    world.clock.advance(24 * HOUR - MINUTE);
    expect(await redeem(citizen.cards[0]!, first.code!)).toBe(true);
    world.clock.advance(MINUTE);
    expect(await redeem(citizen.cards[1]!, second.code!)).toBe(false);
  });

  test('when a code is asked for the same card again, then the new code replaces the old one', async () => {
    const citizen = await world.newCitizen(['active']);
    const card = citizen.cards[0]!;
    const first = await issueCode(citizen);
    world.clock.advance(HOUR);
    const second = await issueCode(citizen);
    expect(second.code).not.toBe(first.code);

    expect(await redeem(card, first.code!)).toBe(false);
    expect(await redeem(card, second.code!)).toBe(true);
    expect(await world.audit(citizen, 'unlock-code.issued')).toHaveLength(2);
  });

  test('when the citizen says the PIN and PUK are not both blocked, then no code is made and the PUK is pointed to', async () => {
    const citizen = await world.newCitizen(['active'], 1);
    const client = await world.atMenu(citizen);
    await client.say('Kilit Çözme');
    await client.say('1');
    const reply = await client.sayText('hayır');
    expect(reply).toContain('Kilit çözme kodu oluşturulmadı');
    expect(reply).toContain("PUK'unuzu kullanarak");
    expect(reply).not.toMatch(UNLOCK_CODE);
    expect(await world.audit(citizen, 'unlock-code.issued')).toHaveLength(0);
  });

  test('when the session times out between the card and the yes, then no code is made and the citizen must log in again', async () => {
    const citizen = await world.newCitizen(['active']);
    const client = await world.atMenu(citizen);
    expect(await client.sayText('Kilit Çözme')).toContain(translate('tr', 'choice.onlyCard', { serial: citizen.cards[0]! }));
    world.clock.advance(5 * MINUTE);
    const reply = await client.sayText('evet');
    expectSessionExpired(reply);
    expect(reply).not.toMatch(UNLOCK_CODE);
    expect(await world.audit(citizen, 'unlock-code.issued')).toHaveLength(0);
  });

  test('when a citizen writing in English asks, then the question and the code are in English', async () => {
    const citizen = await world.newCitizen(['active']);
    const card = citizen.cards[0]!;
    const client = await world.atMenu(citizen, 'en-US');
    const asked = await client.sayText('Kilit Çözme');
    expect(asked).toContain(translate('en', 'choice.onlyCard', { serial: card }));
    expect(asked).toContain(`Are both the PIN and the PUK of card ${card} blocked?`);
    const reply = await client.sayText('yes');
    expect(reply).toContain(`The unlock code for card ${card}`);
    expect(await redeem(card, reply.match(UNLOCK_CODE)![0])).toBe(true);
  });
}

describe('Kilit Çözme: a one-time unlock code for a card whose PIN and PUK are blocked, on the embedded default', () =>
  unlockTests('embedded'));
describeWithPostgres()('Kilit Çözme: a one-time unlock code for a card whose PIN and PUK are blocked, on PostgreSQL and Redis', () =>
  unlockTests('postgres'),
);
