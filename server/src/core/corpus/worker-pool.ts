// A small pool of reading workers (one per core but one, at least one), used when building large indexes.
// Results come back in submission order, so the index is the same as one built on a single thread.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Worker } from 'worker_threads';
import type { Reading } from '../read/read-text';
import type { LanguageExtension } from '../language';

const WORKER_FILE = path.join(__dirname, 'read-worker.js');

export class ReadingPool {
  private readonly workers: Worker[] = [];
  private readonly waiting = new Map<number, { resolve: (r: Reading[]) => void; reject: (e: Error) => void }>();
  private next = 0;
  private seq = 0;

  /** undefined when workers are not available (tests run from sources) or not worth it (one core). */
  static create(language?: LanguageExtension): ReadingPool | undefined {
    const n = Math.max(1, Math.min(4, os.cpus().length));
    if (n < 2 || !fs.existsSync(WORKER_FILE) || process.env.ISNAD_WORKERS === '0') return undefined;
    return new ReadingPool(n, language);
  }

  private constructor(n: number, language?: LanguageExtension) {
    for (let i = 0; i < n; i++) {
      const w = new Worker(WORKER_FILE, { workerData: { language } });
      w.on('message', (m: { id: number; results: Reading[] }) => { this.waiting.get(m.id)?.resolve(m.results); this.waiting.delete(m.id); });
      // A worker that dies fails every batch still out; the build reports it instead of hanging.
      w.on('error', e => { for (const p of this.waiting.values()) p.reject(e); this.waiting.clear(); });
      this.workers.push(w);
    }
  }

  read(articles: { text: string; date?: string }[]): Promise<Reading[]> {
    const id = this.seq++;
    const w = this.workers[this.next++ % this.workers.length];
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      w.postMessage({ id, articles });
    });
  }

  async close() { await Promise.all(this.workers.map(w => w.terminate())); }
}
