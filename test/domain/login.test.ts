import type { NationalId } from '../../src/domain/identity';
import { MAX_FAILED_LOGINS, type LoginService } from '../../src/domain/login';
import { SECURITY_WORD_MAX_LENGTH } from '../../src/domain/securityWords';
import { FakeLoginRepository, fakeWorld, loginService, type FakeCitizen, type FakeWorld } from '../support/domainFakes';

const origin = { channel: 'webchat', locale: 'tr' as const };
const ID: NationalId = { type: 'tckn', value: '10000000146' };
const UNKNOWN_ID: NationalId = { type: 'tckn', value: '10000000078' };
const WORD = 'mavi-kelebek-42';

describe('Şifreli Giriş and its lockout (SPEC §1.5)', () => {
  let world: FakeWorld;
  let citizen: FakeCitizen;
  let login: LoginService;

  beforeEach(() => {
    world = fakeWorld();
    citizen = world.citizens.add(ID.value, WORD);
    login = loginService(world);
  });
  afterEach(() => world.close());

  const wrongWords = async (count: number, id = ID) => {
    const outcomes = [];
    for (let i = 0; i < count; i++) outcomes.push(await login.logIn(id, 'not-the-word', origin));
    return outcomes;
  };

  test('when wrong words arrive, then each counts one failure and the reply says how many tries remain', async () => {
    const outcomes = await wrongWords(MAX_FAILED_LOGINS - 1);
    expect(outcomes).toEqual([
      { result: 'wrong', triesLeft: MAX_FAILED_LOGINS - 1 },
      { result: 'wrong', triesLeft: MAX_FAILED_LOGINS - 2 },
    ]);
    expect(citizen.failedAttempts).toBe(MAX_FAILED_LOGINS - 1);
    expect(citizen.blockedAt).toBeNull();
  });

  test('when the third wrong word arrives, then the account is blocked, audited, and an e-mail tells the citizen', async () => {
    const outcomes = await wrongWords(MAX_FAILED_LOGINS);
    expect(outcomes.at(-1)).toEqual({ result: 'blocked' });
    expect(citizen.blockedAt).toEqual(world.clock.now());
    expect(world.audited.filter((entry) => entry.action === 'account.blocked')).toHaveLength(1);
    expect(world.mails).toHaveLength(1);
    expect(world.mails[0]!.to).toBe(citizen.email);
    expect(world.mails[0]!.text).toContain('0262 648 18 18');
  });

  test('when a blocked account sends its right word, then it is refused without a check and stays blocked', async () => {
    await wrongWords(MAX_FAILED_LOGINS);
    expect(await login.logIn(ID, WORD, origin)).toEqual({ result: 'refused' });
    expect(await login.logIn(ID, WORD, origin)).toEqual({ result: 'refused' });
    expect(citizen.blockedAt).not.toBeNull();
    expect(world.audited.filter((entry) => entry.action === 'login.success')).toHaveLength(0);
    expect(world.audited.filter((entry) => entry.action === 'login.refused-blocked')).toHaveLength(2);
    // One e-mail for the block, none for the refusals.
    expect(world.mails).toHaveLength(1);
  });

  test('when the right word follows two wrong ones, then the citizen is in and the count starts again', async () => {
    await wrongWords(MAX_FAILED_LOGINS - 1);
    expect(await login.logIn(ID, WORD, origin)).toEqual({ result: 'success', citizen: expect.objectContaining({ id: citizen.id }) });
    expect(citizen.failedAttempts).toBe(0);
    expect(await wrongWords(MAX_FAILED_LOGINS - 1)).toEqual([
      { result: 'wrong', triesLeft: MAX_FAILED_LOGINS - 1 },
      { result: 'wrong', triesLeft: MAX_FAILED_LOGINS - 2 },
    ]);
  });

  test('when an unknown ID sends words, then it is counted, blocked and refused exactly like a known one', async () => {
    const outcomes = await wrongWords(MAX_FAILED_LOGINS + 1, UNKNOWN_ID);
    expect(outcomes).toEqual([
      { result: 'wrong', triesLeft: MAX_FAILED_LOGINS - 1 },
      { result: 'wrong', triesLeft: MAX_FAILED_LOGINS - 2 },
      { result: 'blocked' },
      { result: 'refused' },
    ]);
    // No one to tell: the block of an unknown ID sends no e-mail.
    expect(world.mails).toHaveLength(0);
  });

  test('when a word longer than the policy allows carries the right word, then it counts as wrong', async () => {
    citizen.securityWordHash = `hashed:${'x'.repeat(SECURITY_WORD_MAX_LENGTH + 1)}`;
    expect(await login.logIn(ID, 'x'.repeat(SECURITY_WORD_MAX_LENGTH + 1), origin)).toEqual({
      result: 'wrong',
      triesLeft: MAX_FAILED_LOGINS - 1,
    });
  });

  test('when ten wrong words arrive at once, then only three are counted, one blocks and the rest are refused', async () => {
    const outcomes = await Promise.all(Array.from({ length: 10 }, () => login.logIn(ID, 'not-the-word', origin)));
    expect(outcomes.filter((outcome) => outcome.result === 'wrong')).toHaveLength(MAX_FAILED_LOGINS - 1);
    expect(outcomes.filter((outcome) => outcome.result === 'blocked')).toHaveLength(1);
    expect(outcomes.filter((outcome) => outcome.result === 'refused')).toHaveLength(10 - MAX_FAILED_LOGINS);
    expect(world.audited.filter((entry) => entry.action === 'login.failure')).toHaveLength(MAX_FAILED_LOGINS);
  });

  test('when the right word arrives while the account was blocked by a parallel try, then it does not get in', async () => {
    const repository = new FakeLoginRepository(world.citizens);
    const racing = loginService(world, repository);
    // The block lands between reserving this try and checking its word.
    const reserve = repository.reserveAttempt.bind(repository);
    repository.reserveAttempt = async (...args) => {
      const attempt = await reserve(...args);
      citizen.blockedAt = world.clock.now();
      return attempt;
    };
    expect(await racing.logIn(ID, WORD, origin)).toEqual({ result: 'refused' });
  });
});
