import {
  CODE_DIGITS,
  CODE_RESEND_AFTER_MS,
  CODE_TTL_MS,
  CODES_PER_FLOW,
  CODES_PER_PHONE_PER_DAY,
  WRONG_CODES_ALLOWED,
  type OneTimeCodes,
} from '../../src/domain/oneTimeCodes';
import { fakeWorld, oneTimeCodes, type FakeWorld } from '../support/domainFakes';

const PHONE = '+905321234567';
const actor = { subject: { hash: 'subject-hash', masked: '100******46' }, channel: 'webchat' };
const message = (code: string) => `SMS Onay kodunuz: ${code}`;

describe('SMS Onay codes (SPEC §1.6)', () => {
  let world: FakeWorld;
  let codes: OneTimeCodes;

  beforeEach(() => {
    world = fakeWorld();
    codes = oneTimeCodes(world);
  });
  afterEach(() => world.close());

  /** The digits of the last text message. */
  const lastCode = (): string => {
    const match = /(\d+)$/.exec(world.texts.at(-1)?.body ?? '');
    if (!match) throw new Error('no code was texted');
    return match[1]!;
  };
  const aWrongCode = (): string => (lastCode() === '000000' ? '111111' : '000000');

  test('when a code is sent, then six digits go to the phone, only once, and the right code passes', async () => {
    expect(await codes.send('flow-1', PHONE, message, actor)).toEqual({ result: 'sent', secondsLeft: CODE_TTL_MS / 1000 });
    expect(world.texts).toEqual([{ to: PHONE, body: expect.stringMatching(new RegExp(`^SMS Onay kodunuz: \\d{${CODE_DIGITS}}$`)) }]);
    expect(await codes.verify('flow-1', lastCode())).toEqual({ result: 'passed' });
    // A code that passed is spent.
    expect(await codes.verify('flow-1', lastCode())).toEqual({ result: 'dead' });
  });

  test('when 300 seconds have passed, then the code has expired', async () => {
    await codes.send('flow-1', PHONE, message, actor);
    world.clock.advance(CODE_TTL_MS - 33_000);
    expect(await codes.secondsLeft('flow-1')).toBe(33);
    world.clock.advance(33_000);
    expect(await codes.verify('flow-1', lastCode())).toEqual({ result: 'expired' });
  });

  test('when a new code is asked for within 60 seconds, then the citizen is told to wait, and after it the old code no longer works', async () => {
    await codes.send('flow-1', PHONE, message, actor);
    const first = lastCode();
    world.clock.advance(CODE_RESEND_AFTER_MS - 20_000);
    expect(await codes.send('flow-1', PHONE, message, actor)).toEqual({ result: 'wait', seconds: 20 });
    expect(world.texts).toHaveLength(1);

    world.clock.advance(20_000);
    expect(await codes.send('flow-1', PHONE, message, actor)).toMatchObject({ result: 'sent' });
    // Two random codes in a row are the same once in a million sends.
    expect(await codes.verify('flow-1', first)).toMatchObject({ result: 'wrong' });
    expect(await codes.verify('flow-1', lastCode())).toEqual({ result: 'passed' });
  });

  test('when three codes have been sent in one login, then no fourth is sent', async () => {
    for (let i = 0; i < CODES_PER_FLOW; i++) {
      expect(await codes.send('flow-1', PHONE, message, actor)).toMatchObject({ result: 'sent' });
      world.clock.advance(CODE_RESEND_AFTER_MS);
    }
    expect(await codes.canSendAnother('flow-1')).toBe(false);
    expect(await codes.send('flow-1', PHONE, message, actor)).toEqual({ result: 'limit' });
    expect(world.texts).toHaveLength(CODES_PER_FLOW);
  });

  test('when three wrong codes arrive, then the code dies and even the right one is refused', async () => {
    await codes.send('flow-1', PHONE, message, actor);
    const wrong = aWrongCode();
    for (let i = 1; i < WRONG_CODES_ALLOWED; i++) {
      expect(await codes.verify('flow-1', wrong)).toEqual({
        result: 'wrong',
        triesLeft: WRONG_CODES_ALLOWED - i,
        secondsLeft: CODE_TTL_MS / 1000,
      });
    }
    expect(await codes.verify('flow-1', wrong)).toEqual({ result: 'dead' });
    expect(await codes.verify('flow-1', lastCode())).toEqual({ result: 'dead' });
    expect(await codes.secondsLeft('flow-1')).toBeUndefined();
  });

  test('when one phone has had ten codes today, then no more are sent to it until the next day, whatever the login', async () => {
    for (let i = 0; i < CODES_PER_PHONE_PER_DAY; i++) {
      expect(await codes.send(`flow-${i}`, PHONE, message, actor)).toMatchObject({ result: 'sent' });
    }
    expect(await codes.send('flow-next', PHONE, message, actor)).toEqual({ result: 'dailyLimit' });
    expect(world.texts).toHaveLength(CODES_PER_PHONE_PER_DAY);
    expect(world.audited.at(-1)?.action).toBe('sms-code.daily-limit');
    // Another number is not held up by this one's count.
    expect(await codes.send('flow-other', '+905339876543', message, actor)).toMatchObject({ result: 'sent' });

    world.clock.advance(24 * 60 * 60_000);
    expect(await codes.send('flow-tomorrow', PHONE, message, actor)).toMatchObject({ result: 'sent' });
  });

  test("when a phone's login codes are used up, then a code checking it as someone's new number is still counted apart", async () => {
    for (let i = 0; i < CODES_PER_PHONE_PER_DAY; i++) await codes.send(`flow-${i}`, PHONE, message, actor);
    expect(await codes.send('flow-new-number', PHONE, message, actor, 'new-number')).toMatchObject({ result: 'sent' });
  });

  test('when the SMS cannot be sent, then the citizen is told and the code does not count toward the day', async () => {
    world.smsOutage.on = true;
    expect(await codes.send('flow-failed', PHONE, message, actor)).toEqual({ result: 'failed' });
    expect(world.smsFailures).toEqual(['+90 5** *** ** 67']);
    world.smsOutage.on = false;
    for (let i = 0; i < CODES_PER_PHONE_PER_DAY; i++) {
      expect(await codes.send(`flow-${i}`, PHONE, message, actor)).toMatchObject({ result: 'sent' });
    }
  });
});
