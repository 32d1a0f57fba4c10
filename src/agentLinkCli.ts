import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ConfigError, decodeKey, loadConfig } from './config';
import { systemClock } from './lib/clock';
import { cryptoRandom } from './lib/random';
import { deriveKey } from './lib/secrets';
import { AgentSignIn } from './web/agentSignIn';
import { AGENT_SIGN_IN_PATH } from './web/agentConsole';

/**
 * npm run agent:link -- EXTERNAL_ID: prints a personal sign-in link to the web chat agent console,
 * for the seeded agent whose channel is "webchat" and whose externalId is EXTERNAL_ID. Valid for
 * 15 minutes, once. Needs only the configuration (PINPUK_MASTER_KEY or the key in DATA_DIR), so it
 * works while the assistant runs.
 */
function main(): void {
  const externalId = process.argv[2];
  if (!externalId)
    throw new ConfigError('Usage: npm run agent:link -- EXTERNAL_ID   (the agent\'s "externalId" in the seed file, channel "webchat")');
  const config = loadConfig(process.env);
  const signIn = new AgentSignIn(deriveKey(masterKey(config.PINPUK_MASTER_KEY, config.DATA_DIR), 'agent-sign-in'), systemClock, () =>
    cryptoRandom.bytes(12).toString('base64url'),
  );
  const { token, expiresAt } = signIn.link(externalId);
  process.stdout.write(`${config.PUBLIC_BASE_URL}${AGENT_SIGN_IN_PATH}/${token}\n(valid once, until ${expiresAt.toISOString()})\n`);
}

function masterKey(configured: string | undefined, dataDir: string): Buffer {
  if (configured) return decodeKey(configured)!;
  const file = join(resolve(dataDir), 'pinpuk-master.key');
  const key = existsSync(file) ? decodeKey(readFileSync(file, 'utf8')) : undefined;
  if (!key) throw new ConfigError(`No PINPUK_MASTER_KEY and no key in ${file}: start the assistant once, or set PINPUK_MASTER_KEY.`);
  return key;
}

try {
  main();
} catch (error) {
  process.stderr.write(`${error instanceof ConfigError ? error.message : String(error)}\n`);
  process.exit(1);
}
