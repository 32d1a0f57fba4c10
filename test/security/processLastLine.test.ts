import { EventEmitter } from 'node:events';
import { installLastLineOfDefence } from '../../src/lastLineOfDefence';
import { createLogger } from '../../src/logger';

/**
 * The process-level handlers index.ts installs: a fault nobody handled is logged without secrets
 * and the process keeps serving; a burst of them stops it for a restart. (Every crash of issue 18
 * is also fixed at its cause; the suites replaying them build the app without these handlers.)
 */
describe('the last line of defence', () => {
  function installed() {
    const target = Object.assign(new EventEmitter(), { exit: jest.fn() as unknown as (code: number) => never });
    const lines: string[] = [];
    let now = 0;
    installLastLineOfDefence(
      target,
      createLogger('info', (line) => lines.push(line)),
      () => now,
    );
    return { target, lines, advance: (ms: number) => (now += ms) };
  }

  test('when an exception nobody caught arrives, then it is logged by name and the process is not stopped', () => {
    const { target, lines } = installed();
    target.emit('uncaughtException', Object.assign(new TypeError('Invalid URL'), { code: 'ERR_INVALID_URL' }));
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!)).toMatchObject({
      level: 'error',
      kind: 'uncaughtException',
      failure: { code: 'ERR_INVALID_URL' },
      error: { name: 'TypeError' },
    });
    expect(target.exit).not.toHaveBeenCalled();
  });

  test('when a rejection nobody handled carries a string (it could be a secret), then only its type is logged', () => {
    const { target, lines } = installed();
    target.emit('unhandledRejection', 'Gizli.Sozcuk.9 10000000146');
    expect(lines.join('\n')).not.toContain('Gizli');
    expect(lines.join('\n')).not.toContain('10000000146');
    expect(JSON.parse(lines[0]!)).toMatchObject({ kind: 'unhandledRejection', thrown: 'string' });
  });

  test('when a message of a fault quotes an ID number, then the number is masked', () => {
    const { target, lines } = installed();
    target.emit('uncaughtException', new Error('no citizen 10000000146'));
    expect(lines.join('\n')).not.toContain('10000000146');
  });

  test('when more than 20 faults arrive within a minute, then the process stops non-zero; 20 spread over minutes do not stop it', () => {
    const spread = installed();
    for (let fault = 0; fault < 40; fault++) {
      spread.target.emit('uncaughtException', new Error('again'));
      spread.advance(10_000);
    }
    expect(spread.target.exit).not.toHaveBeenCalled();

    const burst = installed();
    for (let fault = 0; fault < 21; fault++) burst.target.emit('uncaughtException', new Error('again'));
    expect(burst.target.exit).toHaveBeenCalledWith(1);
  });
});
