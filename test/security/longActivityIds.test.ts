import { EmulatorClient } from '../support/emulator';
import { startTestApp, type TestApp } from '../support/testApp';

/** Every key of the in-process store with the bytes of its key and value. */
function storedEntries(running: TestApp): { key: string; bytes: number }[] {
  const entries = (running.app.store as unknown as { entries: Map<string, { json: string }> }).entries;
  return [...entries].map(([key, entry]) => ({ key, bytes: Buffer.byteLength(key) + Buffer.byteLength(entry.json) }));
}

const duplicateCheckBytes = (running: TestApp) =>
  storedEntries(running)
    .filter((entry) => entry.key.startsWith('botframework:activity:'))
    .reduce((total, entry) => total + entry.bytes, 0);

/**
 * Activity ids are remembered for 10 minutes to spot Teams' redeliveries; the id was part of the
 * store key with no length limit (100 activities with 1 MB ids kept 101 MB). Ids are now at most
 * 256 characters and the key is a hash of them.
 */
describe('when activities arrive with very long ids', () => {
  let running: TestApp;
  let client: EmulatorClient;

  beforeAll(async () => {
    running = await startTestApp();
    client = new EmulatorClient(running.baseUrl, `long-ids-${Date.now()}`);
    await client.start();
  });
  afterAll(async () => {
    await client.stop();
    await running.close();
  });

  test('when 20 activities carry 100,000-character ids, then each is refused with 400 and the store keeps nothing of them', async () => {
    const before = duplicateCheckBytes(running);
    for (let index = 0; index < 20; index++) {
      const activity = await client.activityFor('menü');
      const response = await client.rawPost({ ...activity, id: `${index}-${'i'.repeat(100_000)}` });
      expect(response.status).toBe(400);
    }
    expect(duplicateCheckBytes(running)).toBe(before);
  });

  test('when 20 activities carry ids of the longest length taken (256 characters), then each is answered and the store keeps under 100 bytes per id', async () => {
    const before = duplicateCheckBytes(running);
    for (let index = 0; index < 20; index++) {
      const activity = await client.activityFor('menü');
      const id = `${index}-`.padEnd(256, 'i');
      const response = await client.rawPost({ ...activity, id });
      expect(response.status).toBe(200);
    }
    const kept = duplicateCheckBytes(running) - before;
    expect(kept).toBeGreaterThan(0);
    expect(kept).toBeLessThan(20 * 100);
  });

  test('then a redelivered id is still recognized: the second delivery runs no turn', async () => {
    const activity = await client.activityFor('menü');
    const id = 'redelivered-'.padEnd(256, 'r');
    expect((await client.rawPost({ ...activity, id })).status).toBe(200);
    const replies = client.replies.length;
    expect((await client.rawPost({ ...activity, id })).status).toBe(200);
    expect(client.replies.length).toBe(replies);
  });
});
