import { ConsoDbUrlInvalidError } from '../errors/conso-db-url-invalid-error.js';
import { ConsoDbUrlUnsupportedError } from '../errors/conso-db-url-unsupported-error.js';

/** A database URL broken down into what the dialect factory needs. */
export type ParsedConsoDbUrl =
  | { dialect: 'postgres'; connectionString: string }
  | { dialect: 'sqlite'; filename: string }
  | { dialect: 'mssql'; connection: MssqlConnectionSettings };

/** Connection settings read from a `mssql://user:pass@host:port/db?encrypt=...` URL. */
export interface MssqlConnectionSettings {
  server: string;
  port: number;
  database: string | undefined;
  userName: string;
  password: string;
  /** `?encrypt=false` turns TLS off (tedious defaults to on). */
  encrypt: boolean;
  /** `?trustServerCertificate=true` accepts self-signed certificates (local containers). */
  trustServerCertificate: boolean;
  /** `?instanceName=SQLEXPRESS` for a named instance. */
  instanceName: string | undefined;
}

/** SQLite file name meaning an in-memory database. */
export const SQLITE_MEMORY = ':memory:';

const SCHEME = /^([a-zA-Z][a-zA-Z0-9+.-]*):/;

/** Parses a database URL; throws `ConsoDbUrlUnsupportedError` for an unknown scheme. */
export function parseConsoDbUrl(url: string): ParsedConsoDbUrl {
  const trimmed = url.trim();
  const match = SCHEME.exec(trimmed);
  // No scheme, or a one-letter one (a Windows drive, `C:\data\conso.db`): a SQLite file path.
  if (!match || match[1]!.length === 1) return sqliteFile(trimmed, url);
  const scheme = match[1]!.toLowerCase();
  switch (scheme) {
    case 'postgres':
    case 'postgresql':
      return { dialect: 'postgres', connectionString: trimmed };
    case 'sqlite':
      return sqliteFile(stripSqliteScheme(trimmed.slice(match[0].length)), url);
    case 'mssql':
      return { dialect: 'mssql', connection: parseMssql(trimmed) };
    default:
      throw new ConsoDbUrlUnsupportedError(scheme);
  }
}

/** The URL with its password replaced by `***`, safe for logs and error messages. */
export function maskUrlPassword(url: string): string {
  return url.replace(/^([a-zA-Z][a-zA-Z0-9+.-]*:\/\/[^:/@]*:)[^@/]*@/, '$1***@');
}

function stripSqliteScheme(rest: string): string {
  // `sqlite:///abs/x.db` → `/abs/x.db`; `sqlite://x.db` → `x.db`; `sqlite:x.db` → `x.db`.
  if (rest.startsWith('///')) return rest.slice(2);
  if (rest.startsWith('//')) return rest.slice(2);
  return rest;
}

function sqliteFile(filename: string, original: string): ParsedConsoDbUrl {
  if (filename === '')
    throw new ConsoDbUrlInvalidError(original, 'no SQLite file name (use sqlite::memory:)');
  return { dialect: 'sqlite', filename };
}

function parseMssql(url: string): MssqlConnectionSettings {
  const safe = maskUrlPassword(url);
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch (cause) {
    throw new ConsoDbUrlInvalidError(safe, `not a valid URL (${(cause as Error).message})`);
  }
  if (parsed.hostname === '') throw new ConsoDbUrlInvalidError(safe, 'no host');
  const port = parsed.port === '' ? 1433 : Number(parsed.port);
  if (parsed.username === '')
    throw new ConsoDbUrlInvalidError(safe, 'no user name (mssql://user:pass@host/db)');
  const database = decodeURIComponent(parsed.pathname.replace(/^\//, ''));
  const flag = (name: string, fallback: boolean): boolean => {
    const value = parsed.searchParams.get(name);
    return value === null ? fallback : value === 'true' || value === '1';
  };
  return {
    server: parsed.hostname,
    port,
    database: database === '' ? undefined : database,
    userName: decodeURIComponent(parsed.username),
    password: decodeURIComponent(parsed.password),
    encrypt: flag('encrypt', true),
    trustServerCertificate: flag('trustServerCertificate', false),
    instanceName: parsed.searchParams.get('instanceName') ?? undefined,
  };
}
