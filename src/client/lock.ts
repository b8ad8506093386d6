import * as z from 'zod';
import { holderName, type Timers } from './autosave.js';

/**
 * The edit lock, per `src/features/articles/README.md`: POST the lock URL at load and every 30 s (a lock
 * without a heartbeat lapses after 90 s), `{takeOver:true}` to take it, the unlock URL on leaving.
 * `unknown` means the server could not be asked (offline): the page keeps editing and autosave keeps
 * its draft locally until the server answers again.
 */
export type LockState = { held: true } | { held: false; holder: string; since?: string } | { held: 'unknown' };

const lockAnswerSchema = z.union([
  z.object({ held: z.literal(true) }),
  z.object({ held: z.literal(false), holder: z.unknown(), since: z.string().optional() }),
]);

export interface LockOptions {
  lockUrl: string;
  unlockUrl: string;
  csrf: string;
  fetch: typeof fetch;
  onChange: (state: LockState) => void;
  timers?: Timers;
  intervalMs?: number;
}

export class EditLock {
  private timer: unknown = null;
  private released = false;
  private readonly timers: Timers;

  constructor(private readonly options: LockOptions) {
    this.timers = options.timers ?? { set: (fn, ms) => setTimeout(fn, ms), clear: (h) => clearTimeout(h as ReturnType<typeof setTimeout>) };
  }

  /** Asks now, then every interval. */
  start(): Promise<LockState> {
    this.released = false;
    return this.heartbeat();
  }

  async heartbeat(takeOver = false): Promise<LockState> {
    this.timers.clear(this.timer);
    const state = await this.post(takeOver);
    if (!this.released) this.timer = this.timers.set(() => void this.heartbeat(), this.options.intervalMs ?? 30_000);
    this.options.onChange(state);
    return state;
  }

  takeOver(): Promise<LockState> {
    return this.heartbeat(true);
  }

  /** On pagehide: stop the heartbeat and let go (keepalive, so it survives the page). */
  release(): void {
    this.released = true;
    this.timers.clear(this.timer);
    this.timer = null;
    void this.options
      .fetch(this.options.unlockUrl, { ...this.request('{}'), keepalive: true })
      .catch(() => undefined);
  }

  /** After the page comes back from the back/forward cache. */
  resume(): void {
    if (this.released) void this.start();
  }

  private request(body: string): RequestInit {
    return {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json', 'X-CSRF-Token': this.options.csrf },
      body,
      credentials: 'same-origin',
      redirect: 'manual',
    };
  }

  private async post(takeOver: boolean): Promise<LockState> {
    try {
      const response = await this.options.fetch(this.options.lockUrl, this.request(JSON.stringify(takeOver ? { takeOver: true } : {})));
      if (response.status !== 200) return { held: 'unknown' };
      const answer = lockAnswerSchema.safeParse(await response.json());
      if (!answer.success) return { held: 'unknown' };
      if (answer.data.held) return { held: true };
      return { held: false, holder: holderName(answer.data.holder), ...(answer.data.since ? { since: answer.data.since } : {}) };
    } catch {
      return { held: 'unknown' };
    }
  }
}
