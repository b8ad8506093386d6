import { existsSync, readFileSync } from 'node:fs';
import { parseEnv } from 'node:util';
import path from 'node:path';
import { z } from 'zod';

/**
 * The only reader of process.env. Every setting is validated here so a wrong value stops the
 * process at start with one line naming the variable, instead of failing later mid-request.
 */
const bool = z.enum(['true', 'false', '1', '0', 'yes', 'no']).transform((v) => v === 'true' || v === '1' || v === 'yes');

/** A whole number in range; an empty value is an error, not 0 (`PORT=` must not mean "any port"). */
const int = (min: number, max: number) =>
  z
    .string()
    .regex(/^\d+$/, `a whole number from ${min} to ${max}`)
    .transform(Number)
    .pipe(z.number().min(min, `a whole number from ${min} to ${max}`).max(max, `a whole number from ${min} to ${max}`));

const envSchema = z.object({
  PORT: int(0, 65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^(postgres(ql)?:\/\/|sqlite:)/, 'a postgres://… URL or sqlite:<file>')
    .optional(),
  PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  LOG_FORMAT: z.enum(['json', 'pretty']).optional(),
  SEED_DEMO: bool.default(true),
  PAGE_CACHE_MAX_ENTRIES: int(0, 10_000_000).default(5000),
  PAGE_CACHE_MAX_MB: int(0, 1_000_000).default(32),
  PAGE_CACHE_S_MAXAGE: int(0, 31_536_000).default(60),
  SHUTDOWN_TIMEOUT_MS: int(0, 600_000).default(10_000),
  TRUST_PROXY: bool.default(false),
  RUN_JOBS: bool.default(true),
  SMTP_URL: z.string().regex(/^smtps?:\/\//, 'an smtp:// or smtps:// URL').optional(),
  MAIL_FROM: z.string().min(3).default('Arab Press <newsroom@localhost>'),
  SEARCH_POOL_SIZE: int(1, 100_000).default(1000),
  AUDIO_PROVIDER: z.enum(['auto', 'espeak', 'wasm', 'http', 'off']).default('auto'),
  AUDIO_HTTP_URL: z.url({ protocol: /^https?$/ }).optional(),
  AUDIO_HTTP_VOICE_EN: z.string().min(1).optional(),
  AUDIO_HTTP_VOICE_AR: z.string().min(1).optional(),
  NEWSLETTER_RATE: int(0, 100_000).default(0),
  NEWSLETTER_BATCH_SIZE: int(1, 1000).default(50),
  NEWSLETTER_LEASE_SECONDS: int(1, 86_400).default(180),
});

export type Config = Readonly<{
  port: number;
  host: string;
  dataDir: string;
  database: { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string };
  publicUrl: string | undefined;
  env: 'development' | 'production' | 'test';
  log: { level: string; format: 'json' | 'pretty' };
  seedDemo: boolean;
  pageCache: { maxEntries: number; maxBytes: number; sMaxAge: number };
  shutdownTimeoutMs: number;
  trustProxy: boolean;
  /** Whether `web` also runs background jobs (true on one machine; false beside a separate worker). */
  runJobs: boolean;
  mail: { smtpUrl: string | undefined; from: string; outboxDir: string };
  /** Search ranks at most this many of a query's newest matches (search-match.ts). */
  search: { poolSize: number };
  /** Article audio: which speech provider makes it ('off': none), and where the files live. */
  audio: { provider: 'auto' | 'espeak' | 'wasm' | 'http' | 'off'; httpUrl: string | undefined; httpVoices: { en?: string; ar?: string }; dir: string };
  /** Newsletter sending per worker (src/features/newsletters/README.md). */
  newsletters: { ratePerSecond: number; batchSize: number; leaseMs: number; maxAttempts: number };
}>;

export class ConfigError extends Error {}

/** Reads `.env` (if present) beneath real environment variables, then validates. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): Config {
  const merged = { ...readDotEnv(cwd), ...env };
  const parsed = envSchema.safeParse(merged);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const name = String(issue.path[0] ?? 'environment');
    throw new ConfigError(`Invalid setting ${name}=${JSON.stringify(merged[name] ?? '')}: expected ${issue.message}`);
  }
  const e = parsed.data;
  if (e.AUDIO_PROVIDER === 'http' && !e.AUDIO_HTTP_URL) throw new ConfigError('Invalid setting AUDIO_PROVIDER="http": expected AUDIO_HTTP_URL to be set too');
  const dataDir = path.resolve(cwd, e.DATA_DIR);
  const url = e.DATABASE_URL;
  const database: Config['database'] =
    url && /^postgres/.test(url)
      ? { kind: 'postgres', url }
      : { kind: 'sqlite', file: url ? path.resolve(cwd, url.slice('sqlite:'.length)) : path.join(dataDir, 'arabpress.sqlite') };
  return Object.freeze({
    port: e.PORT,
    host: e.HOST,
    dataDir,
    database,
    publicUrl: e.PUBLIC_URL?.replace(/\/$/, ''),
    env: e.NODE_ENV,
    log: { level: e.LOG_LEVEL, format: e.LOG_FORMAT ?? (process.stdout.isTTY && e.NODE_ENV !== 'production' ? 'pretty' : 'json') },
    seedDemo: e.SEED_DEMO,
    pageCache: { maxEntries: e.PAGE_CACHE_MAX_ENTRIES, maxBytes: e.PAGE_CACHE_MAX_MB * 1024 * 1024, sMaxAge: e.PAGE_CACHE_S_MAXAGE },
    shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_MS,
    trustProxy: e.TRUST_PROXY,
    runJobs: e.RUN_JOBS,
    mail: { smtpUrl: e.SMTP_URL, from: e.MAIL_FROM, outboxDir: path.join(dataDir, 'outbox') },
    search: { poolSize: e.SEARCH_POOL_SIZE },
    audio: {
      provider: e.AUDIO_PROVIDER,
      httpUrl: e.AUDIO_HTTP_URL,
      httpVoices: { ...(e.AUDIO_HTTP_VOICE_EN ? { en: e.AUDIO_HTTP_VOICE_EN } : {}), ...(e.AUDIO_HTTP_VOICE_AR ? { ar: e.AUDIO_HTTP_VOICE_AR } : {}) },
      dir: path.join(dataDir, 'audio'),
    },
    newsletters: { ratePerSecond: e.NEWSLETTER_RATE, batchSize: e.NEWSLETTER_BATCH_SIZE, leaseMs: e.NEWSLETTER_LEASE_SECONDS * 1000, maxAttempts: 10 },
  });
}

function readDotEnv(cwd: string): Record<string, string> {
  const file = path.join(cwd, '.env');
  if (!existsSync(file)) return {};
  // parseEnv (not loadEnvFile) so the file never writes into process.env and tests stay isolated.
  return parseEnv(readFileSync(file, 'utf8')) as Record<string, string>;
}
