/**
 * `npm run bench:speech` (and the end of `npm run bench`): article audio.
 * 1. Seconds of work per 1,000 words for each speech provider path, English and Arabic: the espeak-ng and
 *    ffmpeg programs, the WebAssembly voice (worker thread), and the HTTP provider against a loopback
 *    service that answers a ready-made MP3 at once (so only our side of that path is measured).
 * 2. The web process's latency while audio is being made: the built server (`node dist/main.js web`, which
 *    runs the job worker unless RUN_JOBS=false) with the demo newsroom and the page cache off, one
 *    connection rotating over every demo article page; idle (jobs not running) against the same server
 *    while its worker voices every demo article (all asked for again), for each local voice. The ratio is the figure: synthesis
 *    runs in child processes or a worker thread, never on the event loop.
 * Figures only, on 127.0.0.1; nothing is asserted.
 */
import { createServer } from 'node:http';
import { mkdtempSync, readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { loadConfig } from '../src/config.js';
import { closeDeps, createDeps } from '../src/deps.js';
import { documentFromBlocks } from '../src/editor/index.js';
import { requestAudio } from '../src/features/audio/index.js';
import { createLogger } from '../src/platform/log.js';
import { articleSpeechText, wordCount } from '../src/features/audio/speech/index.js';
import { createEspeakProcessProvider, programAvailable } from '../src/features/audio/speech/espeak-process.provider.js';
import { createEspeakWasmProvider, wasmVoiceAvailable } from '../src/features/audio/speech/espeak-wasm.provider.js';
import { createHttpProvider } from '../src/features/audio/speech/http.provider.js';
import type { SpeechProvider, SpeechText } from '../src/features/audio/speech/speech-provider.js';
import { body, createRng, headline, standfirst } from './corpus.js';
import { load, type LoadResult } from './load.js';
import { freePort, startChild, stopChild, waitForFirstByte, type Child } from './processes.js';
import { productionEnv, scratchCleanup, snapshotBuild } from './scratch.js';

const WORDS = 1000;
const SECONDS = Number(process.env['BENCH_SECONDS'] ?? 8);
const tmp = mkdtempSync(path.join(os.tmpdir(), 'arabpress-bench-speech-'));

const cleanup = scratchCleanup(tmp);

const log = (line = '') => console.log(line);
const fmt = (n: number, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : 'n/a');

/** An article of at least WORDS words in the language, from the bench's fixed-seed corpus, as the job reads it. */
function articleText(language: 'en' | 'ar'): SpeechText {
  const rng = createRng(language === 'en' ? 11 : 12);
  const blocks = [];
  let text = articleSpeechText({ language, headline: headline(rng, language), standfirst: standfirst(rng, language), document: documentFromBlocks([]) });
  while (wordCount(text) < WORDS) {
    blocks.push(...body(rng, language, 'economy'));
    text = articleSpeechText({ language, headline: headline(rng, language), standfirst: standfirst(rng, language), document: documentFromBlocks(blocks) });
  }
  return text;
}

/** A loopback text-to-speech service answering every request with the same short MP3 (made once). */
async function loopbackTts(mp3: Buffer): Promise<{ url: string; close(): void }> {
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => res.writeHead(200, { 'Content-Type': 'audio/mpeg', 'Content-Length': mp3.length }).end(mp3));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/speak`, close: () => server.close() };
}

interface SpeechRow {
  path: string;
  language: string;
  words: number;
  wallS: number;
  audioS: number;
}

async function measure(name: string, provider: SpeechProvider, text: SpeechText): Promise<SpeechRow> {
  const out = path.join(tmp, `${name}-${text.language}.mp3`);
  const started = performance.now();
  const result = await provider.synthesize(text, out);
  return { path: name, language: text.language, words: wordCount(text), wallS: (performance.now() - started) / 1000, audioS: result.durationMs / 1000 };
}

async function providerPaths(): Promise<void> {
  log('## Seconds of work per 1,000 words');
  const texts = [articleText('en'), articleText('ar')];
  const rows: SpeechRow[] = [];
  const programs = programAvailable('espeak-ng') && programAvailable('ffmpeg', '-version');
  if (programs) for (const text of texts) rows.push(await measure('espeak-ng + ffmpeg programs', createEspeakProcessProvider(), text));
  else log('  (the espeak-ng and ffmpeg programs are not installed: that path is not measured)');
  if (wasmVoiceAvailable()) for (const text of texts) rows.push(await measure('WebAssembly voice (worker thread)', createEspeakWasmProvider(), text));
  else log('  (the optional WebAssembly voice packages are not installed: that path is not measured)');
  // The HTTP path's own work: one request per segment and the file written; the voice is the service's.
  const oneSecond = path.join(tmp, 'one.mp3');
  if (wasmVoiceAvailable() || programs) {
    const local = programs ? createEspeakProcessProvider() : createEspeakWasmProvider();
    await local.synthesize({ language: 'en', segments: ['One.'] }, oneSecond);
    const tts = await loopbackTts(readFileSync(oneSecond));
    try {
      for (const text of texts) rows.push(await measure('HTTP provider, our side (loopback service)', createHttpProvider(tts.url, {}), text));
    } finally {
      tts.close();
    }
  }
  const head = ['provider path', 'lang', 'words', 'wall s', 's / 1,000 words', 'audio min', '× real time'];
  const body = rows.map((r) => [r.path, r.language, String(r.words), fmt(r.wallS), fmt((r.wallS * 1000) / r.words, 2), fmt(r.audioS / 60), r.path.startsWith('HTTP') ? 'n/a' : fmt(r.audioS / r.wallS, 0)]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
  for (const line of [head, widths.map((w) => '-'.repeat(w)), ...body]) log(`| ${line.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`);
  log();
}

async function startWeb(entry: string, dataDir: string, env: Record<string, string>): Promise<Child> {
  const port = await freePort();
  const server = startChild('web', [entry, 'web'], { cwd: tmp, port, env: productionEnv(dataDir, port, { PAGE_CACHE_MAX_ENTRIES: '0', ...env }) });
  await waitForFirstByte(server, '/', {}, 60_000);
  return server;
}

/** Audio made since the hashes were last forgotten (requestAllAudio): ready rows with a text hash. */
function audioMade(dataDir: string): number {
  const db = sqlite(dataDir);
  try {
    return (db.prepare("select count(*) as n from article_audio where state = 'ready' and text_hash is not null").get() as { n: number }).n;
  } finally {
    db.close();
  }
}

const sqlite = (dataDir: string) => new Database(path.join(dataDir, 'arabpress.sqlite'), { readonly: true, fileMustExist: true });

function articlePaths(dataDir: string): string[] {
  const db = sqlite(dataDir);
  try {
    const rows = db.prepare("select a.language, a.slug, s.slug as section from articles a join sections s on s.id = a.section_id where a.status = 'published'").all() as { language: string; slug: string; section: string }[];
    return rows.map((r) => `${r.language === 'ar' ? '/ar' : ''}/${r.section}/${encodeURIComponent(r.slug)}`);
  } finally {
    db.close();
  }
}

function jobCounts(dataDir: string): { audioPending: number; otherPending: number; audioReady: number } {
  const db = sqlite(dataDir);
  try {
    const pending = db.prepare("select name, count(*) as n from jobs where status in ('pending', 'running') group by name").all() as { name: string; n: number }[];
    const ready = db.prepare("select count(*) as n from article_audio where state = 'ready'").get() as { n: number };
    const audio = pending.filter((p) => p.name === 'make-article-audio').reduce((n, p) => n + p.n, 0);
    return { audioPending: audio, otherPending: pending.reduce((n, p) => n + p.n, 0) - audio, audioReady: ready.n };
  } finally {
    db.close();
  }
}

/** Queues the audio job for every published article, through the product's own service. */
async function requestAllAudio(dataDir: string): Promise<void> {
  const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'warn', LOG_FORMAT: 'json', AUDIO_PROVIDER: 'off', SEED_DEMO: 'false' }, dataDir);
  const deps = await createDeps(config, createLogger(config.log));
  try {
    const rows = await deps.db.selectFrom('articles').select('id').where('status', '=', 'published').execute();
    // As the admin's "make it again": forget each text hash, so every article is spoken anew.
    await deps.db.updateTable('article_audio').set({ text_hash: null }).execute();
    for (const { id } of rows) await requestAudio(deps.db, deps.clock, id);
  } finally {
    await closeDeps(deps);
  }
}

async function latencyWhileVoicing(entry: string): Promise<void> {
  log('## Web latency while audio is made (page cache off, 1 connection over every demo article)');
  const voices: { label: string; provider: string }[] = [];
  if (programAvailable('espeak-ng') && programAvailable('ffmpeg', '-version')) voices.push({ label: 'espeak-ng + ffmpeg programs', provider: 'espeak' });
  if (wasmVoiceAvailable()) voices.push({ label: 'WebAssembly voice', provider: 'wasm' });
  const rows: { label: string; r: LoadResult; made: number }[] = [];
  let idle: LoadResult | undefined;
  for (const voice of voices) {
    // A fresh demo newsroom with everything but audio done (search index, related lists): audio off.
    const dataDir = path.join(tmp, `data-${voice.provider}`);
    const prepare = await startWeb(entry, dataDir, { RUN_JOBS: 'true', AUDIO_PROVIDER: 'off' });
    for (const end = Date.now() + 120_000; Date.now() < end && jobCounts(dataDir).otherPending > 0; ) await new Promise((r) => setTimeout(r, 250));
    await stopChild(prepare.process);
    const paths = articlePaths(dataDir);
    if (!idle) {
      // Idle: the same server, its job worker off, nothing else running.
      const quiet = await startWeb(entry, dataDir, { RUN_JOBS: 'false', AUDIO_PROVIDER: voice.provider });
      idle = await load({ port: quiet.port, paths, connections: 1, seconds: SECONDS, warmupSeconds: 2, headers: {}, pid: quiet.pid });
      rows.push({ label: 'idle (no audio being made)', r: idle, made: 0 });
      await stopChild(quiet.process);
    }
    // Twice: the jobs inside the web process (the default, `npm start`), then in a separate
    // `arabpress worker` process beside a web process that runs none (RUN_JOBS=false).
    for (const where of ['in the web process', 'in a worker process'] as const) {
      // Every published article asks for its audio again, as "make it again" in the admin does.
      await requestAllAudio(dataDir);
      const separate = where === 'in a worker process';
      const busy = await startWeb(entry, dataDir, { RUN_JOBS: separate ? 'false' : 'true', AUDIO_PROVIDER: voice.provider });
      const worker = separate ? startChild('worker', [entry, 'worker'], { cwd: tmp, port: 0, env: productionEnv(dataDir, undefined, { AUDIO_PROVIDER: voice.provider }) }) : undefined;
      const madeBefore = audioMade(dataDir);
      for (const end = Date.now() + 60_000; Date.now() < end && audioMade(dataDir) === madeBefore; ) await new Promise((r) => setTimeout(r, 100));
      const before = audioMade(dataDir);
      const r = await load({ port: busy.port, paths, connections: 1, seconds: SECONDS, warmupSeconds: 2, headers: {}, pid: busy.pid });
      const after = jobCounts(dataDir);
      rows.push({ label: `${voice.label}, jobs ${where}`, r, made: audioMade(dataDir) - before });
      if (after.audioPending === 0) log(`  (note: ${voice.label} ${where} finished every article during the run; the window was not all busy)`);
      if (worker) await stopChild(worker.process);
      await stopChild(busy.process);
    }
  }
  const head = ['web process', 'req/s', 'p50 ms', 'p99 ms', 'p99 ÷ idle', 'articles voiced meanwhile'];
  const body = rows.map(({ label, r, made }) => [label, fmt(r.rps, 0), fmt(r.p50, 2), fmt(r.p99, 2), idle ? fmt(r.p99 / idle.p99, 2) + '×' : 'n/a', label.startsWith('idle') ? '—' : String(made)]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
  for (const line of [head, widths.map((w) => '-'.repeat(w)), ...body]) log(`| ${line.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`);
  log('  Synthesis runs in child processes (programs) or a worker thread (WebAssembly), not on the event loop;');
  log('  on a 2-core machine it still takes CPU the web process and the load generator would use.');
  log();
}

async function main(): Promise<void> {
  log(`# Article audio (${os.cpus().length} cores, Node ${process.version})`);
  log();
  await providerPaths();
  await latencyWhileVoicing(snapshotBuild(tmp));
}

main()
  .catch((err: unknown) => {
    console.error(err);
    process.exitCode = 1;
  })
  .finally(() => void cleanup());
