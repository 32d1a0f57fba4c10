import type Redis from 'ioredis';

/**
 * Ends a client for good: QUIT while Redis answers, else at once. A client whose QUIT cannot go out
 * (Redis away, no offline queue) would otherwise go on reconnecting for ever, and keep the process
 * (a test run, anything that embeds the app) alive after close().
 */
export async function closeRedis(client: Redis): Promise<void> {
  if (client.status === 'ready') {
    try {
      await client.quit();
      return;
    } catch {
      // Redis went away meanwhile: dropped below.
    }
  }
  client.disconnect();
}
