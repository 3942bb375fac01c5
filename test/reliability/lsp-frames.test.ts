// Malformed frames against the spawned stdio server: it must not linger deaf. It answers a good message, and
// after a bad one it exits with status 1 and a logged reason, so that the client restarts it.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { spawn, ChildProcess } from 'child_process';
import { ROOT } from '../helpers/seeds';
import { tmpDir } from '../helpers/tmp';
import { FrameGuard } from '../../server/src/lsp/frame-guard';

const CLI = path.join(ROOT, 'dist/cli.js');
const frame = (msg: object) => { const body = Buffer.from(JSON.stringify(msg)); return Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`), body]); };
const INIT = frame({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } });

let cacheDir: string;
const running: ChildProcess[] = [];
/** How long a server may take to exit after a bad frame (it exits at once; this only bounds a failing test). */
const EXIT_WAIT_MS = 8000;
interface Run { proc: ChildProcess; out: () => string; err: () => string; exited: Promise<number | null | 'still running'> }
function start(): Run {
  const proc = spawn(process.execPath, [CLI, 'lsp', '--stdio'], { env: { ...process.env, ISNAD_CACHE_DIR: cacheDir } });
  let out = '', err = '';
  proc.stdout!.on('data', d => { out += d; });
  proc.stderr!.on('data', d => { err += d; });
  running.push(proc);
  const exited = new Promise<number | null | 'still running'>(resolve => {
    const timer = setTimeout(() => resolve('still running'), EXIT_WAIT_MS);
    proc.on('exit', code => { clearTimeout(timer); resolve(code); });
  });
  return { proc, out: () => out, err: () => err, exited };
}
async function answered(r: Run, id: number) {
  for (let i = 0; i < 200 && !r.out().includes(`"id":${id}`); i++) await new Promise(res => setTimeout(res, 25));
  assert.ok(r.out().includes(`"id":${id}`), `no answer to request ${id}: ${r.err()}`);
}

const CASES: [string, Buffer, RegExp][] = [
  ['random bytes', Buffer.from([0x00, 0xff, 0x13, 0x37, 0x8b, 0x1f, 0x0d, 0x0a]), /malformed message from the client: byte 0x00/],
  ['a frame without Content-Length', Buffer.from('Content-Type: application/json\r\n\r\n{}'), /without Content-Length/],
  ['a Content-Length that is not a number', Buffer.from('Content-Length: lots\r\n\r\n{}'), /bad Content-Length "lots"/],
  ['a negative Content-Length', Buffer.from('Content-Length: -5\r\n\r\n{}'), /bad Content-Length "-5"/],
  ['text that is not a header line', Buffer.from('hello there\r\n\r\n'), /malformed header line "hello there"/],
  ['a body that is not JSON', Buffer.from('Content-Length: 5\r\n\r\n{oops'), /unreadable message from the client/],
];

describe('reliability: malformed frames (spawned stdio server)', () => {
  before(() => { cacheDir = tmpDir('frames-cache'); });
  after(() => fs.rmSync(cacheDir, { recursive: true, force: true }));
  afterEach(() => { for (const p of running.splice(0)) if (p.exitCode === null) p.kill(); });
  for (const [what, bytes, reason] of CASES) {
    it(`after ${what}, it exits with status 1 and says why`, async () => {
      const r = start();
      r.proc.stdin!.write(INIT);
      await answered(r, 1);
      r.proc.stdin!.write(bytes);
      // A well-formed request after the bad bytes: before, the server swallowed it and never answered.
      r.proc.stdin!.write(frame({ jsonrpc: '2.0', id: 2, method: 'shutdown' }));
      assert.strictEqual(await r.exited, 1, r.err());
      assert.match(r.err(), reason);
      assert.match(r.err(), /exiting so that the client restarts the server/);
    });
  }

  it('a header that never ends is refused after 8 KB, not waited for', async () => {
    const r = start();
    r.proc.stdin!.write(Buffer.from('Content-Length: 1' + 'x'.repeat(9000)));
    assert.strictEqual(await r.exited, 1);
    assert.match(r.err(), /no end of message header within 8192 bytes/);
  });

  it('a well-behaved session still ends cleanly: shutdown, exit, status 0', async () => {
    const r = start();
    r.proc.stdin!.write(INIT);
    await answered(r, 1);
    r.proc.stdin!.write(frame({ jsonrpc: '2.0', id: 2, method: 'shutdown' }));
    await answered(r, 2);
    r.proc.stdin!.write(frame({ jsonrpc: '2.0', method: 'exit' }));
    assert.strictEqual(await r.exited, 0, r.err());
  });

  it('a client that goes away ends the server', async () => {
    const r = start();
    r.proc.stdin!.write(INIT);
    await answered(r, 1);
    r.proc.stdin!.end();
    assert.strictEqual(await r.exited, 1);
  });

  it('the guard follows frames split anywhere across chunks', () => {
    const bad: string[] = [];
    const g = new FrameGuard(r => bad.push(r));
    const bytes = Buffer.concat([INIT, frame({ jsonrpc: '2.0', id: 2, method: 'shutdown', params: { text: 'قتل 50 ألف\r\n\r\n' } }), INIT]);
    for (let i = 0; i < bytes.length; i += 3) g.push(bytes.subarray(i, i + 3));
    assert.deepStrictEqual(bad, []);
    g.push(Buffer.from('Content-Length: 99999999999\r\n\r\n'));
    assert.deepStrictEqual(bad, ['bad Content-Length "99999999999"']);
  });
});
