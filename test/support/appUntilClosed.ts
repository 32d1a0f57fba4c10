/**
 * A child process for the suites about what a closed app leaves behind: starts the app from the
 * environment, says "ready", closes it when told "close" on stdin, says "closed", and then does
 * nothing more. It never calls process.exit: the process ends only when close() left nothing alive.
 */
import { createApp } from '../../src/app';
import { loadConfig } from '../../src/config';

async function main(): Promise<void> {
  const app = await createApp(loadConfig(process.env));
  await app.listen(0);
  process.stdout.write('ready\n');
  process.stdin.once('data', () => {
    process.stdin.destroy();
    void app.close().then(() => process.stdout.write('closed\n'));
  });
}

void main();
