import { rmSync } from 'node:fs';
import { dirname } from 'node:path';

/** Removes the run's empty database folder (globalSetup.ts). */
export default function removeDatabaseTemplate(): void {
  const template = process.env['EIMZA_TEST_PGDATA_TEMPLATE'];
  if (template) rmSync(dirname(template), { recursive: true, force: true });
}
