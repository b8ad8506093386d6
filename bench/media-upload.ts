// How long the newsroom waits for an upload: times POST /admin/media of 4000×3000 JPEGs through the
// real app (signed in, multipart, CSRF), in process on a fresh SQLite database, then times the
// background work the upload left to the worker. Reports; never fails. Run: `npx tsx bench/media-upload.ts`.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { migrations } from '../migrations/index.js';
import { loadConfig } from '../src/config.js';
import { closeDeps, createDeps } from '../src/deps.js';
import { createStaffUser } from '../src/features/staff/index.js';
import { createApp } from '../src/server.js';
import { migrateToLatest } from '../src/platform/db/migrate.js';
import { createLogger } from '../src/platform/log.js';
import { createWorker } from '../src/worker.js';

const WIDTH = 4000;
const HEIGHT = 3000;
const RUNS = Number(process.env['RUNS'] ?? 5);

/** A photograph-like JPEG (gradients and texture, so encoders do real work), different for each seed. */
async function photo(seed: number): Promise<Buffer> {
  const raw = Buffer.alloc(WIDTH * HEIGHT * 3);
  let noise = seed + 1;
  for (let y = 0; y < HEIGHT; y++) {
    for (let x = 0; x < WIDTH; x++) {
      const i = (y * WIDTH + x) * 3;
      // Sensor-like grain on top of smooth gradients: a real photo's JPEG is megabytes, not kilobytes.
      noise = (noise * 1103515245 + 12345) & 0x7fffffff;
      const grain = (noise >> 16) % 24;
      raw[i] = ((x * 255) / WIDTH + seed * 13 + grain) & 0xff;
      raw[i + 1] = Math.min(255, (y * 255) / HEIGHT + grain);
      raw[i + 2] = (((x >> 3) ^ (y >> 3)) + seed + grain) & 0xff;
    }
  }
  return sharp(raw, { raw: { width: WIDTH, height: HEIGHT, channels: 3 } }).jpeg({ quality: 90 }).toBuffer();
}

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'arabpress-media-bench-'));
const config = loadConfig({ DATA_DIR: dataDir, DATABASE_URL: `sqlite:${path.join(dataDir, 'bench.sqlite')}`, SEED_DEMO: 'false', LOG_LEVEL: 'silent', NODE_ENV: 'production' }, dataDir);
const log = createLogger(config.log);
const deps = await createDeps(config, log);
try {
  await migrateToLatest(deps.db as never, migrations, log);
  const app = createApp(deps);
  await createStaffUser(deps, { userId: null, label: 'bench', ip: 'bench' }, { email: 'bench@example.com', name: 'Bench', role: 'editor', password: 'a long enough passphrase' });
  const signIn = await app.request('/admin/sign-in', {
    method: 'POST',
    body: new URLSearchParams({ email: 'bench@example.com', password: 'a long enough passphrase' }).toString(),
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
  });
  const cookie = signIn.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const csrf = /name="_csrf" value="([^"]+)"/.exec(await (await app.request('/admin/media', { headers: { Cookie: cookie } })).text())?.[1];
  if (!csrf) throw new Error(`could not sign in (${signIn.status})`);

  const uploads: number[] = [];
  const jobs: number[] = [];
  const worker = createWorker(deps);
  for (let i = 0; i < RUNS; i++) {
    const bytes = await photo(i);
    const form = new FormData();
    form.set('_csrf', csrf);
    form.set('file', new File([new Uint8Array(bytes)], `photo-${i}.jpg`, { type: 'image/jpeg' }));
    const started = performance.now();
    const res = await app.request('/admin/media', { method: 'POST', body: form, headers: { Cookie: cookie } });
    uploads.push(performance.now() - started);
    if (res.status !== 303) throw new Error(`upload answered ${res.status}`);
    // Whatever the upload left for later (nothing, before variants moved to a job).
    const jobStarted = performance.now();
    await worker.runDue();
    jobs.push(performance.now() - jobStarted);
    console.info(`upload ${i + 1}: ${Math.round(uploads[i]!)} ms (${Math.round(bytes.length / 1024)} KB); background work after it: ${Math.round(jobs[i]!)} ms`);
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  console.info(`${WIDTH}×${HEIGHT} JPEG, ${RUNS} runs: upload request median ${Math.round(median(uploads))} ms; background variants median ${Math.round(median(jobs))} ms`);
} finally {
  await closeDeps(deps);
  rmSync(dataDir, { recursive: true, force: true });
}
