import { existsSync } from 'node:fs';
import { rm, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { SpeechError, type SpeechProvider, type SpeechResult, type SpeechText } from './speech-provider.js';

/**
 * The worker file: beside this module in the source tree, and copied beside dist/main.js by the build
 * (scripts/build.mjs), which is where this module is bundled.
 */
const WORKER_URL = new URL('./espeak-wasm.worker.mjs', import.meta.url);

/**
 * Whether the WebAssembly voice can run here: its two packages (optional dependencies: espeak-ng is
 * GPL-3.0, lamejs LGPL-3.0; see docs/decisions/003) are installed and the worker file is in place.
 */
export function wasmVoiceAvailable(): boolean {
  const require = createRequire(import.meta.url);
  try {
    require.resolve('espeak-ng');
    require.resolve('@breezystack/lamejs');
  } catch {
    return false;
  }
  return existsSync(fileURLToPath(WORKER_URL));
}

/**
 * The voice for machines without the espeak-ng and ffmpeg programs, so `npm start` on a bare machine still
 * makes audio: espeak-ng compiled to WebAssembly and a JavaScript MP3 encoder, in a worker thread
 * (espeak-wasm.worker.mjs) so the web server keeps answering while it works. The article is spoken in
 * chunks, each encoded and appended to the file as soon as it is made. About four times slower than the
 * programs (see `npm run bench`), and one article at a time like every provider.
 */
export function createEspeakWasmProvider(): SpeechProvider {
  return {
    name: 'espeak-ng-wasm',
    async synthesize(text: SpeechText, outFile: string, options = {}): Promise<SpeechResult> {
      const worker = new Worker(WORKER_URL, { workerData: { language: text.language, segments: text.segments, outFile } });
      const stop = () => void worker.terminate();
      options.signal?.addEventListener('abort', stop, { once: true });
      let durationMs = 0;
      try {
        durationMs = await new Promise<number>((resolve, reject) => {
          worker.once('message', (m: { ok: boolean; durationMs?: number; error?: string }) => (m.ok ? resolve(m.durationMs ?? 0) : reject(new SpeechError(m.error ?? 'the WebAssembly voice failed', false))));
          worker.once('error', (err) => reject(new SpeechError(`the WebAssembly voice failed: ${err.message}`, false)));
          worker.once('exit', (code) => reject(new SpeechError(options.signal?.aborted ? 'stopped' : `the WebAssembly voice stopped (exit ${code})`, false)));
        });
      } catch (err) {
        await rm(outFile, { force: true });
        throw err;
      } finally {
        options.signal?.removeEventListener('abort', stop);
        void worker.terminate();
      }
      // Counted from the samples by the worker: measuring the MP3 here would scan it on the event loop.
      if (!(durationMs > 0)) throw new SpeechError('the WebAssembly voice produced no audio', false);
      return { durationMs, bytes: (await stat(outFile)).size };
    },
  };
}
