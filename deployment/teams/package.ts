/**
 * `npm run teams:package`: the Microsoft Teams app package a tenant admin uploads
 * (dist/teams/e-imza-yardimcisi.zip: manifest.json, en-us.json and the two icons at the root).
 *
 * The manifest is written here from the environment (the bot's app id, the public address) and
 * the message catalogs (names, descriptions, commands in Turkish with an English localization),
 * checked against the Teams manifest schemas that @microsoft/app-manifest ships (read from disk,
 * never downloaded), and zipped with node:zlib. Nothing is written when a check fails.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { crc32, deflateRawSync } from 'node:zlib';
import type { TeamsManifest } from '@microsoft/app-manifest';
import type { ValidateFunction } from 'ajv';
import AjvDraft04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { z } from 'zod';
import { translate, type MessageKey } from '../../src/language/messages';
import { ACCENT_COLOR, ICON_FILES } from './icons';

/** The manifest schema version: new enough for localized bots and command lists, accepted by every current Teams client. */
export const MANIFEST_VERSION = '1.24';
export const PACKAGE_FILE = 'e-imza-yardimcisi.zip';
export const MANIFEST_FILE = 'manifest.json';
export const ENGLISH_FILE = 'en-us.json';
const SCHEMA_URL = `https://developer.microsoft.com/json-schemas/teams/v${MANIFEST_VERSION}/MicrosoftTeams.schema.json`;
const LOCALIZATION_SCHEMA_URL = `https://developer.microsoft.com/json-schemas/teams/v${MANIFEST_VERSION}/MicrosoftTeams.Localization.schema.json`;
const ICON_SIZES = { [ICON_FILES.color]: 192, [ICON_FILES.outline]: 32 } as const;

/** The commands Teams lists under the compose box: the global commands, which work at every step. */
const COMMANDS = ['menu', 'help', 'cancel', 'agent', 'logout', 'language'] as const;

export class PackagingError extends Error {
  constructor(readonly problems: string[]) {
    super(`The Teams package was not written:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'PackagingError';
  }
}

const GUID = /^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$/;
const blankIsUnset = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (typeof value === 'string' && value.trim() === '' ? undefined : value), schema);
const httpsUrl = (what: string) =>
  z
    .string({ error: `is required: ${what}` })
    .refine((value) => URL.canParse(value) && new URL(value).protocol === 'https:', `must be an https:// address (${what})`);

/** What the package is made from: read from the environment only here, in the command. */
const settingsSchema = z.object({
  MICROSOFT_APP_ID: blankIsUnset(
    z.string({ error: "is required: the bot's Microsoft App ID" }).regex(GUID, "must be the bot's Microsoft App ID, a GUID"),
  ),
  PUBLIC_BASE_URL: blankIsUnset(httpsUrl('the public address of the assistant, the web chat page')),
  TEAMS_PRIVACY_URL: blankIsUnset(httpsUrl('the privacy statement').optional()),
  TEAMS_TERMS_URL: blankIsUnset(httpsUrl('the terms of use').optional()),
  TEAMS_APP_VERSION: blankIsUnset(
    z
      .string()
      .regex(/^\d+\.\d+\.\d+$/, 'must be a version such as 1.2.3, raised for every new upload')
      .optional(),
  ),
});

export type PackageSettings = {
  appId: string;
  baseUrl: string;
  privacyUrl: string;
  termsUrl: string;
  version: string;
};

export function readSettings(env: Record<string, string | undefined>): PackageSettings {
  const parsed = settingsSchema.safeParse(env);
  if (!parsed.success) {
    throw new PackagingError(parsed.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`));
  }
  const baseUrl = parsed.data.PUBLIC_BASE_URL.replace(/\/+$/, '');
  const packageVersion = (JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')) as { version: string }).version;
  return {
    appId: parsed.data.MICROSOFT_APP_ID.toLowerCase(),
    baseUrl,
    // The web chat page until the institution gives its own statements.
    privacyUrl: parsed.data.TEAMS_PRIVACY_URL ?? `${baseUrl}/`,
    termsUrl: parsed.data.TEAMS_TERMS_URL ?? `${baseUrl}/`,
    version: parsed.data.TEAMS_APP_VERSION ?? packageVersion,
  };
}

function commandKey(command: (typeof COMMANDS)[number]): MessageKey {
  return `teams.command.${command}` as MessageKey;
}

/** The bot is offered in personal chats only: its answers hold security words, codes and PIN/PUK for one person's eyes. */
export function buildManifest(settings: PackageSettings): TeamsManifest {
  const host = new URL(settings.baseUrl).host;
  return {
    $schema: SCHEMA_URL,
    manifestVersion: MANIFEST_VERSION,
    version: settings.version,
    id: settings.appId,
    localizationInfo: {
      defaultLanguageTag: 'tr-tr',
      additionalLanguages: [{ languageTag: 'en-us', file: ENGLISH_FILE }],
    },
    developer: {
      name: 'Kamu SM',
      websiteUrl: `${settings.baseUrl}/`,
      privacyUrl: settings.privacyUrl,
      termsOfUseUrl: settings.termsUrl,
    },
    name: { short: translate('tr', 'teams.name.short'), full: translate('tr', 'teams.name.full') },
    description: { short: translate('tr', 'teams.description.short'), full: translate('tr', 'teams.description.full') },
    icons: { color: ICON_FILES.color, outline: ICON_FILES.outline },
    accentColor: ACCENT_COLOR,
    bots: [
      {
        botId: settings.appId,
        scopes: ['personal'],
        supportsFiles: false,
        isNotificationOnly: false,
        commandLists: [
          {
            scopes: ['personal'],
            commands: COMMANDS.map((command) => ({
              title: translate('tr', commandKey(command)),
              description: translate('tr', `${commandKey(command)}.description` as MessageKey),
            })),
          },
        ],
      },
    ],
    validDomains: [host],
  };
}

/** en-us.json: the manifest's texts in English, keyed by their place in the manifest. */
export function englishLocalization(): Record<string, string> {
  const texts: Record<string, string> = {
    $schema: LOCALIZATION_SCHEMA_URL,
    'name.short': translate('en', 'teams.name.short'),
    'name.full': translate('en', 'teams.name.full'),
    'description.short': translate('en', 'teams.description.short'),
    'description.full': translate('en', 'teams.description.full'),
  };
  COMMANDS.forEach((command, index) => {
    texts[`bots[0].commandLists[0].commands[${index}].title`] = translate('en', commandKey(command));
    texts[`bots[0].commandLists[0].commands[${index}].description`] = translate('en', `${commandKey(command)}.description` as MessageKey);
  });
  return texts;
}

/** The schemas as @microsoft/app-manifest ships them, read from disk so that no check ever reaches the network. */
function shippedSchema(file: string): object {
  const path = require.resolve(`@microsoft/app-manifest/build/json-schemas/teams/v${MANIFEST_VERSION}/${file}`);
  // The package reads its schemas the same way: two escapes in them are not valid JSON as written.
  return JSON.parse(readFileSync(path, 'utf8').replace(/\\a/g, '\\u0007').replace(/\\v/g, '\\u000b')) as object;
}

/** Everything wrong with a package's files, each naming the file and the place; empty when it is good. */
export function checkPackage(files: ReadonlyMap<string, Buffer>): string[] {
  const problems: string[] = [];
  const json = (name: string): Record<string, unknown> | undefined => {
    const data = files.get(name);
    if (!data) {
      problems.push(`${name} is missing`);
      return undefined;
    }
    try {
      return JSON.parse(data.toString('utf8')) as Record<string, unknown>;
    } catch (error) {
      problems.push(`${name} is not JSON: ${(error as Error).message}`);
      return undefined;
    }
  };
  const manifest = json(MANIFEST_FILE);
  if (manifest) problems.push(...schemaProblems(manifest, 'MicrosoftTeams.schema.json').map((failure) => `${MANIFEST_FILE}: ${failure}`));
  const english = json(ENGLISH_FILE);
  if (english)
    problems.push(...schemaProblems(english, 'MicrosoftTeams.Localization.schema.json').map((failure) => `${ENGLISH_FILE}: ${failure}`));
  const icons = (manifest?.['icons'] ?? {}) as Record<string, unknown>;
  for (const [file, size] of Object.entries(ICON_SIZES)) {
    if (!Object.values(icons).includes(file)) problems.push(`${MANIFEST_FILE}: icons do not name ${file}`);
    const data = files.get(file);
    if (!data) {
      problems.push(`${file} is missing`);
      continue;
    }
    const found = pngSize(data);
    if (!found) problems.push(`${file} is not a PNG image`);
    else if (found.width !== size || found.height !== size)
      problems.push(`${file} is ${found.width}×${found.height}; Teams needs ${size}×${size}`);
  }
  return problems;
}

/**
 * A document checked against one of the shipped schemas with the validator and settings that
 * @microsoft/app-manifest's own check uses (Ajv, draft-04, every error), save one: regular
 * expressions without the `u` flag, since a pattern of the localization schema (for
 * activities.activityTypes) is valid only without it. The package's check itself cannot be used
 * in-process everywhere: it requires an ES module (strip-bom), which jest's module loader refuses.
 */
const validators = new Map<string, ValidateFunction>();

function schemaProblems(document: object, schemaFile: string): string[] {
  let validate = validators.get(schemaFile);
  if (!validate) {
    const ajv = new AjvDraft04({ allErrors: true, strictTypes: false, unicodeRegExp: false });
    addFormats(ajv, ['uri', 'email', 'regex']);
    validate = ajv.compile(shippedSchema(schemaFile));
    validators.set(schemaFile, validate);
  }
  if (validate(document)) return [];
  return (validate.errors ?? []).map(
    (error) =>
      `${error.instancePath || '(root)'} ${error.message ?? 'does not match the schema'}. Details: ${JSON.stringify(error.params)}`,
  );
}

function pngSize(data: Buffer): { width: number; height: number } | undefined {
  const signature = '89504e470d0a1a0a';
  if (data.length < 24 || data.subarray(0, 8).toString('hex') !== signature || data.toString('ascii', 12, 16) !== 'IHDR') return undefined;
  return { width: data.readUInt32BE(16), height: data.readUInt32BE(20) };
}

/**
 * A zip of the files, deflated, with a fixed date so that the same inputs give the same bytes.
 * Written with node:zlib rather than a dependency: four record layouts of the zip format, no
 * streaming, no zip64 (the package is a few kilobytes).
 */
export function zip(files: ReadonlyMap<string, Buffer>): Buffer {
  const DOS_DATE_1980_01_01 = (0 << 9) | (1 << 5) | 1;
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, data] of files) {
    const nameBytes = Buffer.from(name, 'utf8');
    const compressed = deflateRawSync(data, { level: 9 });
    const checksum = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed: 2.0 (deflate)
    local.writeUInt16LE(0x0800, 6); // names are UTF-8
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt16LE(0, 10); // time 00:00
    local.writeUInt16LE(DOS_DATE_1980_01_01, 12);
    local.writeUInt32LE(checksum, 14);
    local.writeUInt32LE(compressed.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    local.writeUInt16LE(0, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4); // made by: 2.0, MS-DOS attributes
    local.copy(central, 6, 4, 28); // version needed … file name length: the same fields as the local header
    central.writeUInt16LE(0, 30); // extra field length
    central.writeUInt16LE(0, 32); // comment length
    central.writeUInt16LE(0, 34); // disk
    central.writeUInt16LE(0, 36); // internal attributes
    central.writeUInt32LE(0, 38); // external attributes
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, compressed);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length + compressed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.size, 8);
  end.writeUInt16LE(files.size, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** The package's files, checked; throws PackagingError naming every problem. */
export function teamsPackageFiles(settings: PackageSettings, iconDir = __dirname): Map<string, Buffer> {
  const files = new Map<string, Buffer>([
    [MANIFEST_FILE, Buffer.from(JSON.stringify(buildManifest(settings), null, 2) + '\n', 'utf8')],
    [ENGLISH_FILE, Buffer.from(JSON.stringify(englishLocalization(), null, 2) + '\n', 'utf8')],
  ]);
  const missing: string[] = [];
  for (const file of Object.values(ICON_FILES)) {
    try {
      files.set(file, readFileSync(join(iconDir, file)));
    } catch {
      missing.push(`${join(iconDir, file)} cannot be read (npm run teams:icons draws it)`);
    }
  }
  const problems = [...missing, ...checkPackage(files)];
  if (problems.length > 0) throw new PackagingError(problems);
  return files;
}

/** Writes the zip into `outDir`; returns its path. */
export function writeTeamsPackage(env: Record<string, string | undefined>, outDir: string): string {
  const files = teamsPackageFiles(readSettings(env));
  mkdirSync(outDir, { recursive: true });
  const file = join(outDir, PACKAGE_FILE);
  writeFileSync(file, zip(files));
  return file;
}

if (require.main === module) {
  const outIndex = process.argv.indexOf('--out');
  const outDir = resolve(
    outIndex > 0 && process.argv[outIndex + 1] ? process.argv[outIndex + 1]! : join(__dirname, '..', '..', 'dist', 'teams'),
  );
  try {
    const file = writeTeamsPackage(process.env, outDir);
    console.log(
      `Teams app package written: ${file}\nA Teams admin uploads it in the Teams admin center (Teams apps → Manage apps → Upload new app).`,
    );
  } catch (error) {
    console.error(error instanceof PackagingError ? error.message : error);
    process.exitCode = 1;
  }
}
