// Keeps one connection LISTENing for the archive's notifications (ingest sends the new version when a batch
// commits), and is how an editor knows the archive is reachable: a lost connection is retried with back-off
// (1 s, 2 s, 4 s … at most 30 s), and every change of state is reported. A notification is only a hint to check
// again (any role may NOTIFY); the data always comes from the next check's snapshot.
import type { Client } from 'pg';
import { connect, ConnectOptions, describeFailure, FailureKind } from './connect';
import { CHANNEL } from './schema';

export type LinkState = 'connecting' | 'connected' | 'unreachable';

export interface ListenerEvents {
  /** With 'unreachable': why (a refused login is worth asking the user for a password). */
  state(state: LinkState, failure?: { kind: FailureKind; message: string }): void;
  notified(version: number): void;
}

const FIRST_RETRY_MS = 1000;
const MAX_RETRY_MS = 30_000;

export class ArchiveListener {
  private client?: Client;
  private timer?: NodeJS.Timeout;
  private retryMs = FIRST_RETRY_MS;
  private stopped = false;

  constructor(private readonly options: ConnectOptions, private readonly events: ListenerEvents, private readonly retry = { first: FIRST_RETRY_MS, max: MAX_RETRY_MS }) {
    this.retryMs = retry.first;
  }

  start() { void this.connect(); }

  /** Connect now rather than at the next retry (a check just failed, or succeeded). */
  poke() { if (!this.client && !this.stopped) { clearTimeout(this.timer); void this.connect(); } }

  private async connect() {
    this.events.state('connecting');
    let c: Client | undefined;
    try {
      c = await connect(this.options, e => this.lost(c, e));
      c.on('end', () => this.lost(c, new Error('connection closed')));
      c.on('notification', m => { if (m.channel === CHANNEL) this.events.notified(Number(m.payload)); });
      await c.query(`LISTEN ${CHANNEL}`);
      if (this.stopped) { await c.end(); return; }
      this.client = c;
      this.retryMs = this.retry.first;
      this.events.state('connected');
    } catch (e) {
      await c?.end().catch(() => undefined);
      this.schedule(describeFailure(e));
    }
  }

  private lost(c: Client | undefined, e: Error) {
    if (!c || this.client !== c) return;
    this.client = undefined;
    void c.end().catch(() => undefined);
    this.schedule(describeFailure(e));
  }

  private schedule(failure: { kind: FailureKind; message: string }) {
    if (this.stopped) return;
    this.events.state('unreachable', failure);
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.connect(), this.retryMs);
    this.retryMs = Math.min(this.retry.max, this.retryMs * 2);
  }

  async stop() {
    this.stopped = true;
    clearTimeout(this.timer);
    const c = this.client;
    this.client = undefined;
    await c?.end().catch(() => undefined);
  }
}
