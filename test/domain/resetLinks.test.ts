import type { NationalId } from '../../src/domain/identity';
import { REFUSALS_PER_LINK, type ResetLinkService, type SecurityWordChanged } from '../../src/domain/resetLinks';
import { LINK_TTL_MS, LINKS_PER_DAY } from '../../src/domain/singleUseLinks';
import { FakeResetLinkRepository, fakeWorld, resetLinkService, type FakeCitizen, type FakeWorld } from '../support/domainFakes';

const ID: NationalId = { type: 'tckn', value: '10000000146' };
const UNKNOWN_ID: NationalId = { type: 'tckn', value: '10000000078' };
const origin = { channel: 'webchat', locale: 'tr' as const, conversation: { id: 'conversation-1' } };
const NEW_WORD = 'Yeni-Sozcuk-2026';
const DAY_MS = 24 * 60 * 60_000;

describe('Güvenlik Sözcüğümü Unuttum: the reset link (SPEC §1.4)', () => {
  let world: FakeWorld;
  let citizen: FakeCitizen;
  let repository: FakeResetLinkRepository;
  let changed: SecurityWordChanged[];
  let resetLinks: ResetLinkService;

  beforeEach(() => {
    world = fakeWorld();
    citizen = world.citizens.add(ID.value, 'eski-sozcuk-77');
    repository = new FakeResetLinkRepository(world.citizens);
    changed = [];
    resetLinks = resetLinkService(world, repository, async (event) => void changed.push(event));
  });
  afterEach(() => world.close());

  /** The token of the last link mailed. */
  const mailedToken = (): string => {
    const match = /reset\/([A-Za-z0-9_-]{43})/.exec(world.mails.at(-1)?.text ?? '');
    if (!match) throw new Error('no reset link was mailed');
    return match[1]!;
  };

  test('when a known ID asks, then one link is mailed to the citizen and the request is audited', async () => {
    expect(await resetLinks.issue(ID, origin)).toBe('sent');
    expect(world.mails).toHaveLength(1);
    expect(world.mails[0]!.to).toBe(citizen.email);
    expect((await resetLinks.check(mailedToken())).state).toBe('valid');
    expect(world.audited.map((entry) => entry.action)).toEqual(['reset-link.sent']);
  });

  test('when an unknown ID asks, then nothing is mailed and nothing is stored', async () => {
    expect(await resetLinks.issue(UNKNOWN_ID, origin)).toBe('unknown');
    expect(world.mails).toHaveLength(0);
    expect(repository.links).toHaveLength(0);
  });

  test('when a citizen asks a fourth time in a day, then no mail goes out until the day has passed', async () => {
    for (let i = 0; i < LINKS_PER_DAY; i++) expect(await resetLinks.issue(ID, origin)).toBe('sent');
    expect(await resetLinks.issue(ID, origin)).toBe('limited');
    expect(world.mails).toHaveLength(LINKS_PER_DAY);
    expect(world.audited.at(-1)?.action).toBe('reset-link.limited');

    world.clock.advance(DAY_MS);
    expect(await resetLinks.issue(ID, origin)).toBe('sent');
  });

  test('when the request is made in the background, then the mail goes out only after the asking turn', async () => {
    let endTurn!: () => void;
    const turn = new Promise<void>((resolve) => (endTurn = resolve));
    resetLinks.request(ID, origin, turn);
    await new Promise((resolve) => setImmediate(resolve));
    expect(world.mails).toHaveLength(0);
    endTurn();
    await world.background.drain();
    expect(world.mails).toHaveLength(1);
  });

  test('when thirty minutes have passed, then the link has expired and sets no word', async () => {
    await resetLinks.issue(ID, origin);
    const token = mailedToken();
    world.clock.advance(LINK_TTL_MS - 1);
    expect((await resetLinks.check(token)).state).toBe('valid');
    world.clock.advance(1);
    expect((await resetLinks.check(token)).state).toBe('expired');
    expect(await resetLinks.complete(token, NEW_WORD, NEW_WORD)).toEqual({ result: 'link', state: 'expired' });
    expect(citizen.securityWordHash).toBe('hashed:eski-sozcuk-77');
  });

  test('when a link has been used, then it cannot set a word again', async () => {
    await resetLinks.issue(ID, origin);
    const token = mailedToken();
    expect(await resetLinks.complete(token, NEW_WORD, NEW_WORD)).toEqual({ result: 'changed', stillBlocked: false });
    expect(await resetLinks.complete(token, 'Baska-Sozcuk-2026', 'Baska-Sozcuk-2026')).toEqual({ result: 'link', state: 'used' });
    expect(citizen.securityWordHash).toBe(`hashed:${NEW_WORD}`);
  });

  test('when a newer link is mailed, then the older one is superseded', async () => {
    await resetLinks.issue(ID, origin);
    const older = mailedToken();
    await resetLinks.issue(ID, origin);
    expect((await resetLinks.check(older)).state).toBe('superseded');
    expect((await resetLinks.check(mailedToken())).state).toBe('valid');
  });

  test('when a token is not one of ours, then it is unknown', async () => {
    expect((await resetLinks.check('not-a-token')).state).toBe('unknown');
    expect((await resetLinks.check('A'.repeat(43))).state).toBe('unknown');
  });

  test('when the word is set, then the new hash is stored, the citizen is mailed, the change audited and the conversation told', async () => {
    await resetLinks.issue(ID, origin);
    expect(await resetLinks.complete(mailedToken(), NEW_WORD, NEW_WORD)).toEqual({ result: 'changed', stillBlocked: false });
    await world.background.drain();
    expect(citizen.securityWordHash).toBe(`hashed:${NEW_WORD}`);
    expect(world.mails).toHaveLength(2);
    expect(world.mails[1]!.to).toBe(citizen.email);
    expect(world.audited.at(-1)?.action).toBe('security-word.changed');
    expect(changed).toEqual([{ citizenId: citizen.id, locale: 'tr', conversation: origin.conversation, stillBlocked: false }]);
  });

  test('when a blocked citizen sets a word, then the word changes but the outcome and the conversation say the account is still blocked', async () => {
    citizen.blockedAt = new Date();
    await resetLinks.issue(ID, origin);
    expect(await resetLinks.complete(mailedToken(), NEW_WORD, NEW_WORD)).toEqual({ result: 'changed', stillBlocked: true });
    await world.background.drain();
    expect(citizen.securityWordHash).toBe(`hashed:${NEW_WORD}`);
    expect(citizen.blockedAt).not.toBeNull();
    expect(changed).toEqual([{ citizenId: citizen.id, locale: 'tr', conversation: origin.conversation, stillBlocked: true }]);
  });

  test.each([
    ['shorter than 8 characters', 'kisa1', 'kisa1', ['too-short']],
    ['containing the ID', `x${ID.value}y`, `x${ID.value}y`, ['contains-id']],
    ['typed differently twice', NEW_WORD, `${NEW_WORD}!`, ['mismatch']],
  ])('when the new word is %s, then it is refused with that rule and the link stays usable', async (_case, word, repeat, rules) => {
    await resetLinks.issue(ID, origin);
    const token = mailedToken();
    for (let i = 0; i < REFUSALS_PER_LINK + 1; i++)
      expect(await resetLinks.complete(token, word, repeat)).toEqual({ result: 'refused', rules });
    expect((await resetLinks.check(token)).state).toBe('valid');
  });

  test('when the new word is the current one, then it is refused as same-as-current', async () => {
    await resetLinks.issue(ID, origin);
    expect(await resetLinks.complete(mailedToken(), 'eski-sozcuk-77', 'eski-sozcuk-77')).toEqual({
      result: 'refused',
      rules: ['same-as-current'],
    });
  });

  test('when common words are tried five times on one link, then the link is void', async () => {
    await resetLinks.issue(ID, origin);
    const token = mailedToken();
    for (let i = 1; i < REFUSALS_PER_LINK; i++) {
      expect(await resetLinks.complete(token, 'fenerbahce1907', 'fenerbahce1907')).toEqual({ result: 'refused', rules: ['common'] });
    }
    expect(await resetLinks.complete(token, 'fenerbahce1907', 'fenerbahce1907')).toEqual({ result: 'voided' });
    expect(await resetLinks.complete(token, NEW_WORD, NEW_WORD)).toEqual({ result: 'link', state: 'used' });
  });
});
