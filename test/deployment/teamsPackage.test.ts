import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32, inflateSync } from 'node:zlib';
import yauzl from 'yauzl';
import { colorIcon, outlineIcon } from '../../deployment/teams/icons';
import { buildManifest, checkPackage, englishLocalization, readSettings, teamsPackageFiles, zip } from '../../deployment/teams/package';
import { globalCommandOf } from '../../src/dialogs/interruptibleDialog';

const ROOT = join(__dirname, '..', '..');
const APP_ID = '0d3a1c52-8f5e-4b7a-9c41-2e6f8a1b3c4d';
const BASE_URL = 'https://eimza.example.gov.tr';

/** The parts of a built manifest these tests read or break; the rest is checked by the schemas. */
type ManifestJson = {
  bots: { botId: string; scopes: string[]; commandLists: { commands: { title: string }[] }[] }[];
  name: { short: string };
  [field: string]: unknown;
};

/** `npm run teams:package` as an admin runs it, into a folder of the test's own. */
function runPackaging(env: Record<string, string>, outDir: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    execFile(
      'npm',
      ['run', '--silent', 'teams:package', '--', '--out', outDir],
      { cwd: ROOT, env: { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '', ...env } },
      (error, stdout, stderr) => done({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

/**
 * @microsoft/app-manifest's own schema check, run by Node outside jest (the package requires an ES
 * module that jest's loader refuses), with fetch closed: it must use the schema it ships.
 */
function officialSchemaCheck(manifestFile: string): Promise<string[]> {
  const script = `
    globalThis.fetch = () => Promise.reject(new Error('no network in this test'));
    const { AppManifestUtils } = require('@microsoft/app-manifest');
    const manifest = JSON.parse(require('node:fs').readFileSync(process.argv[1], 'utf8'));
    AppManifestUtils.validateAgainstSchema(manifest).then(
      (failures) => console.log(JSON.stringify(failures)),
      (error) => { console.error(error.message); process.exit(2); },
    );`;
  return new Promise((done, fail) => {
    execFile(process.execPath, ['--no-warnings', '-e', script, manifestFile], { cwd: ROOT }, (error, stdout, stderr) =>
      error ? fail(new Error(`${error.message}\n${stderr}`)) : done(JSON.parse(stdout) as string[]),
    );
  });
}

/** The zip read back with an unzip library of its own (yauzl), every entry's checksum checked. */
function unzip(data: Buffer): Promise<Map<string, Buffer>> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(data, { lazyEntries: true }, (error, archive) => {
      if (error || !archive) return reject(error ?? new Error('yauzl opened no archive'));
      const files = new Map<string, Buffer>();
      archive.on('entry', (entry: yauzl.Entry) => {
        archive.openReadStream(entry, (streamError, stream) => {
          if (streamError || !stream) return reject(streamError ?? new Error('yauzl opened no stream'));
          const chunks: Buffer[] = [];
          stream.on('data', (chunk: Buffer) => chunks.push(chunk));
          stream.on('end', () => {
            const content = Buffer.concat(chunks);
            if (crc32(content) !== entry.crc32) return reject(new Error(`${entry.fileName}: checksum does not match`));
            files.set(entry.fileName, content);
            archive.readEntry();
          });
        });
      });
      archive.on('end', () => resolve(files));
      archive.on('error', reject);
      archive.readEntry();
    });
  });
}

/** Pixels of one of our PNGs (8-bit RGBA, every row unfiltered, as icons.ts writes them). */
function rgbaPixels(png: Buffer): { width: number; height: number; pixels: number[][] } {
  const width = png.readUInt32BE(16);
  const height = png.readUInt32BE(20);
  expect([...png.subarray(24, 26)]).toEqual([8, 6]);
  const data: Buffer[] = [];
  for (let offset = 8; offset < png.length;) {
    const length = png.readUInt32BE(offset);
    if (png.toString('ascii', offset + 4, offset + 8) === 'IDAT') data.push(png.subarray(offset + 8, offset + 8 + length));
    offset += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(data));
  const pixels: number[][] = [];
  for (let y = 0; y < height; y++) {
    const row = y * (1 + width * 4);
    expect(raw[row]).toBe(0);
    for (let x = 0; x < width; x++) pixels.push([...raw.subarray(row + 1 + x * 4, row + 5 + x * 4)]);
  }
  return { width, height, pixels };
}

describe('the Microsoft Teams app package', () => {
  let outDir: string;

  beforeEach(() => {
    outDir = mkdtempSync(join(tmpdir(), 'eimza-teams-'));
  });
  afterEach(() => rmSync(outDir, { recursive: true, force: true }));

  test('when npm run teams:package runs with an app id and an https address, then the zip holds the manifest, the English texts and both icons at its root, and read back they match the Teams schema offline', async () => {
    const run = await runPackaging({ MICROSOFT_APP_ID: APP_ID.toUpperCase(), PUBLIC_BASE_URL: `${BASE_URL}/` }, outDir);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const zipFile = join(outDir, 'e-imza-yardimcisi.zip');
    expect(run.stdout).toContain(zipFile);

    const files = await unzip(readFileSync(zipFile));
    expect([...files.keys()].sort()).toEqual(['color.png', 'en-us.json', 'manifest.json', 'outline.png']);
    expect(checkPackage(files)).toEqual([]);
    const unpacked = join(outDir, 'manifest.json');
    writeFileSync(unpacked, files.get('manifest.json')!);
    expect(await officialSchemaCheck(unpacked)).toEqual([]);

    const manifest = JSON.parse(files.get('manifest.json')!.toString('utf8')) as ManifestJson;

    expect(manifest['manifestVersion']).toBe('1.24');
    expect(manifest['id']).toBe(APP_ID);
    expect(manifest['bots']).toHaveLength(1);
    expect(manifest.bots[0]).toMatchObject({ botId: APP_ID, scopes: ['personal'] });
    expect(manifest['validDomains']).toEqual(['eimza.example.gov.tr']);
    expect(manifest['developer']).toMatchObject({ websiteUrl: `${BASE_URL}/`, privacyUrl: `${BASE_URL}/`, termsOfUseUrl: `${BASE_URL}/` });
    expect(manifest.name.short).toBe('e-İmza Yardımcısı');
    expect(manifest['localizationInfo']).toEqual({
      defaultLanguageTag: 'tr-tr',
      additionalLanguages: [{ languageTag: 'en-us', file: 'en-us.json' }],
    });
    const english = JSON.parse(files.get('en-us.json')!.toString('utf8')) as Record<string, string>;
    expect(english['name.short']).toBe('e-İmza Assistant');
    expect(english['description.full']).toContain('+90 262 648 18 18');
    expect(files.get('color.png')).toEqual(readFileSync(join(ROOT, 'deployment', 'teams', 'color.png')));
  });

  test('when the privacy and terms pages and a version are given, then the manifest uses them', () => {
    const settings = readSettings({
      MICROSOFT_APP_ID: APP_ID,
      PUBLIC_BASE_URL: 'https://sohbet.example.gov.tr:8443/eimza',
      TEAMS_PRIVACY_URL: 'https://www.example.gov.tr/kvkk',
      TEAMS_TERMS_URL: 'https://www.example.gov.tr/kullanim',
      TEAMS_APP_VERSION: '2.3.4',
    });
    const manifest = buildManifest(settings) as unknown as ManifestJson;
    expect(manifest['version']).toBe('2.3.4');
    expect(manifest['developer']).toMatchObject({
      websiteUrl: 'https://sohbet.example.gov.tr:8443/eimza/',
      privacyUrl: 'https://www.example.gov.tr/kvkk',
      termsOfUseUrl: 'https://www.example.gov.tr/kullanim',
    });
    expect(manifest['validDomains']).toEqual(['sohbet.example.gov.tr:8443']);
    expect(checkPackage(teamsPackageFiles(settings))).toEqual([]);
  });

  test('when the app id is missing and the address is plain http, then nothing is written and the message names both variables', async () => {
    const run = await runPackaging({ PUBLIC_BASE_URL: 'http://eimza.example.gov.tr' }, outDir);
    expect(run.code).not.toBe(0);
    expect(run.stderr).toContain('The Teams package was not written');
    expect(run.stderr).toContain('MICROSOFT_APP_ID is required');
    expect(run.stderr).toContain('PUBLIC_BASE_URL must be an https:// address');
    expect(existsSync(join(outDir, 'e-imza-yardimcisi.zip'))).toBe(false);
  });

  test('when the app id is not a GUID or the version is not x.y.z, then the settings are refused with the reason', () => {
    expect(() => readSettings({ MICROSOFT_APP_ID: 'my-bot', PUBLIC_BASE_URL: BASE_URL })).toThrow(
      /MICROSOFT_APP_ID must be the bot's Microsoft App ID, a GUID/,
    );
    expect(() => readSettings({ MICROSOFT_APP_ID: APP_ID, PUBLIC_BASE_URL: BASE_URL, TEAMS_APP_VERSION: '1.0' })).toThrow(
      /TEAMS_APP_VERSION must be a version such as 1.2.3/,
    );
  });

  test('when a package breaks the schema or has a wrong icon, then the check names each place', () => {
    const files = teamsPackageFiles(readSettings({ MICROSOFT_APP_ID: APP_ID, PUBLIC_BASE_URL: BASE_URL }));
    const manifest = JSON.parse(files.get('manifest.json')!.toString('utf8')) as ManifestJson;
    manifest.bots[0]!.botId = 'not-a-guid';
    manifest.name.short = 'x'.repeat(31);
    files.set('manifest.json', Buffer.from(JSON.stringify(manifest)));
    files.set('en-us.json', Buffer.from(JSON.stringify({ ...englishLocalization(), 'description.short': 'y'.repeat(81) })));
    files.set('outline.png', colorIcon(64));
    files.delete('color.png');

    const problems = checkPackage(files);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^manifest\.json: \/bots\/0\/botId must match pattern/),
        expect.stringMatching(/^manifest\.json: \/name\/short must NOT have more than 30 characters/),
        expect.stringMatching(/^en-us\.json: \/description\.short must NOT have more than 80 characters/),
        'outline.png is 64×64; Teams needs 32×32',
        'color.png is missing',
      ]),
    );
  });

  test('when the same settings are packaged twice, then the zips are byte for byte the same', () => {
    const settings = readSettings({ MICROSOFT_APP_ID: APP_ID, PUBLIC_BASE_URL: BASE_URL });
    expect(zip(teamsPackageFiles(settings)).equals(zip(teamsPackageFiles(settings)))).toBe(true);
  });

  test('when the icons are drawn again, then they are the committed PNGs: 192×192 opaque colour, 32×32 white on transparent', () => {
    const committed = (file: string) => readFileSync(join(ROOT, 'deployment', 'teams', file));
    expect(colorIcon().equals(committed('color.png'))).toBe(true);
    expect(outlineIcon().equals(committed('outline.png'))).toBe(true);

    const color = rgbaPixels(committed('color.png'));
    expect([color.width, color.height]).toEqual([192, 192]);
    expect(color.pixels.every(([, , , alpha]) => alpha === 255)).toBe(true);

    const outline = rgbaPixels(committed('outline.png'));
    expect([outline.width, outline.height]).toEqual([32, 32]);
    const drawn = outline.pixels.filter(([, , , alpha]) => alpha! > 0);
    expect(drawn.every(([red, green, blue]) => red === 255 && green === 255 && blue === 255)).toBe(true);
    expect(drawn.length).toBeGreaterThan(32 * 32 * 0.1);
    expect(outline.pixels.filter(([, , , alpha]) => alpha === 0).length).toBeGreaterThan(32 * 32 * 0.5);
  });

  test('when a citizen picks one of the commands Teams lists, in either language, then it is a command the bot understands at every step', () => {
    const manifest = buildManifest(readSettings({ MICROSOFT_APP_ID: APP_ID, PUBLIC_BASE_URL: BASE_URL })) as unknown as ManifestJson;
    const turkish: string[] = manifest.bots[0]!.commandLists[0]!.commands.map((command) => command.title);
    const english = Object.entries(englishLocalization())
      .filter(([key]) => key.endsWith('.title'))
      .map(([, title]) => title);
    expect(turkish).toHaveLength(6);
    expect(english).toHaveLength(6);
    for (const title of [...turkish, ...english])
      expect({ title, command: globalCommandOf(title) }).toEqual({ title, command: expect.anything() });
  });
});
