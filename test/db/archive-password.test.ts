// Where the archive's password comes from when the connection string has none (no database needed).
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { findInPassFile, lookUpPassword } from '../../server/src/archive/password';
import { parseUrl, safeUrl, describeFailure } from '../../server/src/archive/connect';

describe('shared archive: connection strings and passwords', () => {
  it('reads a password file as libpq does: first match, * for any, escaped colons, a socket host as localhost', () => {
    const file = ['# comment', 'db.newsroom:5432:archive:editor:s3cr\\:et', '*:*:*:isnad:writer-pw', 'localhost:5433:archive:editor:local'].join('\n');
    assert.strictEqual(findInPassFile(file, { host: 'db.newsroom', port: 5432, database: 'archive', user: 'editor' }), 's3cr:et');
    assert.strictEqual(findInPassFile(file, { host: 'other', port: 1, database: 'x', user: 'isnad' }), 'writer-pw');
    assert.strictEqual(findInPassFile(file, { host: '/var/run/postgresql', port: 5433, database: 'archive', user: 'editor' }), 'local');
    assert.strictEqual(findInPassFile(file, { host: 'db.newsroom', port: 5432, database: 'archive', user: 'nobody' }), undefined);
  });

  it('the secret store first, then $PGPASSWORD, then the password file (only when private to its owner)', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'isnad-pgpass-'));
    const file = path.join(dir, 'pgpass');
    fs.writeFileSync(file, 'h:5432:d:u:from-file\n', { mode: 0o644 });
    const saved = { file: process.env.PGPASSFILE, pw: process.env.PGPASSWORD };
    try {
      process.env.PGPASSFILE = file;
      delete process.env.PGPASSWORD;
      const t = { host: 'h', port: 5432, database: 'd', user: 'u' };
      assert.strictEqual(lookUpPassword(t), undefined, 'a file others can read is ignored');
      fs.chmodSync(file, 0o600);
      assert.strictEqual(lookUpPassword(t), 'from-file');
      process.env.PGPASSWORD = 'from-env';
      assert.strictEqual(lookUpPassword(t), 'from-env');
      assert.strictEqual(lookUpPassword(t, 'from-editor'), 'from-editor');
    } finally {
      if (saved.file === undefined) delete process.env.PGPASSFILE; else process.env.PGPASSFILE = saved.file;
      if (saved.pw === undefined) delete process.env.PGPASSWORD; else process.env.PGPASSWORD = saved.pw;
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('connection strings: socket dirs, ports, users; messages never show the password', () => {
    assert.deepStrictEqual(parseUrl('postgres://editor@db.newsroom/archive'), { host: 'db.newsroom', port: 5432, database: 'archive', user: 'editor', password: undefined });
    assert.deepStrictEqual(parseUrl('postgresql://u:p%40ss@%2Ftmp%2Fpg:5433/archive'), { host: '/tmp/pg', port: 5433, database: 'archive', user: 'u', password: 'p@ss' });
    assert.strictEqual(parseUrl('postgres://u@localhost/archive?host=/var/run/postgresql').host, '/var/run/postgresql');
    assert.throws(() => parseUrl('mysql://u:secret@h/db'), (e: Error) => !e.message.includes('secret'));
    assert.strictEqual(safeUrl('postgresql://isnad:secret@db/archive'), 'postgresql://isnad@db/archive');
    assert.strictEqual(describeFailure({ code: '28P01', message: 'password authentication failed for user "editor"' }).kind, 'auth');
    assert.strictEqual(describeFailure({ code: 'ECONNREFUSED', message: 'connect ECONNREFUSED 127.0.0.1:1' }).kind, 'unreachable');
    assert.strictEqual(describeFailure({ code: '57014', message: 'canceling statement due to statement timeout' }).kind, 'slow');
    assert.strictEqual(describeFailure({ code: '42501', message: 'permission denied for table term' }).kind, 'permission');
  });
});
