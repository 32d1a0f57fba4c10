import { ConcurrencyLimit } from '../../src/lib/concurrencyLimit';

/** A task the test finishes by hand, recording when it started. */
function gate(started: string[], name: string) {
  let finish!: (value: string) => void;
  let fail!: (error: Error) => void;
  const done = new Promise<string>((resolve, reject) => {
    finish = resolve;
    fail = reject;
  });
  return {
    task: () => {
      started.push(name);
      return done;
    },
    finish: () => finish(name),
    fail: () => fail(new Error(`${name} failed`)),
  };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('when more tasks than the limit are run at once (argon2 hashes in a burst of logins)', () => {
  test('then only `limit` run, the others start in arrival order as places free up, and every result arrives', async () => {
    const limit = new ConcurrencyLimit(2);
    const started: string[] = [];
    const gates = ['a', 'b', 'c', 'd', 'e'].map((name) => gate(started, name));
    const results = gates.map((g) => limit.run(g.task));
    await settle();
    expect(started).toEqual(['a', 'b']);
    expect(limit.load).toEqual({ running: 2, waiting: 3 });

    gates[1]!.finish();
    await settle();
    expect(started).toEqual(['a', 'b', 'c']);

    gates[0]!.finish();
    gates[2]!.finish();
    await settle();
    expect(started).toEqual(['a', 'b', 'c', 'd', 'e']);
    gates[3]!.finish();
    gates[4]!.finish();
    await expect(Promise.all(results)).resolves.toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(limit.load).toEqual({ running: 0, waiting: 0 });
  });

  test('then a failing task gives its error to its caller and its place to the next task', async () => {
    const limit = new ConcurrencyLimit(1);
    const started: string[] = [];
    const first = gate(started, 'first');
    const second = gate(started, 'second');
    const failed = limit.run(first.task);
    const next = limit.run(second.task);
    await settle();
    expect(started).toEqual(['first']);

    first.fail();
    await expect(failed).rejects.toThrow('first failed');
    await settle();
    expect(started).toEqual(['first', 'second']);
    second.finish();
    await expect(next).resolves.toBe('second');
    expect(limit.load).toEqual({ running: 0, waiting: 0 });
  });

  test('then a limit below one is refused', () => {
    expect(() => new ConcurrencyLimit(0)).toThrow('at least 1');
    expect(() => new ConcurrencyLimit(1.5)).toThrow('at least 1');
  });
});
