// Throwaway PostgreSQL 15 clusters for tests and benchmarks.
//
// startCluster() runs initdb into a fresh temp dir (as a non-root user: the current one, or, under root, the
// Debian `postgres` system user), starts `postgres` on a unix socket in that dir (and, with `tcp`, on
// 127.0.0.1 at a freshly chosen port), waits until it accepts connections, and creates the database
// `archive` with a writer role (owns the database, creates and fills tables) and a read-only role (default
// privileges make whatever the writer creates readable to it; it can write nothing). stop() shuts the
// server down at once (SIGQUIT: immediate shutdown, nothing is worth keeping) and removes the dir.
//
// Settings favour speed over durability (fsync off, no synchronous commit, minimal WAL): a cluster lives
// for one test run. Local (socket) connections are trusted: the socket's dir is mode 0700, reachable only
// by its owner (and root). TCP connections need the roles' passwords (scram-sha-256).
//
// A process that dies without stop() leaves its dir (and maybe a server) behind; that blocks nothing (each
// cluster has its own dir and port), and the next startCluster() in any process sweeps such leftovers:
// dirs named isnad-pg-* whose owning process is gone.
//
// PostgreSQL 15 comes from Debian's packages: test/db/install-postgres.sh (run by .ci/run) installs it.
import { spawn, spawnSync, ChildProcess } from 'child_process';
import { randomBytes } from 'crypto';
import * as fs from 'fs';
import * as net from 'net';
import * as os from 'os';
import * as path from 'path';
import { Client, ClientConfig } from 'pg';

export const PG_BINDIR = process.env.ISNAD_PG_BINDIR || '/usr/lib/postgresql/15/bin';
const DIR_PREFIX = 'isnad-pg-';

export interface ClusterOptions {
  /** Name of the database the roles get (default `archive`). */
  database?: string;
  /** Also listen on 127.0.0.1:port with password auth (default: unix socket only). */
  tcp?: boolean;
  /** Extra or overriding server settings (`postgres -c name=value`), e.g. `{ shared_buffers: '256MB' }`. */
  settings?: Record<string, string | number | boolean>;
  /** Bound on the whole start (initdb, server start, role setup); default 60 s. */
  timeoutMs?: number;
}

export type Role = 'admin' | 'writer' | 'reader';

export interface Cluster {
  /** The temp dir: holds the data dir, the socket, initdb.log and postgres.log; removed by stop(). */
  dir: string;
  dataDir: string;
  /** Where the unix socket `.s.PGSQL.<port>` lives (the temp dir). */
  socketDir: string;
  port: number;
  database: string;
  /** Role names: admin is the bootstrap superuser. */
  roles: Record<Role, string>;
  /** Connection URLs over the unix socket (they carry the passwords too, unused there). */
  adminUrl: string;
  writerUrl: string;
  readerUrl: string;
  /** A URL for a role over the socket, or over 127.0.0.1 when started with `tcp` (password auth); by default
   * for the cluster's database. */
  url(role: Role, via?: 'socket' | 'tcp', database?: string): string;
  /** Another database with the same roles and privileges as `database` (a test file's own). */
  createDatabase(name: string): Promise<void>;
  /** A pg ClientConfig for a role over the socket (avoids URL parsing). */
  config(role: Role, database?: string): ClientConfig;
  /** The postmaster's pid. */
  pid: number;
  /** Milliseconds spent in initdb, from spawning postgres to its first accepted connection, and in role setup. */
  timings: { initdbMs: number; startMs: number; setupMs: number };
  /** Immediate shutdown, then removes the dir. Close your clients first. Idempotent. */
  stop(): Promise<void>;
}

interface RunAs { uid?: number; gid?: number; name: string }

/** Who runs initdb and postgres: they refuse root, so under root the `postgres` system user (or nobody). */
function runAs(): RunAs {
  if (process.getuid?.() !== 0) return { name: os.userInfo().username };
  for (const name of ['postgres', 'nobody']) {
    const r = spawnSync('getent', ['passwd', name], { encoding: 'utf8' });
    const f = r.status === 0 ? r.stdout.trim().split(':') : [];
    if (f.length >= 4) return { name, uid: Number(f[2]), gid: Number(f[3]) };
  }
  throw new Error('pg-cluster: running as root and there is neither a postgres nor a nobody user to run PostgreSQL as');
}

/** The environment for PostgreSQL's programs: ours, without PG* variables that would redirect them. */
function pgEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!/^PG/.test(k)) env[k] = v;
  return env;
}

/** Whether a process exists and is not a zombie (a killed process waits there for its reaper). */
function alive(pid: number): boolean {
  try {
    return !/^\d+ \(.*\) Z/.test(fs.readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    try { process.kill(pid, 0); return true; } catch (e) { return (e as NodeJS.ErrnoException).code === 'EPERM'; }
  }
}

/** Removes clusters left by processes that died without stop(); never touches a live owner's cluster. */
export function sweepStaleClusters(tmp = os.tmpdir()): number {
  let swept = 0;
  let names: string[];
  try { names = fs.readdirSync(tmp); } catch { return 0; }
  for (const name of names) {
    if (!name.startsWith(DIR_PREFIX)) continue;
    const dir = path.join(tmp, name);
    try {
      const owner = Number(fs.readFileSync(path.join(dir, 'owner.pid'), 'utf8'));
      if (!owner || alive(owner)) continue;
      const dataDir = path.join(dir, 'data');
      try {
        const pm = Number(fs.readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
        // Only a postmaster of this very data dir (a reused pid belongs to someone else).
        const cmd = fs.readFileSync(`/proc/${pm}/cmdline`, 'utf8');
        if (pm && cmd.includes(dataDir)) process.kill(pm, 'SIGQUIT');
      } catch { /* no server left */ }
      fs.rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
      swept++;
    } catch { /* another user's, or being created right now: leave it */ }
  }
  return swept;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
  });
}

function tail(file: string, lines = 30): string {
  try { return fs.readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n'); } catch { return '(no log)'; }
}

function run(cmd: string, args: string[], as: RunAs, cwd: string, log: string, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const fd = fs.openSync(log, 'a');
    const child = spawn(cmd, args, { uid: as.uid, gid: as.gid, cwd, env: pgEnv(), stdio: ['ignore', fd, fd] });
    fs.closeSync(fd);
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', e => { clearTimeout(timer); reject(e); });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolve();
      else reject(new Error(`pg-cluster: ${path.basename(cmd)} failed (${signal ?? `exit ${code}`}):\n${tail(log)}`));
    });
  });
}

const RETRYABLE = new Set(['ENOENT', 'ECONNREFUSED', '57P03' /* the database system is starting up */]);

/** Connects as soon as the server accepts connections: retries with a short backoff, bounded by deadline. */
async function connectWhenReady(cfg: ClientConfig, exited: Promise<string>, deadline: number): Promise<Client> {
  let delay = 2;
  let stop: string | undefined;
  void exited.then(why => { stop = why; });
  for (;;) {
    const c = new Client(cfg);
    try {
      await c.connect();
      return c;
    } catch (e) {
      await c.end().catch(() => {});
      const code = (e as { code?: string }).code ?? '';
      if (stop !== undefined) throw new Error(`pg-cluster: postgres exited before accepting connections (${stop})`);
      if (!RETRYABLE.has(code)) throw e;
      if (Date.now() + delay > deadline) throw new Error(`pg-cluster: postgres did not accept connections in time (last error: ${(e as Error).message})`);
    }
    const wait = await Promise.race([new Promise<undefined>(r => setTimeout(() => r(undefined), delay)), exited]);
    if (wait !== undefined) throw new Error(`pg-cluster: postgres exited before accepting connections (${wait})`);
    delay = Math.min(delay * 2, 50);
  }
}

/** Runs one utility statement whose identifiers and literals are quoted by the server (format %I / %L). */
async function execFormatted(c: Client, template: string, ...args: string[]): Promise<void> {
  const placeholders = args.map((_, i) => `$${i + 2}::text`).join(', ');
  const { rows } = await c.query<{ sql: string }>(`SELECT format($1::text, ${placeholders}) AS sql`, [template, ...args]);
  await c.query(rows[0].sql);
}

/** A database owned by the writer: no one else may connect or make temp tables there; the reader may connect and
 * read whatever the writer creates, in any schema, and nothing more. */
async function setUpDatabase(adminOn: (db: string) => Client, database: string, roles: Record<Role, string>): Promise<void> {
  const admin = adminOn('postgres');
  await admin.connect();
  try {
    // The writer owns the database, hence (PostgreSQL 15: pg_database_owner) its public schema.
    await execFormatted(admin, 'CREATE DATABASE %I OWNER %I', database, roles.writer);
    await execFormatted(admin, 'REVOKE ALL ON DATABASE %I FROM PUBLIC', database);
    await execFormatted(admin, 'GRANT CONNECT ON DATABASE %I TO %I', database, roles.reader);
  } finally {
    await admin.end();
  }
  const db = adminOn(database);
  await db.connect();
  try {
    await execFormatted(db, 'GRANT USAGE ON SCHEMA public TO %I', roles.reader);
    await execFormatted(db, 'ALTER DEFAULT PRIVILEGES FOR ROLE %I GRANT SELECT ON TABLES TO %I', roles.writer, roles.reader);
    await execFormatted(db, 'ALTER DEFAULT PRIVILEGES FOR ROLE %I GRANT USAGE ON SCHEMAS TO %I', roles.writer, roles.reader);
  } finally {
    await db.end();
  }
}

export async function startCluster(opts: ClusterOptions = {}): Promise<Cluster> {
  if (!fs.existsSync(path.join(PG_BINDIR, 'initdb'))) {
    throw new Error(`pg-cluster: PostgreSQL 15 is not installed (no ${PG_BINDIR}/initdb): run \`bash test/db/install-postgres.sh\``);
  }
  const deadline = Date.now() + (opts.timeoutMs ?? 60_000);
  sweepStaleClusters();
  const as = runAs();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), DIR_PREFIX));
  fs.writeFileSync(path.join(dir, 'owner.pid'), String(process.pid));
  if (as.uid !== undefined) fs.chownSync(dir, as.uid, as.gid!);
  fs.chmodSync(dir, 0o700);
  const dataDir = path.join(dir, 'data');
  const log = path.join(dir, 'postgres.log');
  const database = opts.database ?? 'archive';
  const roles: Record<Role, string> = { admin: 'postgres', writer: 'isnad_writer', reader: 'isnad_reader' };
  const passwords: Record<Role, string> = { admin: randomBytes(12).toString('hex'), writer: randomBytes(12).toString('hex'), reader: randomBytes(12).toString('hex') };

  let child: ChildProcess | undefined;
  let exited: Promise<string> = Promise.resolve('not started');
  let stopping: Promise<void> | undefined;
  const onExit = () => { // the test process is leaving without stop(): best effort, synchronously
    try { if (child?.exitCode === null) child.kill('SIGQUIT'); } catch { /* gone */ }
    fs.rmSync(dir, { recursive: true, force: true });
  };
  process.on('exit', onExit);
  const stop = (): Promise<void> => (stopping ??= (async () => {
    if (child && child.exitCode === null && child.signalCode === null) {
      child.kill('SIGQUIT');
      const killer = setTimeout(() => child!.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(killer);
    }
    fs.rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
    process.removeListener('exit', onExit);
  })());

  try {
    const t0 = Date.now();
    await run(path.join(PG_BINDIR, 'initdb'), ['-D', dataDir, '-U', roles.admin, '--auth-local=trust', '--auth-host=scram-sha-256',
      '-E', 'UTF8', '--locale=C.UTF-8', '--no-sync', '--no-instructions'], as, dir, path.join(dir, 'initdb.log'), Math.max(1, deadline - Date.now()));
    const t1 = Date.now();

    const settings: Record<string, string | number | boolean> = {
      listen_addresses: opts.tcp ? '127.0.0.1' : '',
      unix_socket_permissions: '0700',
      fsync: 'off', synchronous_commit: 'off', full_page_writes: 'off',
      wal_level: 'minimal', max_wal_senders: 0,
      shared_buffers: '32MB', max_connections: 40,
      ...opts.settings,
    };
    const args = ['-D', dataDir, '-k', dir, ...Object.entries(settings).flatMap(([k, v]) => ['-c', `${k}=${v}`])];
    let port = 0, admin: Client | undefined;
    // A TCP port chosen free can be taken before postgres binds it: then try another (a socket never clashes).
    for (let attempt = 1; !admin; attempt++) {
      port = await freePort();
      const fd = fs.openSync(log, 'a');
      const c = spawn(path.join(PG_BINDIR, 'postgres'), [...args, '-p', String(port)],
        { uid: as.uid, gid: as.gid, cwd: dir, env: pgEnv(), stdio: ['ignore', fd, fd] });
      fs.closeSync(fd);
      child = c;
      exited = new Promise<string>(resolve => {
        c.on('exit', (code, signal) => resolve(signal ?? `exit ${code}`));
        c.on('error', e => resolve(e.message));
      });
      try {
        admin = await connectWhenReady({ host: dir, port, user: roles.admin, database: 'postgres' }, exited, deadline);
      } catch (e) {
        const bindClash = opts.tcp && c.exitCode !== null && /could not bind|could not create any TCP\/IP sockets/.test(tail(log, 10));
        if (!bindClash || attempt >= 3 || Date.now() > deadline) throw new Error(`${(e as Error).message}\n${tail(log)}`);
      }
    }
    const t2 = Date.now();

    try {
      await execFormatted(admin, 'ALTER ROLE %I PASSWORD %L', roles.admin, passwords.admin);
      await execFormatted(admin, 'CREATE ROLE %I LOGIN PASSWORD %L', roles.writer, passwords.writer);
      await execFormatted(admin, 'CREATE ROLE %I LOGIN PASSWORD %L', roles.reader, passwords.reader);
    } finally {
      await admin.end();
    }
    const adminOn = (db: string) => new Client({ host: dir, port, user: roles.admin, database: db });
    await setUpDatabase(adminOn, database, roles);
    const t3 = Date.now();

    const url = (role: Role, via: 'socket' | 'tcp' = 'socket', db = database): string => {
      if (via === 'tcp' && !opts.tcp) throw new Error('pg-cluster: started without tcp');
      const host = via === 'tcp' ? '127.0.0.1' : encodeURIComponent(dir);
      return `postgresql://${roles[role]}:${passwords[role]}@${host}:${port}/${db}`;
    };
    return {
      dir, dataDir, socketDir: dir, port, database, roles,
      adminUrl: url('admin'), writerUrl: url('writer'), readerUrl: url('reader'), url,
      config: (role, db = database) => ({ host: dir, port, user: roles[role], password: passwords[role], database: db }),
      pid: child!.pid!,
      timings: { initdbMs: t1 - t0, startMs: t2 - t1, setupMs: t3 - t2 },
      createDatabase: name => setUpDatabase(adminOn, name, roles),
      stop,
    };
  } catch (e) {
    await stop();
    throw e;
  }
}
