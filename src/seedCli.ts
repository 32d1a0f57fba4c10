import { createApp } from './app';
import { ConfigError, loadConfig } from './config';
import { importSeed, readSeedFile, SeedError } from './data/seed';
import { DataDirLockedError } from './data/dataDirLock';

/** npm run seed -- FILE: imports a seed file into the configured database and exits. */
async function main(): Promise<void> {
  const file = process.argv[2];
  if (!file) throw new SeedError('Usage: npm run seed -- FILE');
  const seed = readSeedFile(file);
  const app = await createApp(loadConfig({ ...process.env, SEED_FILE: undefined }), { skipDemoSeed: true });
  try {
    const summary = await importSeed(app.db, seed, app.vault, app.hasher);
    process.stdout.write(`Imported ${file}: ${JSON.stringify(summary)}\n`);
  } finally {
    await app.close();
  }
}

main().catch((error: unknown) => {
  const known = error instanceof SeedError || error instanceof ConfigError || error instanceof DataDirLockedError;
  process.stderr.write(`${known ? error.message : String(error)}\n`);
  process.exit(1);
});
