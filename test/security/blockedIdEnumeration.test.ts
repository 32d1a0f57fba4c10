import { MEHMET } from '../support/citizenLogin';
import { appPerTest, CALL_CENTER, citizenRow, onBothDatabases, UNKNOWN_ID } from '../support/lockout';
import type { TestApp } from '../support/testApp';

/**
 * Attacks on Şifreli Giriş's lockout.
 * 1. Enumeration: a blocked ID answered "bloke" on its very first try, an unknown ID "2 tries
 *    left": one try told whether an ID is registered (and blocked). Now any ID (known, blocked or
 *    unknown) answers a new login the same way: "2 left", "1 left", then "blocked, call".
 * 2. A race: parallel tries of which one is right. A try arriving while three were still being
 *    checked was told "blocked", and a wrong try holding the third reservation was told "blocked"
 *    after the right one had reset the counter; the account was not blocked either time.
 */
const BLOCKED_TEXT = 'bloke edilmiştir';

function lockoutAttacks(start: () => Promise<TestApp>) {
  const app = appPerTest(start);
  const { open } = app;

  test('when a blocked ID and a never-tried unknown ID are each tried three times in a new login, then every answer is the same', async () => {
    const blocker = await open(MEHMET.id);
    for (const word of ['yanlis-1', 'yanlis-2', 'yanlis-3']) await blocker.sayText(word);
    expect((await citizenRow(app.running, MEHMET.id)).blocked_at).not.toBeNull();

    const blocked = await open(MEHMET.id);
    const unknown = await open(UNKNOWN_ID);
    // The right word of the blocked account too: it is refused without being checked.
    for (const [word, other] of [
      [MEHMET.word, 'baska-1'],
      ['baska-2', 'baska-2'],
      ['baska-3', 'baska-3'],
    ] as const) {
      expect(await blocked.sayText(word)).toBe(await unknown.sayText(other));
    }
    const last = await open(MEHMET.id);
    await last.sayText('x-yanlis-1');
    await last.sayText('x-yanlis-2');
    const told = await last.sayText(MEHMET.word);
    expect(told).toContain(BLOCKED_TEXT);
    expect(told).toContain(CALL_CENTER);
    expect((await citizenRow(app.running, MEHMET.id)).blocked_at).not.toBeNull();
  });

  test('when one right and several wrong words arrive at once, round after round, then "blocked" is said only when the account is blocked', async () => {
    for (let round = 0; round < 6; round++) {
      await app.running.app.db.query('UPDATE citizens SET failed_attempts = 0, blocked_at = NULL WHERE national_id = $1', [MEHMET.id]);
      const parallel = await Promise.all(Array.from({ length: 5 }, () => open(MEHMET.id)));
      const replies = await Promise.all(
        parallel.map((client, index) => client.sayText(index === round % 5 ? MEHMET.word : `paralel-yanlis-${index}`)),
      );
      const row = await citizenRow(app.running, MEHMET.id);
      const saidBlocked = replies.filter((reply) => reply.includes(BLOCKED_TEXT)).length;
      // "Blocked" is said when, and only when, the account is blocked (the try that blocked it says so).
      expect({ round, saidBlocked: saidBlocked > 0 }).toEqual({ round, saidBlocked: row.blocked_at !== null });
      await Promise.all(parallel.map((client) => client.stop()));
      app.clients.splice(0);
    }
  });
}

onBothDatabases('lockout attacks', lockoutAttacks);
