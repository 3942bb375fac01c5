// Watches the framing of the bytes a client sends (LSP base protocol: header lines, a blank line, a body of
// Content-Length bytes). Given a frame without a usable Content-Length, or bytes that are no header at all,
// vscode-jsonrpc's reader reports one error (or none: it waits for a header end that never comes) and then
// never reads another message, so the server kept running and never answered again. The guard names the
// first thing wrong, so the server can exit and be restarted by its client.

/** A header is a few short lines; anything longer is not one. */
const MAX_HEADER_BYTES = 8192;
/** The largest message accepted (a whole draft and its edits fit many times over). */
export const MAX_BODY_BYTES = 256 * 1024 * 1024;
const HEADER_LINE = /^([!#$%&'*+\-.^_`|~0-9A-Za-z]+):[ \t]*([\x20-\x7e]*?)[ \t]*$/;

export class FrameGuard {
  private header: number[] = [];
  private body = 0;
  private failed = false;

  constructor(private readonly onMalformed: (reason: string) => void) {}

  push(chunk: Buffer) {
    let i = 0;
    while (i < chunk.length && !this.failed) {
      if (this.body > 0) {
        const take = Math.min(this.body, chunk.length - i);
        this.body -= take;
        i += take;
        continue;
      }
      this.headerByte(chunk[i++]);
    }
  }

  private headerByte(b: number) {
    // Header bytes are printable ASCII and line ends; anything else is not a header.
    if (b !== 13 && b !== 10 && (b < 0x20 || b > 0x7e)) return this.fail(`byte 0x${b.toString(16).padStart(2, '0')} where a message header was expected`);
    this.header.push(b);
    if (this.header.length > MAX_HEADER_BYTES) return this.fail(`no end of message header within ${MAX_HEADER_BYTES} bytes`);
    const n = this.header.length;
    if (n >= 4 && this.header[n - 4] === 13 && this.header[n - 3] === 10 && this.header[n - 2] === 13 && this.header[n - 1] === 10) {
      const text = Buffer.from(this.header.slice(0, n - 4)).toString('latin1');
      this.header = [];
      this.frame(text);
    }
  }

  private frame(header: string) {
    let length: string | undefined;
    for (const line of header.split('\r\n')) {
      const m = HEADER_LINE.exec(line);
      if (!m) return this.fail(`malformed header line ${JSON.stringify(line.slice(0, 80))}`);
      if (m[1].toLowerCase() === 'content-length') length = m[2];
    }
    if (length === undefined) return this.fail('message header without Content-Length');
    if (!/^\d{1,10}$/.test(length) || Number(length) > MAX_BODY_BYTES) return this.fail(`bad Content-Length ${JSON.stringify(length.slice(0, 40))}`);
    this.body = Number(length);
  }

  private fail(reason: string) {
    this.failed = true;
    this.onMalformed(reason);
  }
}
