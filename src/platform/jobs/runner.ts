import { randomUUID } from 'node:crypto';
import os from 'node:os';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Clock } from '../clock.js';
import type { DatabaseKind } from '../db/database.js';
import { toDbTime } from '../db/time.js';
import type { Logger } from '../log.js';
import { claimDueJobs, type ClaimedJob } from './claim.js';
import { jobsDb, type JobsTables } from './jobs.table.js';

export interface JobContext {
  jobId: string;
  name: string;
  /** 1 on the first run, 2 on the first retry, … */
  attempt: number;
  maxAttempts: number;
  log: Logger;
}

/**
 * What worker.ts maps a job name to. `run` must be safe to run twice (and, after a lost lease, while
 * another run of the same job is still going): read the current state by the payload's ids, do
 * nothing if the work is already done, and write with conditions or upserts rather than blind inserts.
 * Throw to retry later; return to finish.
 */
export interface JobHandler<S extends z.ZodType = z.ZodType> {
  schema: S;
  run(payload: z.output<S>, ctx: JobContext): Promise<void>;
}

/** Types `run`'s payload from the schema: `export const publishArticleJob = (deps) => defineJob({ schema, run })`. */
export function defineJob<S extends z.ZodType>(handler: JobHandler<S>): JobHandler<S> {
  return handler;
}

export interface JobRunnerOptions<DB extends JobsTables = JobsTables> {
  /** The worker's own database handle (not a transaction): each job's bookkeeping commits on its own. */
  db: Kysely<DB>;
  kind: DatabaseKind;
  clock: Clock;
  log: Logger;
  /** The explicit map job name → handler (worker.ts). Only these names are claimed. */
  handlers: Readonly<Record<string, JobHandler>>;
  /** Names this process in leases and logs; default host:pid:random. */
  workerId?: string;
  /** Jobs claimed and run at once by one runDue(); default 5. */
  concurrency?: number;
  /** How long a claimed job is this worker's; must exceed the longest run. Default 5 minutes. */
  leaseMs?: number;
  /** Delay before the next attempt after `attempts` runs; default retryDelayMs. */
  retryDelay?: (attempts: number) => number;
}

export interface JobRunner {
  readonly workerId: string;
  /** Claims the jobs due now, runs them, and returns how many it ran. */
  runDue(): Promise<number>;
  /** Polls in the background: runs what is due, then waits pollMs (at once again after a full batch). */
  start(opts?: { pollMs?: number }): void;
  /** Stops polling and waits for every job in flight. */
  stop(): Promise<void>;
}

const RETRY_BASE_MS = 10_000;
const RETRY_CAP_MS = 60 * 60_000;

/** 10 s, 20 s, 40 s, … capped at an hour, each ±20 % so failed jobs do not retry in lockstep. */
export function retryDelayMs(attempts: number, random: () => number = Math.random): number {
  const base = Math.min(RETRY_BASE_MS * 2 ** Math.max(0, attempts - 1), RETRY_CAP_MS);
  return Math.round(base * (0.8 + 0.4 * random()));
}

const MAX_ERROR_LENGTH = 2000;

function describeError(err: unknown): string {
  const text = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
  return text.length > MAX_ERROR_LENGTH ? `${text.slice(0, MAX_ERROR_LENGTH - 1)}…` : text;
}

export function createJobRunner<DB extends JobsTables>(opts: JobRunnerOptions<DB>): JobRunner {
  const { kind, clock, handlers } = opts;
  const db = jobsDb(opts.db);
  const workerId = opts.workerId ?? `${os.hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const log = opts.log.child({ workerId });
  const concurrency = opts.concurrency ?? 5;
  const leaseMs = opts.leaseMs ?? 5 * 60_000;
  const retryDelay = opts.retryDelay ?? ((attempts: number) => retryDelayMs(attempts));
  const names = Object.keys(handlers);
  const inFlight = new Set<Promise<unknown>>();

  // Every write after the claim is fenced by this claim (worker and attempt number): if the lease
  // expired and another worker took the job over, this one's outcome is dropped, not recorded twice.
  const settle = async (job: ClaimedJob, set: { status: 'done' | 'failed' | 'pending'; run_at?: string; last_error?: string }) => {
    const result = await db
      .updateTable('jobs')
      .set({ ...set, locked_until: null, updated_at: toDbTime(clock.now()) })
      .where('id', '=', job.id)
      .where('status', '=', 'running')
      .where('locked_by', '=', workerId)
      .where('attempts', '=', job.attempts)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) log.warn({ jobId: job.id, name: job.name }, 'job lease lost before it finished; its new holder decides');
  };

  const fail = (job: ClaimedJob, error: string) => settle(job, { status: 'failed', last_error: error });

  const runOne = async (job: ClaimedJob): Promise<void> => {
    const jobLog = log.child({ jobId: job.id, job: job.name, attempt: job.attempts });
    const handler = Object.hasOwn(handlers, job.name) ? handlers[job.name] : undefined;
    if (!handler) return fail(job, `no handler for job "${job.name}"`);
    if (job.attempts > job.max_attempts) {
      jobLog.error('job gave up: its last attempt never finished');
      return fail(job, `gave up after ${job.max_attempts} attempts: the last one's worker stopped before finishing (lease expired)`);
    }
    let payload: unknown;
    try {
      payload = handler.schema.parse(JSON.parse(job.payload));
    } catch (err) {
      // The same payload would fail the same way on every retry: fail at once.
      const error = `invalid payload: ${err instanceof z.ZodError ? z.prettifyError(err) : describeError(err)}`;
      jobLog.error({ error }, 'job failed: invalid payload');
      return fail(job, error);
    }
    try {
      await handler.run(payload, { jobId: job.id, name: job.name, attempt: job.attempts, maxAttempts: job.max_attempts, log: jobLog });
    } catch (err) {
      const error = describeError(err);
      if (job.attempts >= job.max_attempts) {
        jobLog.error({ err }, 'job failed for good');
        return fail(job, error);
      }
      const runAt = new Date(clock.now().getTime() + retryDelay(job.attempts));
      jobLog.warn({ err, retryAt: toDbTime(runAt) }, 'job failed; will retry');
      return settle(job, { status: 'pending', run_at: toDbTime(runAt), last_error: error });
    }
    jobLog.debug('job done');
    return settle(job, { status: 'done' });
  };

  const runDue = async (): Promise<number> => {
    const jobs = await claimDueJobs(db, kind, { workerId, limit: concurrency, now: clock.now(), leaseMs, names });
    await Promise.all(
      jobs.map((job) =>
        // A failed bookkeeping write (database gone) leaves the job running: its lease expires and it runs again.
        runOne(job).catch((err: unknown) => log.error({ err, jobId: job.id }, 'could not record job outcome')),
      ),
    );
    return jobs.length;
  };

  const track = <T>(p: Promise<T>): Promise<T> => {
    inFlight.add(p);
    void p.finally(() => inFlight.delete(p)).catch(() => {});
    return p;
  };

  let polling: Promise<void> | undefined;
  let stopping = false;
  let wake: (() => void) | undefined;

  const poll = async (pollMs: number): Promise<void> => {
    while (!stopping) {
      let ran = 0;
      try {
        ran = await track(runDue());
      } catch (err) {
        log.error({ err }, 'claiming jobs failed');
      }
      if (stopping || ran >= concurrency) continue;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, pollMs);
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      wake = undefined;
    }
  };

  return {
    workerId,
    runDue: () => track(runDue()),
    start({ pollMs = 1000 } = {}) {
      if (polling) throw new Error('job runner already started');
      stopping = false;
      polling = poll(pollMs);
    },
    async stop() {
      stopping = true;
      wake?.();
      await polling;
      polling = undefined;
      await Promise.allSettled([...inFlight]);
    },
  };
}
