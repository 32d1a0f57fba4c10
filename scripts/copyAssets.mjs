// Copies what the compiled assistant reads besides its JavaScript into the build folder:
//   node scripts/copyAssets.mjs [OUT_DIR]   (default dist; `npm run build` runs it after tsc)
// Web Chat's bundle is a development dependency: the build carries its one file, so a production
// install (npm ci --omit=dev) has no React or speech SDK.
import { cpSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const out = resolve(root, process.argv[2] ?? 'dist');
const require = createRequire(join(root, 'package.json'));

/** The package's exports map hides dist/; its CommonJS entry (lib/index.js) sits beside it. */
const webChatBundle = join(dirname(require.resolve('botframework-webchat')), '..', 'dist', 'webchat.js');

const copies = [
  ['src/data/migrations', 'src/data/migrations'],
  ['src/domain/commonWords.txt', 'src/domain/commonWords.txt'],
  ['seed', 'seed'],
  ['src/web/static', 'src/web/static'],
  [webChatBundle, 'src/web/static/webchat.js'],
];

for (const [from, to] of copies) {
  const source = resolve(root, from);
  const target = join(out, to);
  mkdirSync(dirname(target), { recursive: true });
  cpSync(source, target, { recursive: true });
}
process.stdout.write(`Copied ${copies.length} assets into ${out}\n`);
