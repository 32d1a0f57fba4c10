import { createApp } from './app';
import { ConfigError, loadConfig } from './config';
import { DataDirLockedError } from './data/dataDirLock';
import { installLastLineOfDefence } from './lastLineOfDefence';

/** Starts the assistant from the environment and stops it cleanly on SIGTERM/SIGINT. */
async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const app = await createApp(config);
  installLastLineOfDefence(process, app.logger);
  const port = await app.listen();
  app.logger.info('e-İmza Yardımcısı is listening', {
    host: config.HOST,
    port,
    publicBaseUrl: config.PUBLIC_BASE_URL,
    botEndpoint: `http://localhost:${port}/api/messages`,
  });
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) {
      app.logger.warn('stopping at once: a second signal arrived while draining', { signal });
      process.exit(1);
    }
    stopping = true;
    app.logger.info('stopping', { signal });
    try {
      await app.close();
    } catch (error) {
      app.logger.error('the stop did not finish cleanly', { error });
      process.exit(1);
    }
    app.logger.info('stopped');
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof DataDirLockedError) {
    process.stderr.write(`${error.message}\n`);
  } else {
    process.stderr.write(`The assistant could not start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  }
  process.exit(1);
});
