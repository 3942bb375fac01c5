// Splits a byte stream into lines, counting bytes, not characters: a line over the limit is dropped as it
// streams in (never joined into one huge string), so a 7.9 MB line costs no more memory than the limit.

export interface RawLine {
  /** 1-based line number. */
  n: number;
  /** The line's bytes without its end (\n or \r\n); undefined when it was longer than the limit. */
  bytes?: Buffer;
}

export class LineSplitter {
  private parts: Buffer[] = [];
  private size = 0;
  private tooLong = false;
  private n = 0;

  constructor(private readonly maxBytes: number) {}

  /** Lines completed by this chunk. */
  push(chunk: Buffer): RawLine[] {
    const out: RawLine[] = [];
    let from = 0;
    for (let nl = chunk.indexOf(10); nl >= 0; nl = chunk.indexOf(10, from)) {
      this.add(chunk.subarray(from, nl));
      out.push(this.take());
      from = nl + 1;
    }
    this.add(chunk.subarray(from));
    return out;
  }

  /** The last line, when the stream did not end with a line break. */
  end(): RawLine | undefined {
    return this.size || this.tooLong ? this.take() : undefined;
  }

  /** Drops an unfinished last line (the stream broke in the middle of it); returns its number, if any. */
  discard(): number | undefined {
    const had = this.size || this.tooLong ? this.n + 1 : undefined;
    this.parts = []; this.size = 0; this.tooLong = false;
    return had;
  }

  private add(part: Buffer) {
    if (this.tooLong || !part.length) return;
    this.size += part.length;
    if (this.size > this.maxBytes + 1) { this.tooLong = true; this.parts = []; return; }
    this.parts.push(part);
  }

  private take(): RawLine {
    this.n++;
    let bytes: Buffer | undefined;
    if (!this.tooLong) {
      bytes = this.parts.length === 1 ? Buffer.from(this.parts[0]) : Buffer.concat(this.parts);
      if (bytes.length && bytes[bytes.length - 1] === 13) bytes = bytes.subarray(0, bytes.length - 1);
      if (bytes.length > this.maxBytes) bytes = undefined;
    }
    this.parts = []; this.size = 0; this.tooLong = false;
    return { n: this.n, bytes };
  }
}
