export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'silent';
type Fields = Record<string, unknown>;

export interface Logger {
  error(message: string, fields?: Fields): void;
  warn(message: string, fields?: Fields): void;
  info(message: string, fields?: Fields): void;
  debug(message: string, fields?: Fields): void;
}

const RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, fatal: 50, silent: 100 };

/**
 * One JSON object per line. Callers pass masked IDs and no secrets; as a second guard, fields whose
 * names suggest a secret are replaced before writing.
 */
export function createLogger(level: LogLevel, write: (line: string) => void = (line) => process.stdout.write(line + '\n')): Logger {
  const log = (at: LogLevel) => (message: string, fields: Fields = {}) => {
    if (RANK[at] < RANK[level]) return;
    write(JSON.stringify({ time: new Date().toISOString(), level: at, message, ...redact(fields) }));
  };
  return { error: log('error'), warn: log('warn'), info: log('info'), debug: log('debug') };
}

const SECRET_FIELD = /word|token|code|pin|puk|password|secret|answer|authorization|cookie/i;

function redact(fields: Fields): Fields {
  const safe: Fields = {};
  for (const [name, value] of Object.entries(fields)) {
    if (SECRET_FIELD.test(name)) safe[name] = '[redacted]';
    else if (value instanceof Error) safe[name] = { name: value.name, message: maskNumbers(value.message) };
    else safe[name] = value;
  }
  return safe;
}

/** Long digit runs in messages (phone numbers, ID numbers) are masked, whatever wrote them. */
function maskNumbers(text: string): string {
  return text.replace(/\+?\d[\d ]{8,}\d/g, (run) => `${run.slice(0, 3)}***${run.slice(-2)}`);
}
