import * as z from 'zod';
import type { ArticleDocument } from '../editor/index.js';
import type { DraftStore, FormFields } from './drafts.js';

/**
 * Autosave, per the contract in `src/features/articles/README.md`. DOM-free (the page hands in the
 * form reader, fetch, storage and timers) so its rules are unit-tested:
 * - save ~2 s after the last change, one request at a time; changes made meanwhile are saved next;
 * - on a network failure, a timeout, a 5xx or an answer that is not ours (session ended → sign-in page),
 *   keep the whole form in localStorage and retry with growing delays, at once when `online` fires;
 * - 409 = someone else holds the lock: stop until the page says the lock is ours again;
 * - 409 conflict = someone else saved a newer version: stop, keep the draft, and let the person choose
 *   (`keepMine()` saves with overwrite, the other version staying in the history);
 * - 422 names a field: keep the draft, wait for the next change; 403: stop for good;
 * - after a save that left nothing unsaved, forget the kept draft.
 */

export type SaveStatus =
  | { kind: 'saving' }
  | { kind: 'saved'; savedAt: string }
  | { kind: 'offline' }
  | { kind: 'failed'; status: number }
  | { kind: 'signedOut' }
  | { kind: 'locked'; holder: string }
  | { kind: 'conflict'; by: string; savedAt: string; revision: number }
  | { kind: 'invalidField'; field: string }
  | { kind: 'invalidBody'; error: string }
  | { kind: 'forbidden' };

export interface FormSnapshot {
  fields: FormFields;
  /** The editor's JSON, kept as is in a local draft. */
  editorJson: unknown;
  body: { ok: true; doc: ArticleDocument } | { ok: false; error: string };
}

export interface Timers {
  set(fn: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

export interface AutosaveOptions {
  url: string;
  csrf: string;
  revision: number;
  fetch: typeof fetch;
  drafts: DraftStore;
  collect: () => FormSnapshot;
  onStatus: (status: SaveStatus) => void;
  onLocked: (holder: string) => void;
  now?: () => Date;
  timers?: Timers;
  debounceMs?: number;
  timeoutMs?: number;
  firstRetryMs?: number;
  maxRetryMs?: number;
}

/** Browsers refuse keepalive bodies over 64 KiB; a longer article is left to the kept draft. */
export const KEEPALIVE_LIMIT = 60_000;

const savedSchema = z.object({ revision: z.number(), savedAt: z.string() });
const lockedSchema = z.object({ holder: z.unknown() });
const conflictSchema = z.object({ error: z.literal('conflict'), revision: z.number(), by: z.unknown(), savedAt: z.string() });
const invalidSchema = z.object({ field: z.string() });

/** The lock holder as the server sends it: a name, or an object with a name. */
export function holderName(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'object' && value !== null) {
    const v = value as Record<string, unknown>;
    for (const key of ['name', 'displayName', 'email']) if (typeof v[key] === 'string') return v[key];
  }
  return '';
}

const defaultTimers: Timers = {
  set: (fn, ms) => setTimeout(fn, ms),
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

type Outcome = 'saved' | 'retry' | 'wait' | 'stop';

export class Autosave {
  private revision: number;
  private changeSeq = 0;
  private savedSeq = 0;
  private inFlight: Promise<Outcome> | null = null;
  private paused: boolean;
  private stopped = false;
  private failing = false;
  /** Someone else saved a newer version: nothing is sent until the person chooses. */
  private conflicted = false;
  private overwriteNext = false;
  private retryMs: number;
  private debounceTimer: unknown = null;
  private retryTimer: unknown = null;
  private readonly timers: Timers;
  private readonly now: () => Date;

  constructor(
    private readonly options: AutosaveOptions,
    { paused = false }: { paused?: boolean } = {},
  ) {
    this.revision = options.revision;
    this.paused = paused;
    this.timers = options.timers ?? defaultTimers;
    this.now = options.now ?? (() => new Date());
    this.retryMs = options.firstRetryMs ?? 2_000;
  }

  get dirty(): boolean {
    return this.changeSeq > this.savedSeq;
  }

  /** Changes not yet on the server (typed since the last save, or a save that failed). */
  get unsaved(): boolean {
    return this.dirty || this.failing;
  }

  get currentRevision(): number {
    return this.revision;
  }

  /** Something in the form or the editor changed. */
  changed(): void {
    this.changeSeq++;
    this.schedule();
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timers.clear(this.debounceTimer);
    this.debounceTimer = this.timers.set(() => {
      this.debounceTimer = null;
      void this.save();
    }, this.options.debounceMs ?? 2_000);
  }

  /** Lock held (false) or someone else's (true). Unpausing saves what waited. */
  setPaused(paused: boolean): void {
    const wasPaused = this.paused;
    this.paused = paused;
    if (wasPaused && !paused && this.dirty) void this.save();
  }

  /**
   * Sends from an older version than the page's: a draft kept on this device while offline carries the
   * revision it was typed on, so the server can tell whether someone else saved since.
   */
  setBaseRevision(revision: number): void {
    this.revision = revision;
  }

  /** After a conflict: save this version anyway, as a new revision (the other one stays in the history). */
  keepMine(): Promise<void> {
    this.conflicted = false;
    this.overwriteNext = true;
    this.changeSeq++;
    return this.save();
  }

  /** `online` fired: retry now instead of at the end of the back-off. */
  online(): void {
    if (!this.failing || this.stopped) return;
    this.timers.clear(this.retryTimer);
    this.retryTimer = null;
    void this.save();
  }

  /**
   * The page is hidden or going away: keep the draft here first (the tab may never come back), then
   * send it with keepalive. A draft left behind by a save that did succeed is older than the server's
   * revision and is dropped on the next load.
   */
  leave(): void {
    if (!this.dirty && !this.failing) return;
    const snapshot = this.options.collect();
    this.keepDraft(snapshot);
    if (!this.paused && !this.stopped && !this.inFlight) void this.save({ keepalive: true, snapshot });
  }

  /**
   * Saves now and says whether everything is on the server: before the page moves on to something
   * that reads the saved article (publish, preview), so it never acts on an older version.
   */
  async flush(): Promise<boolean> {
    if (this.inFlight) await this.inFlight.catch(() => undefined);
    if (this.dirty || this.failing) await this.save();
    return !this.dirty && !this.failing;
  }

  /** Keeps the form in localStorage; false if the browser refused. */
  keepDraft(snapshot = this.options.collect()): boolean {
    return this.options.drafts.save({
      storedAt: this.now().toISOString(),
      baseRevision: this.revision,
      fields: snapshot.fields,
      body: snapshot.editorJson,
    });
  }

  async save({ keepalive = false, snapshot }: { keepalive?: boolean; snapshot?: FormSnapshot } = {}): Promise<void> {
    // A change made during a request is saved after it (see below); the retry timer covers failures.
    if (this.stopped || this.inFlight) return;
    if (!this.dirty && !this.failing) return;
    this.timers.clear(this.debounceTimer);
    this.debounceTimer = null;
    const current = snapshot ?? this.options.collect();
    if (this.paused || this.conflicted) {
      // Not ours to save, or waiting for the person to choose; keep it here so nothing typed is lost.
      this.keepDraft(current);
      return;
    }
    if (!current.body.ok) {
      this.keepDraft(current);
      this.options.onStatus({ kind: 'invalidBody', error: current.body.error });
      return;
    }
    const seq = this.changeSeq;
    const payload = JSON.stringify({ ...current.fields, body: current.body.doc, baseRevision: this.revision, ...(this.overwriteNext ? { overwrite: true } : {}) });
    // While retrying, the failure stays on screen rather than flickering "Saving…".
    if (!this.failing) this.options.onStatus({ kind: 'saving' });
    this.inFlight = this.send(payload, keepalive && payload.length <= KEEPALIVE_LIMIT, seq, current);
    let outcome: Outcome;
    try {
      outcome = await this.inFlight;
    } finally {
      this.inFlight = null;
    }
    if (outcome === 'retry') this.scheduleRetry();
    else if (outcome === 'saved' && this.dirty) this.schedule();
  }

  private async send(payload: string, keepalive: boolean, seq: number, snapshot: FormSnapshot): Promise<Outcome> {
    const controller = new AbortController();
    const timeout = this.timers.set(() => controller.abort(), this.options.timeoutMs ?? 15_000);
    let response: Response;
    try {
      response = await this.options.fetch(this.options.url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json', 'X-CSRF-Token': this.options.csrf },
        body: payload,
        credentials: 'same-origin',
        // A redirect here is the sign-in page: treat it as "not saved", never as a success.
        redirect: 'manual',
        keepalive,
        signal: controller.signal,
      });
    } catch {
      this.timers.clear(timeout);
      return this.fail(snapshot, { kind: 'offline' });
    }
    this.timers.clear(timeout);
    const json = await readJson(response);
    if (response.status === 200) {
      const saved = savedSchema.safeParse(json);
      if (!saved.success) return this.fail(snapshot, { kind: 'signedOut' });
      this.revision = saved.data.revision;
      this.overwriteNext = false;
      this.savedSeq = Math.max(this.savedSeq, seq);
      this.failing = false;
      this.retryMs = this.options.firstRetryMs ?? 2_000;
      if (!this.dirty) this.options.drafts.remove();
      this.options.onStatus({ kind: 'saved', savedAt: saved.data.savedAt });
      return 'saved';
    }
    const conflict = response.status === 409 ? conflictSchema.safeParse(json) : undefined;
    if (conflict?.success) {
      this.conflicted = true;
      this.failing = false;
      this.keepDraft(snapshot);
      this.options.onStatus({ kind: 'conflict', by: holderName(conflict.data.by), savedAt: conflict.data.savedAt, revision: conflict.data.revision });
      return 'wait';
    }
    if (response.status === 409) {
      const holder = holderName(lockedSchema.safeParse(json).data?.holder);
      this.paused = true;
      this.failing = false;
      this.keepDraft(snapshot);
      this.options.onStatus({ kind: 'locked', holder });
      this.options.onLocked(holder);
      return 'wait';
    }
    if (response.status === 422) {
      this.failing = false;
      this.keepDraft(snapshot);
      this.options.onStatus({ kind: 'invalidField', field: invalidSchema.safeParse(json).data?.field ?? '' });
      return 'wait';
    }
    if (response.status === 403) {
      this.stopped = true;
      this.keepDraft(snapshot);
      this.options.onStatus({ kind: 'forbidden' });
      return 'stop';
    }
    if (response.status === 0 || response.type === 'opaqueredirect' || response.status === 401 || (response.ok && json === undefined)) {
      return this.fail(snapshot, { kind: 'signedOut' });
    }
    return this.fail(snapshot, { kind: 'failed', status: response.status });
  }

  private fail(snapshot: FormSnapshot, status: SaveStatus): Outcome {
    this.failing = true;
    this.keepDraft(snapshot);
    this.options.onStatus(status);
    return 'retry';
  }

  private scheduleRetry(): void {
    this.timers.clear(this.retryTimer);
    const wait = this.retryMs;
    this.retryMs = Math.min(this.retryMs * 2, this.options.maxRetryMs ?? 60_000);
    this.retryTimer = this.timers.set(() => {
      this.retryTimer = null;
      void this.save();
    }, wait);
  }
}

async function readJson(response: Response): Promise<unknown> {
  if (!(response.headers.get('Content-Type') ?? '').includes('json')) return undefined;
  try {
    return (await response.json()) as unknown;
  } catch {
    return undefined;
  }
}
