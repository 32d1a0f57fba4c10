import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ConfigError, loadConfig } from '../src/config';

const HEX_KEY = 'a'.repeat(64);
const BASE64_KEY = Buffer.alloc(32, 7).toString('base64');

function refusal(env: Record<string, string>): unknown {
  try {
    loadConfig(env);
  } catch (error) {
    return error;
  }
  throw new Error(`loadConfig accepted ${JSON.stringify(env)}`);
}

describe('loadConfig', () => {
  test('when the environment is empty, then every documented default applies', () => {
    const config = loadConfig({});
    expect(config.PORT).toBe(3978);
    expect(config.DATA_DIR).toBe('.data');
    expect(config.CHALLENGE_KIND).toBe('auto');
    expect(config.DEFAULT_LOCALE).toBe('tr-TR');
    expect(config.AUDIT_RETENTION_DAYS).toBe(1095);
    expect(config.EXPIRY_REMINDER_DAYS).toEqual([90, 60, 30, 15, 7, 1]);
    expect(config.PUBLIC_BASE_URL).toBe('http://localhost:3978');
    expect(config.DATABASE_URL).toBeUndefined();
    expect(config.REDIS_URL).toBeUndefined();
    expect(config.SMTP_URL).toBeUndefined();
    expect(config.PINPUK_MASTER_KEY).toBeUndefined();
    expect(config.HOST).toBe('127.0.0.1');
  });

  test('when only PORT is set, then PUBLIC_BASE_URL follows it', () => {
    const config = loadConfig({ PORT: '8080' });
    expect(config.PORT).toBe(8080);
    expect(config.PUBLIC_BASE_URL).toBe('http://localhost:8080');
  });

  test('when PUBLIC_BASE_URL ends with a slash, then links built from it get no double slash', () => {
    expect(loadConfig({ PUBLIC_BASE_URL: 'https://eimza.example.org/' }).PUBLIC_BASE_URL).toBe('https://eimza.example.org');
  });

  test('when variables are set to empty strings, then they count as unset', () => {
    const config = loadConfig({ DATABASE_URL: '', SMTP_URL: '', PINPUK_MASTER_KEY: '', TWILIO_ACCOUNT_SID: '', PUBLIC_BASE_URL: '' });
    expect(config.DATABASE_URL).toBeUndefined();
    expect(config.SMTP_URL).toBeUndefined();
    expect(config.PINPUK_MASTER_KEY).toBeUndefined();
    expect(config.TWILIO_ACCOUNT_SID).toBeUndefined();
    expect(config.PUBLIC_BASE_URL).toBe('http://localhost:3978');
  });

  test('when PORT is empty or blank, like the other variables it counts as unset, not as port 0', () => {
    // z.coerce.number('') is 0: the server would listen on a random port and every e-mailed link
    // would point at http://localhost:0.
    expect(loadConfig({ PORT: '' }).PORT).toBe(3978);
    expect(loadConfig({ PORT: ' ' }).PUBLIC_BASE_URL).toBe('http://localhost:3978');
  });

  test('when every value is valid, then they are kept', () => {
    const config = loadConfig({
      PORT: '0',
      DATABASE_URL: 'postgres://u:p@db:5432/eimza',
      REDIS_URL: 'redis://cache:6379',
      SMTP_URL: 'smtps://mail.example.org:465',
      TWILIO_ACCOUNT_SID: `AC${'0123456789abcdef'.repeat(2)}`,
      TWILIO_SMS_FROM: '+908501234567',
      TWILIO_WHATSAPP_FROM: 'whatsapp:+908501234567',
      PINPUK_MASTER_KEY: BASE64_KEY,
      CHALLENGE_KIND: 'image',
      DEFAULT_LOCALE: 'en-US',
      AUDIT_RETENTION_DAYS: '30',
    });
    expect(config).toMatchObject({ PORT: 0, CHALLENGE_KIND: 'image', DEFAULT_LOCALE: 'en-US', AUDIT_RETENTION_DAYS: 30 });
    expect(config.DATABASE_URL).toBe('postgres://u:p@db:5432/eimza');
  });

  const bad: [string, string][] = [
    ['PORT', 'abc'],
    ['PORT', '70000'],
    ['PORT', '-1'],
    ['CHALLENGE_KIND', 'video'],
    ['DEFAULT_LOCALE', 'de-DE'],
    ['DATABASE_URL', 'mysql://x'],
    ['DATABASE_URL', 'not a url'],
    ['REDIS_URL', 'http://cache:6379'],
    ['SMTP_URL', 'http://x'],
    ['PUBLIC_BASE_URL', 'ftp://eimza.example.org'],
    ['PINPUK_MASTER_KEY', 'short'],
    ['PINPUK_MASTER_KEY', 'a'.repeat(62)],
    ['TWILIO_ACCOUNT_SID', 'bad'],
    ['TWILIO_SMS_FROM', '05321234567'],
    ['AUDIT_RETENTION_DAYS', '0'],
    ['AUDIT_RETENTION_DAYS', 'forever'],
    ['EXPIRY_REMINDER_DAYS', '30,0'],
    ['EXPIRY_REMINDER_DAYS', '30,30'],
    ['EXPIRY_REMINDER_DAYS', '90;60'],
    ['EXPIRY_REMINDER_DAYS', '1.5'],
    ['EXPIRY_REMINDER_DAYS', '-7'],
    ['EXPIRY_REMINDER_DAYS', '4000'],
    ['EXPIRY_REMINDER_DAYS', 'never'],
    ['LOG_LEVEL', 'loud'],
  ];

  test.each(bad)('when %s=%j, then a ConfigError naming the variable is thrown', (name, value) => {
    const error = refusal({ [name]: value });
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toContain(name);
  });

  test.each<[string, number[]]>([
    ['7, 30 ,1', [30, 7, 1]],
    ['45', [45]],
    ['off', []],
    ['OFF', []],
  ])('when EXPIRY_REMINDER_DAYS=%j, then the reminders come at %j days (nearest last), or not at all', (value, days) => {
    expect(loadConfig({ EXPIRY_REMINDER_DAYS: value }).EXPIRY_REMINDER_DAYS).toEqual(days);
  });

  test('when several values are bad, then the error names each of them', () => {
    const error = refusal({ PORT: 'abc', CHALLENGE_KIND: 'video' }) as Error;
    expect(error.message).toContain('PORT');
    expect(error.message).toContain('CHALLENGE_KIND');
  });

  test('when a bad value is refused, then the message does not echo a secret it was given', () => {
    const secret = 'c2VjcmV0LXRoYXQtaXMtdG9vLXNob3J0';
    expect((refusal({ PINPUK_MASTER_KEY: secret }) as Error).message).not.toContain(secret);
  });

  test('when NODE_ENV=production and PINPUK_MASTER_KEY is missing, then the start is refused naming the key', () => {
    const error = refusal({ NODE_ENV: 'production' });
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toContain('PINPUK_MASTER_KEY');
  });

  test('when DATABASE_URL is set without PINPUK_MASTER_KEY, then the start is refused: instances must share the key', () => {
    const error = refusal({ DATABASE_URL: 'postgres://db.example/eimza' });
    expect((error as Error).message).toMatch(/PINPUK_MASTER_KEY is required with DATABASE_URL/);
    expect(loadConfig({ DATABASE_URL: 'postgres://db.example/eimza', PINPUK_MASTER_KEY: HEX_KEY }).DATABASE_URL).toBe(
      'postgres://db.example/eimza',
    );
  });

  test('when NODE_ENV=production and PINPUK_MASTER_KEY is a 32-byte key, then it is accepted (hex or base64)', () => {
    expect(loadConfig({ NODE_ENV: 'production', PINPUK_MASTER_KEY: HEX_KEY }).PINPUK_MASTER_KEY).toBe(HEX_KEY);
    expect(loadConfig({ NODE_ENV: 'production', PINPUK_MASTER_KEY: BASE64_KEY }).PINPUK_MASTER_KEY).toBe(BASE64_KEY);
  });
});

describe('the start command', () => {
  test('when it is started with PORT=abc, then it exits non-zero and stderr names PORT', () => {
    const env: Record<string, string> = {};
    for (const [name, value] of Object.entries(process.env)) {
      // Only the shell's own variables: nothing that configures the assistant.
      if (value !== undefined && !/^(PORT|DATA_DIR|DATABASE_URL|REDIS_URL|SMTP_URL|SEED_FILE|PINPUK_MASTER_KEY|NODE_ENV)$/.test(name))
        env[name] = value;
    }
    const result = spawnSync('npx', ['tsx', 'src/index.ts'], {
      cwd: join(__dirname, '..'),
      env: { ...env, PORT: 'abc' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(result.error).toBeUndefined();
    expect(result.status).not.toBe(0);
    expect(result.status).not.toBeNull();
    expect(result.stderr).toContain('PORT');
    expect(result.stdout).not.toContain('listening');
  });
});
