// Connections to the shared archive: every connection and every statement is bounded by a timeout (a slow or
// unreachable database never hangs a check), and errors become one clear sentence for the status bar and the CLI.
import type { Client, ClientConfig } from 'pg';
import { pg } from './pg-module';
import { lookUpPassword } from './password';
import { SchemaError } from './schema';

export const DEFAULT_TIMEOUT_MS = 5000;

export interface ConnectOptions {
  /** postgres://user@host:port/database (a password in it is used, but settings should not hold one). */
  url: string;
  /** A password from the editor's secret store. */
  password?: string;
  /** Bound on connecting and on each statement (ms). */
  timeoutMs?: number;
  /** Bound on each statement when not timeoutMs; 0: none (ingest batches wait for each other's lock). */
  statementTimeoutMs?: number;
  applicationName?: string;
}

export interface Target { host?: string; port?: number; database?: string; user?: string; password?: string }

/** The parts of a postgres:// URL (a socket dir as an encoded host or as ?host=/dir; libpq's defaults otherwise). */
export function parseUrl(url: string): Target {
  let u: URL;
  try { u = new URL(url); } catch { throw new Error(`not a connection URL: ${safeUrl(url)}`); }
  if (u.protocol !== 'postgres:' && u.protocol !== 'postgresql:') throw new Error(`not a postgres:// URL: ${safeUrl(url)}`);
  const dec = (s: string) => (s ? decodeURIComponent(s) : undefined);
  return {
    host: u.searchParams.get('host') ?? dec(u.hostname) ?? process.env.PGHOST,
    port: Number(u.searchParams.get('port') ?? u.port) || Number(process.env.PGPORT) || 5432,
    database: dec(u.pathname.replace(/^\//, '')) ?? process.env.PGDATABASE,
    user: dec(u.username) ?? u.searchParams.get('user') ?? process.env.PGUSER ?? undefined,
    password: dec(u.password),
  };
}

export function clientConfig(o: ConnectOptions): ClientConfig {
  const timeout = o.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const t = parseUrl(o.url);
  return {
    host: t.host, port: t.port, database: t.database, user: t.user,
    // Asked only if the server wants a password; the URL's, else the secret store's, $PGPASSWORD or ~/.pgpass.
    // (pg accepts undefined from the function: no password; its types say string.)
    password: t.password ?? ((async () => lookUpPassword(t, o.password)) as () => Promise<string>),
    connectionTimeoutMillis: timeout,
    ...statementTimeouts(o.statementTimeoutMs ?? timeout),
    application_name: o.applicationName ?? 'isnad',
    // Checks are many short statements: compiling them (JIT) costs more than it saves.
    options: '-c jit=off',
    keepAlive: true,
  };
}

/** The server's bound on a statement and, a little later, the client's own (for a server that stopped answering). */
function statementTimeouts(ms: number): Pick<ClientConfig, 'statement_timeout' | 'query_timeout'> {
  return ms > 0 ? { statement_timeout: ms, query_timeout: ms + 1000 } : {};
}

/** A connected client, with an error listener (a dropped idle connection must not crash the process). */
export async function connect(o: ConnectOptions, onError?: (e: Error) => void): Promise<Client> {
  const c = new (pg().Client)(clientConfig(o));
  c.on('error', e => onError?.(e));
  try {
    await c.connect();
  } catch (e) {
    await c.end().catch(() => undefined);
    throw e;
  }
  return c;
}

export type FailureKind = 'unreachable' | 'auth' | 'permission' | 'schema' | 'slow' | 'other';

/** What went wrong, for an editor: SQLSTATE classes and network errors. */
export function describeFailure(e: unknown): { kind: FailureKind; message: string } {
  const err = e as { code?: string; message?: string };
  const msg = err?.message ?? String(e);
  if (e instanceof SchemaError) return { kind: 'schema', message: msg };
  if (err.code === '28P01' || err.code === '28000' || /password/i.test(msg)) return { kind: 'auth', message: `the database refused the login: ${msg}` };
  if (err.code === '42501') return { kind: 'permission', message: `the database role may not do this: ${msg}` };
  if (err.code === '57014' || /timeout|timed out/i.test(msg)) return { kind: 'slow', message: `the database did not answer in time (${msg})` };
  if (err.code === '3D000') return { kind: 'unreachable', message: `no such database: ${msg}` };
  if (/^(ECONNREFUSED|ENOTFOUND|EHOSTUNREACH|ENETUNREACH|ECONNRESET|ENOENT|EAI_AGAIN)$/.test(err.code ?? '') || /terminat|connect/i.test(msg) || err.code === '57P01' || err.code === '57P03') {
    return { kind: 'unreachable', message: `the database is unreachable (${msg})` };
  }
  return { kind: 'other', message: msg };
}

/** The URL without its password, for messages and logs. */
export function safeUrl(url: string): string {
  return url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1@');
}
