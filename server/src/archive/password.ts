// Where the archive's password comes from when the connection string has none: the editor's secret store (passed
// in), then $PGPASSWORD, then the password file (~/.pgpass or $PGPASSFILE), as libpq looks them up. Settings and
// command lines carry connection strings without passwords.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

export interface PasswordTarget { host?: string; port?: number | string; database?: string; user?: string }

/** One line of a password file: host:port:database:username:password, with \: and \\ escaped, * matching any. */
function fields(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (ch === '\\' && i + 1 < line.length) cur += line[++i];
    else if (ch === ':') { out.push(cur); cur = ''; }
    else cur += ch;
  }
  out.push(cur);
  return out;
}

/** The password for `t` in a password file's text (the first matching line), or undefined. */
export function findInPassFile(text: string, t: PasswordTarget): string | undefined {
  const host = !t.host || t.host.startsWith('/') ? 'localhost' : t.host;
  const want = [host, String(t.port ?? 5432), t.database ?? '', t.user ?? ''];
  for (const raw of text.split(/\r?\n/)) {
    if (!raw.trim() || raw.startsWith('#')) continue;
    const f = fields(raw);
    if (f.length < 5) continue;
    if (want.every((w, i) => f[i] === '*' || f[i] === w)) return f.slice(4).join(':');
  }
  return undefined;
}

/** The password file's entry, if the file exists and only its owner can read it (libpq ignores it otherwise). */
export function passFilePassword(t: PasswordTarget): string | undefined {
  const file = process.env.PGPASSFILE || path.join(os.homedir(), '.pgpass');
  try {
    const st = fs.statSync(file);
    if (!st.isFile() || (process.platform !== 'win32' && (st.mode & 0o077) !== 0)) return undefined;
    return findInPassFile(fs.readFileSync(file, 'utf8'), t);
  } catch {
    return undefined;
  }
}

/** The password to use: the given one, $PGPASSWORD, or the password file's. */
export function lookUpPassword(t: PasswordTarget, given?: string): string | undefined {
  return given ?? process.env.PGPASSWORD ?? passFilePassword(t);
}
